using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Benchmarks.Generator;

/// <summary>
/// The real Mobile balance spec: a cold run (a fresh driver: parse, validate, render, add sources) against a warm
/// re-run after an unrelated C# edit, where every step must be cached and no file rendered.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = GeneratorInputs.EmptyCompilation();
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }", GeneratorInputs.ParseOptions));
        GeneratorInputs.EnsureGenerates(GeneratorInputs.FreedomPayDriver(GeneratorInputs.RealSpec), _compilation, atLeast: 6);
        GeneratorInputs.EnsureWarmIsCached(GeneratorInputs.RealSpec, _compilation, _edited);
        _warm = GeneratorInputs.FreedomPayDriver(GeneratorInputs.RealSpec).RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "cold run, real spec")]
    public GeneratorDriver Cold() => GeneratorInputs.FreedomPayDriver(GeneratorInputs.RealSpec).RunGenerators(_compilation);

    [Benchmark(Description = "warm re-run after an unrelated edit")]
    public GeneratorDriver Warm()
    {
        // Alternate between two compilations that differ only in unrelated C#: every run is an edit.
        _toggle = !_toggle;
        _warm = _warm.RunGenerators(_toggle ? _edited : _compilation);
        return _warm;
    }
}
