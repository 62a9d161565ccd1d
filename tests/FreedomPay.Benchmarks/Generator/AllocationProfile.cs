using System;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Text;
using FreedomPay.Generator.Binding;
using FreedomPay.Generator.Emit;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Benchmarks.Generator;

/// <summary>
/// `--allocations`: which types each stage of a cold run allocates, from the runtime's allocation ticks (one
/// sample per ~100 KB allocated, so the shares are estimates; the totals come from the allocation counter).
/// </summary>
internal static class AllocationProfile
{
    public static string Run(int operations, int rounds)
    {
        string spec = GeneratorInputs.SyntheticSpec(operations);
        var (units, views) = GeneratorInputs.Operations(spec);
        CSharpCompilation empty = GeneratorInputs.EmptyCompilation();

        var text = new StringBuilder();
        foreach (var (stage, action) in new (string, Action)[]
        {
            ("YamlDotNet parse (node tree)", () => YamlTreeReader.Read(spec)),
            ("YAML parse + binding", () => SpecBinder.Bind(GeneratorInputs.SyntheticPath, spec)),
            ("view building", () => { foreach (OperationUnit unit in units) { OperationViewBuilder.Build(unit); } }),
            ("Scriban rendering", () => { foreach (OperationView view in views) { TemplateRenderer.Render("Operation", view); } }),
            ("whole cold run (driver)", () => GeneratorInputs.FreedomPayDriver(spec).RunGenerators(empty)),
        })
        {
            action();
            using var listener = new AllocationTicks();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < rounds; i++)
            {
                action();
            }

            long total = (GC.GetAllocatedBytesForCurrentThread() - before) / rounds / operations;
            text.AppendLine(FormattableString.Invariant($"## {stage}: {total} B/op")).AppendLine("| type | share |").AppendLine("|---|---|");
            long sampled = listener.ByType.Values.Sum();
            foreach (var (type, bytes) in listener.ByType.OrderByDescending(p => p.Value).Take(15))
            {
                text.AppendLine(FormattableString.Invariant($"| {type} | {100.0 * bytes / sampled:F1}% |"));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private sealed class AllocationTicks : EventListener
    {
        private readonly object _gate = new object();

        public Dictionary<string, long> ByType { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: AllocationTick at verbose level
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            {
                return;
            }

            int typeIndex = e.PayloadNames!.IndexOf("TypeName");
            int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
            string type = typeIndex >= 0 ? e.Payload[typeIndex] as string ?? "?" : "?";
            long amount = amountIndex >= 0 ? Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
            lock (_gate)
            {
                ByType[type] = ByType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
