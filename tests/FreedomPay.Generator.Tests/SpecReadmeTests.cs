using System;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>The complete example in spec/README.md is a working spec: it generates, compiles and has every construct.</summary>
public sealed class SpecReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "spec", "README.md"));

    [Fact]
    public void Every_key_the_binder_accepts_is_in_the_format_reference()
    {
        // The binder's key lists (RootKeys, OperationKeys, RequestFieldKeys, ...), read as the binder reads them.
        string[] keys = typeof(FreedomPay.Generator.Binding.DiagnosticDescriptors).Assembly
            .GetType("FreedomPay.Generator.Binding.SpecBinder")!
            .GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .Where(f => f.Name.EndsWith("Keys", StringComparison.Ordinal) && f.FieldType == typeof(string[]))
            .SelectMany(f => (string[])f.GetValue(null)!)
            .Distinct()
            .ToArray();

        Assert.Contains("one-of", keys);
        // Written as `key`, `key:` (a section) or `parent.key` (a nested key).
        string[] undocumented = keys
            .Where(key => !new[] { "`" + key + "`", "`" + key + ":", "." + key + "`" }.Any(form => Readme.Contains(form, StringComparison.Ordinal)))
            .ToArray();
        Assert.True(undocumented.Length == 0, "Not in spec/README.md: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void Every_diagnostic_is_in_the_format_reference()
    {
        string[] ids = typeof(FreedomPay.Generator.Binding.DiagnosticDescriptors)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToArray();

        Assert.Contains("FPG0021", ids);
        string[] undocumented = ids.Where(id => !Readme.Contains("| " + id + " |", StringComparison.Ordinal)).ToArray();
        Assert.True(undocumented.Length == 0, "Not in spec/README.md's diagnostics table: " + string.Join(", ", undocumented));
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreedomPay.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FreedomPay.Generated.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void The_format_references_example_generates_code_that_compiles()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "README.md"));
        int start = readme.IndexOf("```yaml\n", readme.IndexOf("## A complete small example", StringComparison.Ordinal), StringComparison.Ordinal) + "```yaml\n".Length;
        string example = readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));

        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/transfers.yaml", example) }, compilation: compilation);

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
        string balance = result.GeneratedSources.Single(s => s.HintName == "Transfers.Balance.g.cs").SourceText.ToString();
        Assert.Contains("ConstantField(\"pg_purpose\", \"payout\"),", balance);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<BalanceCard> Cards { get; }", balance);
        Assert.Contains("public BalanceLimits? Limits { get; }", balance);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string> Tag { get; }", balance);
        string client = result.GeneratedSources.Single(s => s.HintName == "Transfers.Client.g.cs").SourceText.ToString();
        Assert.Contains("public static TransfersClient Transfers(this global::FreedomPay.FreedomPayClient client)", client);
        Assert.Contains("secretName: \"payout\")", client);
    }
}
