using BenchmarkDotNet.Attributes;
using FreedomPay.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Benchmarks.Generator;

/// <summary>
/// Cold generation of N operations, by our generator (YAML spec) and by Refit's (an interface with N equivalent
/// methods), in the same driver setup. Program divides by N for the per-operation cost and its growth.
/// </summary>
[MemoryDiagnoser]
public class ScalingBenchmarks
{
    private CSharpCompilation _empty = null!;
    private CSharpCompilation _refitCompilation = null!;
    private CSharpCompilation _refitRuntimeOnly = null!;
    private string _spec = null!;
    private string _refitSource = null!;
    private OperationView[] _views = null!;

    [Params(10, 100, 1000)]
    public int Operations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _empty = GeneratorInputs.EmptyCompilation();
        _spec = GeneratorInputs.SyntheticSpec(Operations);
        SyntaxTree refitInterface = GeneratorInputs.SyntheticRefitInterface(Operations);
        _refitRuntimeOnly = GeneratorInputs.EmptyCompilation(GeneratorInputs.RefitRuntime);
        _refitCompilation = _refitRuntimeOnly.AddSyntaxTrees(refitInterface);
        _refitSource = refitInterface.ToString();
        GeneratorInputs.EnsureGenerates(GeneratorInputs.FreedomPayDriver(_spec), _empty, atLeast: Operations);
        _views = GeneratorInputs.Operations(_spec).Views;
        GeneratorInputs.EnsureGenerates(GeneratorInputs.RefitDriver(), _refitCompilation, atLeast: 1);
    }

    [Benchmark(Baseline = true, Description = "FreedomPay generator")]
    public GeneratorDriver FreedomPay() => GeneratorInputs.FreedomPayDriver(_spec).RunGenerators(_empty);

    [Benchmark(Description = "Refit generator")]
    public GeneratorDriver Refit() => GeneratorInputs.RefitDriver().RunGenerators(_refitCompilation);

    /// <summary>
    /// YamlDotNet's parse of the same spec into the generator's node tree, nothing else: the floor under our cold run
    /// while YamlDotNet stays the parser (the fallback target compares it with Refit's whole run).
    /// </summary>
    [Benchmark(Description = "YamlDotNet parse alone")]
    public object YamlParse() => global::FreedomPay.Generator.Parsing.YamlTreeReader.Read(_spec);

    /// <summary>
    /// Scriban's rendering of every operation's file from views built in setup, nothing else: with YamlDotNet's parse,
    /// the floor under our cold run while Scriban renders the templates (binding, views and the driver come on top).
    /// </summary>
    [Benchmark(Description = "Scriban rendering alone")]
    public int ScribanRendering()
    {
        int chars = 0;
        foreach (OperationView view in _views)
        {
            chars += TemplateRenderer.Render("Operation", view).Length;
        }

        return chars;
    }

    /// <summary>
    /// Refit's run from its input text, as ours runs from the YAML text: the interface is parsed and bound inside
    /// the measured run (in <see cref="Refit"/> the compilation has bound it once, in setup, for every iteration).
    /// </summary>
    [Benchmark(Description = "Refit generator, from source")]
    public GeneratorDriver RefitFromSource() => GeneratorInputs.RefitDriver().RunGenerators(
        _refitRuntimeOnly.AddSyntaxTrees(CSharpSyntaxTree.ParseText(_refitSource, GeneratorInputs.ParseOptions)));
}
