using BenchmarkDotNet.Attributes;
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
    private string _spec = null!;

    [Params(10, 100, 1000)]
    public int Operations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _empty = GeneratorInputs.EmptyCompilation();
        _spec = GeneratorInputs.SyntheticSpec(Operations);
        _refitCompilation = GeneratorInputs.EmptyCompilation(GeneratorInputs.RefitRuntime).AddSyntaxTrees(GeneratorInputs.SyntheticRefitInterface(Operations));
        GeneratorInputs.EnsureGenerates(GeneratorInputs.FreedomPayDriver(_spec), _empty, atLeast: Operations);
        GeneratorInputs.EnsureGenerates(GeneratorInputs.RefitDriver(), _refitCompilation, atLeast: 1);
    }

    [Benchmark(Baseline = true, Description = "FreedomPay generator")]
    public GeneratorDriver FreedomPay() => GeneratorInputs.FreedomPayDriver(_spec).RunGenerators(_empty);

    [Benchmark(Description = "Refit generator")]
    public GeneratorDriver Refit() => GeneratorInputs.RefitDriver().RunGenerators(_refitCompilation);
}
