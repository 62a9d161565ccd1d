using System;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>The complete example in spec/README.md is a working spec: it generates, compiles and has every construct.</summary>
public sealed class SpecReadmeTests
{
    [Fact]
    public void The_format_references_example_generates_code_that_compiles()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "README.md"));
        int start = readme.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        string example = readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));

        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/payouts.yaml", example) }, compilation: compilation);

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
        string balance = result.GeneratedSources.Single(s => s.HintName == "Payouts.Balance.g.cs").SourceText.ToString();
        Assert.Contains("ConstantField(\"pg_purpose\", \"payout\"),", balance);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<BalanceCard> Cards { get; }", balance);
        Assert.Contains("public BalanceLimits? Limits { get; }", balance);
        Assert.Contains("public global::System.Collections.Generic.IReadOnlyList<string> Tag { get; }", balance);
        Assert.Contains("public static PayoutsClient Payouts(this global::FreedomPay.FreedomPayClient client)", result.GeneratedSources.Single(s => s.HintName == "Payouts.Client.g.cs").SourceText.ToString());
    }
}
