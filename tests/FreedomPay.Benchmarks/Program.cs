using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FreedomPay.Benchmarks.Client;
using FreedomPay.Benchmarks.Generator;
using FreedomPay.Benchmarks.Hostile;
using FreedomPay.Benchmarks.Load;

// Modes: --stages where the generator's time goes (a quick diagnostic); (none) full BenchmarkDotNet runs; --short a few minutes (ShortRun); --smoke each benchmark once, in-process,
// and a 2,000-request load test (what .ci/run checks). Results: the BenchmarkDotNet tables, then the derived ratios.
// --driver-loop [operations]: cold runs of a synthetic spec back to back, for a profiler to attach to
// (dotnet-trace collect --profile dotnet-sampled-thread-time -- <benchmarks> --driver-loop).
// --template-costs: Scriban's cost per evaluated construct and per operation file; --allocations: the types each stage allocates.
if (args.Contains("--driver-loop"))
{
    // 1000 operations by default; 10 shows the per-operation work with little garbage collection.
    int loopOperations = args.SkipWhile(a => a != "--driver-loop").Skip(1).Select(a => int.TryParse(a, out int n) ? n : 0).FirstOrDefault(n => n > 0);
    loopOperations = loopOperations > 0 ? loopOperations : 1000;
    StageProfile.DriverLoop(operations: loopOperations, rounds: 60_000 / loopOperations);
    return 0;
}

if (args.Contains("--template-costs"))
{
    Console.WriteLine(TemplateCosts.Run());
    return 0;
}

if (args.Contains("--allocations"))
{
    Console.WriteLine(AllocationProfile.Run(operations: 1000, rounds: 20));
    return 0;
}

if (args.Contains("--stages"))
{
    Console.WriteLine(StageProfile.Run(operations: 1000, rounds: 5));
    return 0;
}

string mode = args.Contains("--smoke") ? "smoke" : args.Contains("--short") ? "short" : "full";
IConfig config = mode switch
{
    "smoke" => DefaultConfig.Instance.AddJob(Job.Dry.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator),
    "short" => DefaultConfig.Instance.AddJob(Job.ShortRun),
    _ => DefaultConfig.Instance,
};

var report = new StringBuilder();
if (mode == "smoke")
{
    report.AppendLine("> Smoke run: every benchmark executed once, unwarmed. It proves they run; its figures are not measurements.\n");
}

// --client: the per-call benchmarks alone (a quick check of a change to the runtime's call path).
// --scaling: the generator scaling benchmark alone (ours against Refit's per operation).
// --load: the loopback load test alone (at the full run's size unless --short).
bool clientOnly = args.Contains("--client");
bool invoiceOnly = args.Contains("--invoice"); // the JSON call alone
bool loadOnly = args.Contains("--load");
bool scalingOnly = args.Contains("--scaling"); // the generator's per-operation cost against Refit's alone
bool onceOnly = args.Contains("--exactly-once"); // a callback's claim in Redis, the sandbox's hostile JSON, alone

Type[] benchmarks = scalingOnly ? new[] { typeof(ScalingBenchmarks) }
    : onceOnly ? new[] { typeof(ExactlyOnceBenchmarks) }
    : invoiceOnly ? new[] { typeof(InvoiceBenchmarks) }
    : clientOnly
    ? new[] { typeof(ClientBenchmarks), typeof(InvoiceBenchmarks) }
    : new[] { typeof(GeneratorBenchmarks), typeof(ScalingBenchmarks), typeof(ClientBenchmarks), typeof(InvoiceBenchmarks), typeof(HostileInputBenchmarks), typeof(ExactlyOnceBenchmarks) };
Summary[] summaries = loadOnly ? Array.Empty<Summary>() : BenchmarkRunner.Run(benchmarks, config);
bool failed = summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success));

if (onceOnly)
{
    Derived.ExactlyOnce(summaries, report);
    Console.WriteLine(report.ToString());
    return failed ? 1 : 0;
}

if (scalingOnly)
{
    Derived.Scaling(summaries, report);
    Console.WriteLine(report.ToString());
    return failed ? 1 : 0;
}

if (!clientOnly && !loadOnly && !invoiceOnly)
{
    Derived.Generator(summaries, report);
    Derived.Scaling(summaries, report);
}

if (!loadOnly && !invoiceOnly)
{
    Derived.Client(summaries, report);
}

if (!loadOnly)
{
    Derived.Invoice(summaries, report);
}

if (!clientOnly && !loadOnly && !invoiceOnly)
{
    Derived.Hostile(summaries, report);
    Derived.ExactlyOnce(summaries, report);
}

if (!invoiceOnly)
{
    // The hand-written status route and the default emulation (reply built from the description): both warmed up,
    // then alternated twice so that drift on a noisy machine favours neither; the ratio compares the better run of each.
    int loadRequests = mode == "full" ? 20_000 : 2_000;
    var loads = new List<(string Route, LoadResult Result)>();
    foreach (bool emulated in new[] { false, true })
    {
        await LoopbackLoadTest.RunAsync(requests: 2_000, callers: 4, defaultEmulation: emulated); // warm-up, not reported
    }

    foreach (bool emulated in new[] { false, true, false, true })
    {
        loads.Add((emulated ? "default emulation" : "hand-written", await LoopbackLoadTest.RunAsync(loadRequests, callers: 4, defaultEmulation: emulated)));
    }

    report.AppendLine(CultureInfo.InvariantCulture, $"\n## Loopback load: {loadRequests} status calls, 4 concurrent callers, sandbox in process")
        .AppendLine("| sandbox route | requests/s | p50 ms | p99 ms | errors |").AppendLine("|---|---|---|---|---|");
    foreach (var (route, load) in loads)
    {
        report.AppendLine(CultureInfo.InvariantCulture, $"| {route} | {load.RequestsPerSecond:F0} | {load.P50Ms:F3} | {load.P99Ms:F3} | {load.Errors} |");
        failed |= load.Errors > 0;
    }

    double handWritten = loads.Where(l => l.Route == "hand-written").Max(l => l.Result.RequestsPerSecond);
    double emulatedRate = loads.Where(l => l.Route == "default emulation").Max(l => l.Result.RequestsPerSecond);
    report.AppendLine(CultureInfo.InvariantCulture, $"\nHand-written / default emulation (best run of each, requests/s): {handWritten / emulatedRate:F2}x (target: at most 1.2x).");
}

string text = report.ToString();
Console.WriteLine(text);
Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
File.WriteAllText(Path.Combine("BenchmarkDotNet.Artifacts", $"derived-{mode}.md"), text);
Console.WriteLine(failed ? "benchmarks: FAILED" : $"benchmarks: {mode} run completed");
return failed ? 1 : 0;

/// <summary>Ratios computed from the BenchmarkDotNet reports (all from this one run).</summary>
internal static class Derived
{
    public static void Generator(Summary[] summaries, StringBuilder report)
    {
        var rows = Rows(summaries, nameof(GeneratorBenchmarks));
        double cold = rows.Single(r => r.Method == nameof(GeneratorBenchmarks.Cold)).Mean;
        var warm = rows.Single(r => r.Method == nameof(GeneratorBenchmarks.Warm));
        report.AppendLine("## Generator, real Mobile balance spec")
            .AppendLine("| run | mean µs | allocated B | ratio to cold |").AppendLine("|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| cold | {cold / 1000:F1} | {rows.Single(r => r.Method == nameof(GeneratorBenchmarks.Cold)).Allocated} | 1.00 |")
            .AppendLine(CultureInfo.InvariantCulture, $"| warm re-run (unrelated edit) | {warm.Mean / 1000:F1} | {warm.Allocated} | {warm.Mean / cold:F3} |");
    }

    public static void Scaling(Summary[] summaries, StringBuilder report)
    {
        var rows = Rows(summaries, nameof(ScalingBenchmarks));
        report.AppendLine("\n## Generator scaling: per operation, ours and Refit's")
            .AppendLine("Refit (bound) reuses a compilation that bound the interface once, in setup; Refit (from source) parses and")
            .AppendLine("binds it inside each run, as ours parses and binds its YAML.\n")
            .AppendLine("| operations | ours µs/op | ours B/op | YamlDotNet parse alone µs/op | Scriban rendering alone µs/op | Refit (bound) µs/op | Refit (from source) µs/op | Refit (from source) B/op | ours / Refit (bound) | YamlDotNet alone / Refit (bound) | YamlDotNet + Scriban alone / Refit (bound) | ours / Refit (from source) |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (int n in new[] { 10, 100, 1000 })
        {
            var ours = rows.Single(r => r.Method == nameof(ScalingBenchmarks.FreedomPay) && r.Parameter == n);
            var refit = rows.Single(r => r.Method == nameof(ScalingBenchmarks.Refit) && r.Parameter == n);
            var fromSource = rows.Single(r => r.Method == nameof(ScalingBenchmarks.RefitFromSource) && r.Parameter == n);
            var yaml = rows.Single(r => r.Method == nameof(ScalingBenchmarks.YamlParse) && r.Parameter == n);
            var render = rows.Single(r => r.Method == nameof(ScalingBenchmarks.ScribanRendering) && r.Parameter == n);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {n} | {ours.Mean / 1000 / n:F2} | {ours.Allocated / n} | {yaml.Mean / 1000 / n:F2} | {render.Mean / 1000 / n:F2} | {refit.Mean / 1000 / n:F2} | {fromSource.Mean / 1000 / n:F2} | {fromSource.Allocated / n} | {ours.Mean / refit.Mean:F2} | {yaml.Mean / refit.Mean:F2} | {(yaml.Mean + render.Mean) / refit.Mean:F2} | {ours.Mean / fromSource.Mean:F2} |");
        }

        double Per(string method, int n, Func<Row, double> value) => value(rows.Single(r => r.Method == method && r.Parameter == n)) / n;
        report.AppendLine(CultureInfo.InvariantCulture, $"\nPer-operation growth from 10 to 1000 operations: ours time x{Per("FreedomPay", 1000, r => r.Mean) / Per("FreedomPay", 10, r => r.Mean):F2}, ours allocations x{Per("FreedomPay", 1000, r => r.Allocated) / Per("FreedomPay", 10, r => r.Allocated):F2}; Refit time x{Per("Refit", 1000, r => r.Mean) / Per("Refit", 10, r => r.Mean):F2}.");
    }

    public static void Client(Summary[] summaries, StringBuilder report)
    {
        var rows = Rows(summaries, nameof(ClientBenchmarks));
        report.AppendLine("\n## One call: sign, encode, send in memory, read and verify")
            .AppendLine("| operation | client | mean µs | allocated B | time / hand-written | alloc / hand-written | time / Refit | alloc / Refit |")
            .AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (string op in new[] { "Pay", "Status" })
        {
            Row baseline = rows.Single(r => r.Method == op + "HandWritten");
            Row refit = rows.Single(r => r.Method == op + "Refit");
            foreach (Row row in new[] { baseline, rows.Single(r => r.Method == op + "Generated"), refit })
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {op.ToLowerInvariant()} | {row.Description.Trim('\'')} | {row.Mean / 1000:F2} | {row.Allocated} | {row.Mean / baseline.Mean:F2} | {(double)row.Allocated / baseline.Allocated:F2} | {row.Mean / refit.Mean:F2} | {(double)row.Allocated / refit.Allocated:F2} |");
            }
        }
    }

    public static void Invoice(Summary[] summaries, StringBuilder report)
    {
        var rows = Rows(summaries, nameof(InvoiceBenchmarks));
        Row baseline = rows.Single(r => r.Method == nameof(InvoiceBenchmarks.InitHandWritten));
        report.AppendLine("\n## One Invoice call (JSON body, detached HS512 JWS, JSON reply)")
            .AppendLine("| client | mean µs | allocated B | time / hand-written | alloc / hand-written |").AppendLine("|---|---|---|---|---|");
        foreach (Row row in new[] { baseline, rows.Single(r => r.Method == nameof(InvoiceBenchmarks.InitGenerated)) })
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {row.Description.Trim('\'')} | {row.Mean / 1000:F2} | {row.Allocated} | {row.Mean / baseline.Mean:F2} | {(double)row.Allocated / baseline.Allocated:F2} |");
        }
    }

    public static void Hostile(Summary[] summaries, StringBuilder report)
    {
        var rows = Rows(summaries, nameof(HostileInputBenchmarks));
        report.AppendLine("\n## Refusing hostile input, against handling a genuine message")
            .AppendLine("| input | mean µs | allocated B | time / genuine | alloc / genuine |").AppendLine("|---|---|---|---|---|");
        foreach ((string genuine, string[] hostile) in new[]
        {
            (nameof(HostileInputBenchmarks.GenuineReply), new[] { nameof(HostileInputBenchmarks.ReverseSiblingsReply), nameof(HostileInputBenchmarks.DeepNestingReply), nameof(HostileInputBenchmarks.AlternatingTextReply) }),
            (nameof(HostileInputBenchmarks.GenuineCallback), new[] { nameof(HostileInputBenchmarks.HostileCallback), nameof(HostileInputBenchmarks.DeepCallback) }),
        })
        {
            Row baseline = rows.Single(r => r.Method == genuine);
            foreach (Row row in hostile.Select(h => rows.Single(r => r.Method == h)).Prepend(baseline))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {row.Description.Trim('\'')} | {row.Mean / 1000:F1} | {row.Allocated} | {row.Mean / baseline.Mean:F1} | {(double)row.Allocated / baseline.Allocated:F1} |");
            }
        }

        Row cap = rows.Single(r => r.Method == nameof(HostileInputBenchmarks.ReplyAtTheCap));
        report.AppendLine(CultureInfo.InvariantCulture, $"\nA signed reply just under the {HostileInputBenchmarks.Cap}-byte cap: {cap.Mean / 1000:F1} µs, {cap.Allocated} B allocated = {(double)cap.Allocated / HostileInputBenchmarks.Cap:F2} x the cap.");
    }

    public static void ExactlyOnce(Summary[] summaries, StringBuilder report)
    {
        var rows = Rows(summaries, nameof(ExactlyOnceBenchmarks));
        report.AppendLine("\n## Exactly once and the sandbox's JSON limits, against their baselines")
            .AppendLine("| case | mean µs | allocated B | time / baseline | alloc / baseline |").AppendLine("|---|---|---|---|---|");
        foreach ((string baselineName, string[] others) in new[]
        {
            (nameof(ExactlyOnceBenchmarks.RememberedInProcess), new[] { nameof(ExactlyOnceBenchmarks.ClaimedInRedis) }),
            (nameof(ExactlyOnceBenchmarks.GenuineJson), new[] { nameof(ExactlyOnceBenchmarks.LongNameJson), nameof(ExactlyOnceBenchmarks.ManyValuesJson) }),
        })
        {
            Row baseline = rows.Single(r => r.Method == baselineName);
            foreach (Row row in others.Select(h => rows.Single(r => r.Method == h)).Prepend(baseline))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"| {row.Description.Trim('\'')} | {row.Mean / 1000:F1} | {row.Allocated} | {row.Mean / baseline.Mean:F2} | {(double)row.Allocated / baseline.Allocated:F2} |");
            }
        }
    }

    private static List<Row> Rows(Summary[] summaries, string type) => summaries
        .SelectMany(s => s.Reports)
        .Where(r => r.BenchmarkCase.Descriptor.Type.Name == type && r.ResultStatistics is not null)
        .Select(r => new Row(
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
            r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
            r.BenchmarkCase.HasParameters ? Convert.ToInt32(r.BenchmarkCase.Parameters.Items[0].Value, CultureInfo.InvariantCulture) : 0,
            r.ResultStatistics!.Mean,
            r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0))
        .ToList();

    internal sealed record Row(string Method, string Description, int Parameter, double Mean, long Allocated);
}
