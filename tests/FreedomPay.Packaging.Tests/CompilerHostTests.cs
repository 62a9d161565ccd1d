using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace FreedomPay.Packaging.Tests;

/// <summary>
/// The packed generator where the compiler is not on .NET 10: tests/FreedomPay.CompilerHost is published
/// self-contained with the .NET 8 runtime (the served Microsoft.NETCore.App.Runtime.linux-x64 8.0 package) and runs
/// Roslyn's C# compiler and its own analyzer loader over the README walkthrough's spec with the generator and the
/// client taken from the packed feed: it must generate and compile, without FPG9999 or FPG0023.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class CompilerHostTests(PackedFeed packed)
{
    [Fact]
    public async Task The_packed_generator_runs_in_a_compiler_hosted_by_dotnet_8()
    {
        string work = Path.Combine(packed.Root, "host8");
        string host = Path.Combine(work, "host");
        CommandResult publish = await DotNet.RunAsync(
            Path.Combine(PackedFeed.RepositoryRoot, "tests", "FreedomPay.CompilerHost"),
            TimeSpan.FromMinutes(10),
            "publish", "--disable-build-servers", "-r", "linux-x64", "--self-contained", "-o", host);
        Assert.True(publish.ExitCode == 0, publish.ToString());

        string generator = Extract(packed.Package("FreedomPay.Generator"), "analyzers/dotnet/cs/", Path.Combine(work, "generator"));
        string client = Extract(packed.Package("FreedomPay.Client"), "lib/net8.0/", Path.Combine(work, "client"));
        string readme = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot, "README.md"));
        string section = readme[readme.IndexOf("## Add your own endpoint", StringComparison.Ordinal)..];
        string spec = Path.Combine(work, "orders.yaml");
        File.WriteAllText(spec, string.Join('\n', Regex.Match(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value.Split('\n').Select(l => l.StartsWith("   ", StringComparison.Ordinal) ? l[3..] : l)));
        string source = Path.Combine(work, "Use.cs");
        File.WriteAllText(source, """
            using System.Threading.Tasks;
            using FreedomPay;
            using FreedomPay.Orders;

            namespace Consumer
            {
                public static class Use
                {
                    public static async Task<long> PaymentOfAsync(FreedomPayClient client) =>
                        (await client.Orders().StatusByOrderAsync(new StatusByOrderRequest { OrderId = "A-1" })).PaymentId;
                }
            }
            """);

        var (exitCode, stdout, stderr) = await BuiltProgram.RunAsync(Path.Combine(host, "FreedomPay.CompilerHost"), Path.Combine(generator, "FreedomPay.Generator.dll"), Path.Combine(client, "FreedomPay.Client.dll"), spec, source);

        Assert.True(exitCode == 0, stdout + stderr);
        Assert.StartsWith("runtime: 8.0.", stdout);
        Assert.Contains("generated: Orders.StatusByOrder.g.cs", stdout);
        Assert.DoesNotContain("FPG9999", stdout);
        Assert.DoesNotContain("FPG0023", stdout);
        Assert.Contains("host: generated and compiled", stdout);
    }

    /// <summary>The entries of a package under one folder, written to a directory (returned).</summary>
    private static string Extract(string package, string folder, string into)
    {
        Directory.CreateDirectory(into);
        using ZipArchive zip = ZipFile.OpenRead(package);
        foreach (ZipArchiveEntry entry in zip.Entries.Where(e => e.FullName.StartsWith(folder, StringComparison.Ordinal) && e.Name.Length > 0))
        {
            entry.ExtractToFile(Path.Combine(into, entry.Name), overwrite: true);
        }

        return into;
    }
}
