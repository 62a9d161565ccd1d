using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using FreedomPay.Generator.Emit;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;
using FreedomPay.Generator.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Benchmarks.Generator;

/// <summary>
/// `--stages`: where a cold run's time and allocations go, stage by stage (YAML + validation, view building,
/// template rendering), on a synthetic spec. A diagnostic for explaining or fixing a benchmark gap.
/// </summary>
internal static class StageProfile
{
    public static string Run(int operations, int rounds)
    {
        string spec = GeneratorInputs.SyntheticSpec(operations);
        var (units, built) = GeneratorInputs.Operations(spec);

        (double Ms, long Bytes) Measure(Action action)
        {
            // Warm-up by time, not by rounds: tiered JIT promotes hot methods in the background, and three rounds left
            // Scriban's evaluation at tier 0 (rendering measured 3-4x its BenchmarkDotNet figure).
            var warmUp = Stopwatch.StartNew();
            for (int i = 0; i < 3 || warmUp.ElapsedMilliseconds < 2000; i++)
            {
                action();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < rounds; i++)
            {
                action();
            }

            return (clock.Elapsed.TotalMilliseconds / rounds, (GC.GetAllocatedBytesForCurrentThread() - before) / rounds);
        }

        var parse = Measure(() => YamlTreeReader.Read(spec));
        var bind = Measure(() => SpecBinder.Bind(GeneratorInputs.SyntheticPath, spec));
        var views = Measure(() => { foreach (OperationUnit unit in units) { OperationViewBuilder.Build(unit); } });
        var render = Measure(() => { foreach (OperationView view in built) { TemplateRenderer.Render("Operation", view); } });

        // The whole cold run through the driver, next to Refit's on the same shapes: a quick look only, five rounds
        // on a noisy machine. The comparison the targets use is BenchmarkDotNet's, in --scaling.
        CSharpCompilation empty = GeneratorInputs.EmptyCompilation();
        CSharpCompilation refitCompilation = GeneratorInputs.EmptyCompilation(GeneratorInputs.RefitRuntime).AddSyntaxTrees(GeneratorInputs.SyntheticRefitInterface(operations));
        var ours = Measure(() => GeneratorInputs.FreedomPayDriver(spec).RunGenerators(empty));
        var refit = Measure(() => GeneratorInputs.RefitDriver().RunGenerators(refitCompilation));

        var text = new StringBuilder($"## Generator stages, {operations} operations, per operation (mean of {rounds} rounds)\n")
            .AppendLine("| stage | µs/op | B/op |").AppendLine("|---|---|---|");
        foreach (var (stage, (ms, bytes)) in new[] { ("of which YamlDotNet parse (node tree)", parse), ("YAML parse + binding", bind), ("view building", views), ("Scriban rendering", render), ("whole cold run (driver)", ours), ("Refit's whole cold run (driver)", refit) })
        {
            text.AppendLine(FormattableString.Invariant($"| {stage} | {ms * 1000 / operations:F1} | {bytes / operations} |"));
        }

        // What each generator writes per operation: ours moves request checks, encoding and reply parsing to
        // compile time; Refit's stubs hand their arguments to its runtime request builder.
        text.AppendLine().AppendLine("| generator | generated chars/op |").AppendLine("|---|---|");
        foreach (var (name, driver, compilation) in new[]
        {
            ("FreedomPay", GeneratorInputs.FreedomPayDriver(spec), GeneratorInputs.EmptyCompilation()),
            ("Refit", GeneratorInputs.RefitDriver(), GeneratorInputs.EmptyCompilation(GeneratorInputs.RefitRuntime).AddSyntaxTrees(GeneratorInputs.SyntheticRefitInterface(operations))),
        })
        {
            long chars = driver.RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources.Sum(s => (long)s.SourceText.Length);
            text.AppendLine(FormattableString.Invariant($"| {name} | {chars / operations} |"));
        }

        // The size measure on the real spec: every file of the Mobile balance area over its operations.
        GeneratorRunResult real = GeneratorInputs.FreedomPayDriver(GeneratorInputs.RealSpec).RunGenerators(empty).GetRunResult().Results.Single();
        long realChars = real.GeneratedSources.Sum(s => (long)s.SourceText.Length);
        int realOperations = GeneratorInputs.RealSpecOperations;
        text.AppendLine().AppendLine(FormattableString.Invariant($"Real spec (Mobile balance): {real.GeneratedSources.Length} files, {realChars} chars, {realChars / realOperations} chars per operation ({realOperations} operations)."));

        return text.ToString();
    }

    /// <summary>Only cold driver runs of a synthetic spec, nothing else, so that a profile shows one thing.</summary>
    public static void DriverLoop(int operations, int rounds)
    {
        string spec = GeneratorInputs.SyntheticSpec(operations);
        CSharpCompilation empty = GeneratorInputs.EmptyCompilation();
        int every = Math.Max(1, rounds / 6);
        for (int i = 0; i < rounds; i++)
        {
            var sw = Stopwatch.StartNew();
            GeneratorInputs.FreedomPayDriver(spec).RunGenerators(empty);
            if (i % every == every - 1)
            {
                Console.WriteLine($"round {i}: {sw.Elapsed.TotalMilliseconds * 1000 / operations:F1} us/op");
            }
        }
    }
}
