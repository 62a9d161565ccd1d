using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// One small spec per YAML construct (Specs/*.yaml): every generated file is kept as a snapshot, and the output
/// compiles with no warnings in a consumer assembly that references FreedomPay.Client.
/// </summary>
public sealed class FeatureSpecTests
{
    [Theory]
    [InlineData("enums")]
    [InlineData("response-shapes")]
    [InlineData("request-shapes")]
    [InlineData("json-area")]
    public void Feature_spec_generates_the_snapshotted_files_and_compiles(string spec) =>
        GenerateAndVerify(spec, ImmutableDictionary<string, string>.Empty);

    [Fact]
    public void Internal_accessibility_and_a_custom_namespace_apply_to_every_file() =>
        GenerateAndVerify("enums", ImmutableDictionary<string, string>.Empty
            .Add("build_property.FreedomPayNamespace", "Contoso.Payments")
            .Add("build_property.FreedomPayAccessibility", "internal"), "enums-internal");

    private static void GenerateAndVerify(string spec, ImmutableDictionary<string, string> options, string? snapshotName = null)
    {
        string path = Path.Combine(System.AppContext.BaseDirectory, "Specs", spec + ".yaml");
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));

        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile(path, File.ReadAllText(path)) }, options, compilation);

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
        Snapshot.VerifyAll(snapshotName ?? spec, result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }
}
