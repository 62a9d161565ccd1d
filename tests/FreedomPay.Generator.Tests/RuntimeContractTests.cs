using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// The generator emits against a versioned runtime contract (FreedomPay.Runtime.GeneratedCodeContract): an older
/// FreedomPay.Client gets one positioned error per area instead of generated code that cannot compile.
/// </summary>
public sealed class RuntimeContractTests
{
    private const string Spec = """
        area: Demo
        servers:
          kz: https://api.example.test/
        operations:
          Ping:
            path: /ping
            summary: Checks the connection.
            response:
              elements:
                pg_status: { values: [ok, error] }
        """;

    [Theory]
    [InlineData("namespace FreedomPay { public sealed class FreedomPayClient { } }", "1")]
    [InlineData("namespace FreedomPay.Runtime { public static class GeneratedCodeContract { public const int Version = 1; } }", "1")]
    public void An_older_runtime_is_one_error_at_the_area_line_and_nothing_is_generated(string runtimeSource, string contract)
    {
        MetadataReference oldRuntime = Runtime("FreedomPay.Client", "0.0.9.0", runtimeSource);

        var (result, _) = GeneratorHarness.Run(new[] { new SpecFile("/specs/demo.yaml", Spec) }, compilation: GeneratorHarness.EmptyCompilation(new[] { oldRuntime }));

        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal("FPG0020", error.Id);
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line); // "area: Demo"
        Assert.Equal("/specs/demo.yaml", error.Location.GetLineSpan().Path);
        Assert.Contains($"contract {RuntimeContractVersion}, but the referenced FreedomPay.Client 0.0.9.0 has contract {contract}", error.GetMessage());
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void The_runtime_in_this_repository_implements_the_contract_the_generator_emits_against()
    {
        Assert.Equal(FreedomPay.Runtime.GeneratedCodeContract.Version, RuntimeContractVersion);
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));

        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/demo.yaml", Spec) }, compilation: compilation);

        Assert.Empty(result.Diagnostics);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Demo.Ping.g.cs");
        Assert.Empty(RuntimeCompilation.Problems(output));
    }

    [Fact]
    public void An_area_named_like_a_packaged_one_is_one_error_pointing_at_FreedomPayNamespace()
    {
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        string purchase = Spec.Replace("area: Demo", "area: Purchase");

        var (clash, _) = GeneratorHarness.Run(new[] { new SpecFile("/specs/purchase.yaml", purchase) }, compilation: compilation);
        var (beside, output) = GeneratorHarness.Run(
            new[] { new SpecFile("/specs/purchase.yaml", purchase) },
            System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", "MyShop.FreedomPay"),
            compilation);

        Diagnostic error = Assert.Single(clash.Diagnostics);
        Assert.Equal("FPG0022", error.Id);
        Assert.Equal(0, error.Location.GetLineSpan().StartLinePosition.Line); // "area: Purchase"
        Assert.Contains("FreedomPay.Purchase, where the referenced FreedomPay.Client already has its own 'Purchase' area", error.GetMessage());
        Assert.Contains("<FreedomPayNamespace>", error.GetMessage());
        Assert.Empty(clash.GeneratedSources);
        Assert.Empty(beside.Diagnostics); // in a namespace of its own it is generated and compiles next to the packaged one
        Assert.Contains(beside.GeneratedSources, s => s.HintName == "Purchase.Ping.g.cs");
        Assert.Empty(RuntimeCompilation.Problems(output));
    }

    [Fact]
    public void Without_any_runtime_reference_the_code_is_still_generated()
    {
        var (result, _) = GeneratorHarness.Run(Spec, "/specs/demo.yaml");

        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "FPG0020");
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Demo.Ping.g.cs");
    }

    /// <summary>The generator's own constant, read from its assembly (it is internal there).</summary>
    private static int RuntimeContractVersion => (int)typeof(FreedomPay.Generator.FreedomPayGenerator).Assembly
        .GetType("FreedomPay.Generator.RuntimeContract")!.GetField("Required")!.GetRawConstantValue()!;

    private static MetadataReference Runtime(string name, string version, string source)
    {
        var compilation = CSharpCompilation.Create(
            name,
            new[] { CSharpSyntaxTree.ParseText($"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n" + source) },
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(compilation.Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
