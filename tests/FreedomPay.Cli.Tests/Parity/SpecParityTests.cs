using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using FreedomPay.Cli.Specs;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Tests.Parity;

/// <summary>
/// One translation: every spec of the repository (the packaged ones, compiled into FreedomPay.Client; the tests' own,
/// compiled into this assembly by the generator as a consumer's would be) means the same to the compiled client as to
/// <c>freedompay --spec</c> and the sandbox, which bind it at run time. Their runtime descriptions are compared
/// property by property (<see cref="DescriptionDump"/>): a spec key that reaches one side only fails here.
/// </summary>
public sealed class SpecParityTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string>();
        foreach (string file in SpecFiles().Select(f => Path.GetRelativePath(Root, f)))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void A_spec_means_the_same_to_the_compiled_client_and_to_the_tool(string file)
    {
        var (area, diagnostics) = SpecLoader.Load(Path.Combine(Root, file));
        Assert.True(area is not null, string.Join("\n", diagnostics));

        bool packaged = file.StartsWith("spec/", StringComparison.Ordinal);
        IReadOnlyList<OperationInfo> compiled = area!.Operations.Count == 0 && CompiledClient(area.Name, packaged) is null ? Array.Empty<OperationInfo>() : CompiledOperations(area.Name, packaged);
        string expected = DescriptionDump.Of(compiled);
        string actual = DescriptionDump.Of(area.Operations);

        Assert.True(expected == actual, file + ": the compiled client and --spec differ.\n" + FirstDifference(expected, actual));
    }

    [Fact]
    public void Every_spec_of_the_repository_is_compared()
    {
        string[] files = SpecFiles().Select(Path.GetFileName).ToArray()!;

        Assert.Contains("freedompay.invoice.yaml", files); // JSON, JWS HS512 with its key id
        Assert.Contains("freedompay.payouts.yaml", files); // secret: payout, {merchant-id} paths
        Assert.Contains("card-api.yaml", files); // the Sign header
        Assert.Contains("json-area.yaml", files); // JWS HS256, headers, nested object and list
        Assert.Contains("json-status.yaml", files); // JSON signed with its own pg_sig
        Assert.Contains("request-shapes.yaml", files); // urlencoded, path parameters, one-of, lists
        Assert.True(files.Length >= 14, string.Join(", ", files));
    }

    /// <summary>The generated <c>&lt;Area&gt;Client.Operations</c> of the area, from FreedomPay.Client (a packaged spec) or from this assembly (a test's).</summary>
    private static IReadOnlyList<OperationInfo> CompiledOperations(string area, bool packaged)
    {
        Type? client = CompiledClient(area, packaged);
        Assert.True(client is not null, $"no compiled client for the area {area}");
        PropertyInfo? operations = client!.GetProperty("Operations", BindingFlags.Public | BindingFlags.Static);
        return operations is null ? Array.Empty<OperationInfo>() : (IReadOnlyList<OperationInfo>)operations.GetValue(null)!;
    }

    // A test's spec may name a packaged area (Partner): its own compiled client is the one to compare with.
    private static Type? CompiledClient(string area, bool packaged) => packaged
        ? typeof(FreedomPayClient).Assembly.GetType($"FreedomPay.{area}.{area}Client")
        : typeof(SpecParityTests).Assembly.GetType($"FreedomPay.Cli.Tests.Specs.{area}.{area}Client") ?? typeof(FreedomPayClient).Assembly.GetType($"FreedomPay.{area}.{area}Client");

    private static IEnumerable<string> SpecFiles() =>
        Directory.GetFiles(Path.Combine(Root, "spec"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "FreedomPay.Sandbox.Tests", "Specs"), "*.yaml"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "FreedomPay.Generator.Tests", "Specs"), "*.yaml"))
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests", "FreedomPay.Cli.Tests", "Specs"), "*.yaml"))
            .OrderBy(f => f, StringComparer.Ordinal);

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n');
        string[] b = actual.Split('\n');
        int i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        int from = Math.Max(0, i - 12);
        return $"first difference at line {i + 1}\n--- compiled client\n{string.Join("\n", a.Skip(from).Take(i - from + 6))}\n--- freedompay --spec\n{string.Join("\n", b.Skip(from).Take(i - from + 6))}";
    }

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreedomPay.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FreedomPay.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
