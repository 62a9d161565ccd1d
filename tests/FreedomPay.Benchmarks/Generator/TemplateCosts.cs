using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using FreedomPay.Generator.Emit;
using Scriban;

namespace FreedomPay.Benchmarks.Generator;

/// <summary>
/// `--template-costs`: what Scriban charges per evaluated construct, next to one operation's whole file, so that a
/// change to a template can be weighed by how many constructs it evaluates per operation. Each construct is
/// repeated 16 times in a loop over the field table (as the table row's optional arguments are), and is shown as
/// a ratio to writing a literal, measured in the same run.
/// </summary>
internal static class TemplateCosts
{
    private const int Repeats = 16;

    public static string Run()
    {
        string spec = GeneratorInputs.SyntheticSpec(10);
        OperationView view = GeneratorInputs.Operations(spec).Views[0];
        int rows = view.Request.Table.Count;
        Measure(() => TemplateRenderer.Render("Operation", view)); // the renderer's whole path reaches optimized code before anything is measured

        Template Loop(string name, string construct) =>
            TemplateRenderer.Parse(name, "{{ for t in request.table }}" + string.Concat(Enumerable.Repeat(construct, Repeats)) + "{{ end }}");

        var constructs = new[]
        {
            ("write a literal: {{ 'x' }}", "{{ 'x' }}"),
            ("write a member: {{ t.wire }}", "{{ t.wire }}"),
            ("if on a constant: {{ if true }}x{{ end }}", "{{ if true }}x{{ end }}"),
            ("if on a bool member: {{ if t.required }}", "{{ if t.required }}x{{ end }}"),
            ("if on a string comparison: {{ if t.member != \"\" }}", "{{ if t.member != \"\" }}x{{ end }}"),
        }.Select(c => (c.Item1, Ns: PerConstruct(Loop("Construct", c.Item2)))).ToArray();
        double literal = constructs[0].Ns;
        var text = new StringBuilder(FormattableString.Invariant($"## Scriban's cost per construct ({Repeats} per row, {rows} table rows)\n"))
            .AppendLine("| construct | ns each | / writing a literal |").AppendLine("|---|---|---|");
        foreach (var (name, ns) in constructs)
        {
            text.AppendLine(FormattableString.Invariant($"| {name.Replace("|", "\\|", StringComparison.Ordinal)} | {ns:F0} | {ns / literal:F2} |"));
        }

        double file = Measure(() => TemplateRenderer.Render("Operation", view));
        double request = Measure(() => TemplateRenderer.Render("RequestPart", view));
        return text.AppendLine()
            .AppendLine(FormattableString.Invariant($"One operation's whole file (the Operation template, {TemplateRenderer.Render("Operation", view).Length} chars): {file / 1000:F1} µs, {file / literal:F0} literal writes."))
            .AppendLine(FormattableString.Invariant($"Of which its request class (the RequestPart template on the same view, {TemplateRenderer.Render("RequestPart", view).Length} chars): {request / 1000:F1} µs, {request / literal:F0} literal writes."))
            .ToString();

        double PerConstruct(Template template) => Measure(() => TemplateRenderer.Render(template, view)) / (rows * Repeats);
    }

    /// <summary>Nanoseconds per call, after half a second of warm-up: tiered JIT promotes hot code to optimized code in the background.</summary>
    private static double Measure(Action action)
    {
        for (var warmUp = Stopwatch.StartNew(); warmUp.ElapsedMilliseconds < 500;)
        {
            action();
        }

        const int rounds = 5000;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < rounds; i++)
        {
            action();
        }

        return clock.Elapsed.TotalMilliseconds * 1_000_000 / rounds;
    }
}
