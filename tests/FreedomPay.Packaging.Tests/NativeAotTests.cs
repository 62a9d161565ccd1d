using System;
using System.IO;
using System.Threading.Tasks;
using FreedomPay.Sandbox;

namespace FreedomPay.Packaging.Tests;

/// <summary>
/// The client and its generated code under Native AOT: tests/FreedomPay.AotSmoke is published with PublishAot
/// (trim and AOT analysis, warnings as errors) and the native binary runs a payment against the sandbox.
/// Needs clang (Debian's clang or clang-14), as every Native AOT build on Linux does.
/// </summary>
public sealed class NativeAotTests
{
    [ClangFact]
    public async Task The_client_published_with_native_aot_pays_against_the_sandbox()
    {
        string output = Path.Combine(Path.GetTempPath(), "freedompay-aot-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            CommandResult publish = await DotNet.RunAsync(
                Path.Combine(PackedFeed.RepositoryRoot, "tests", "FreedomPay.AotSmoke"),
                TimeSpan.FromMinutes(15),
                "publish", "--disable-build-servers", "-r", "linux-x64", "-o", output, "-warnaserror");
            Assert.True(publish.ExitCode == 0, "Native AOT publish failed (on Linux it needs clang: apt-get install clang):\n" + publish);
            Assert.DoesNotContain("warning IL", publish.Output);

            await using var sandbox = await FreedomPaySandbox.StartAsync();
            var (exitCode, stdout, stderr) = await BuiltProgram.RunAsync(Path.Combine(output, "FreedomPay.AotSmoke"), sandbox.BaseAddress.ToString(), sandbox.Merchant.MerchantId, sandbox.Merchant.SecretKey);

            Assert.True(exitCode == 0, stdout + stderr);
            Assert.Contains("pay=Ok status=Success amount=12.34", stdout);
            Assert.Contains("invoice status=Ok invoice_status=Process qr=yes", stdout);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
