using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FreedomPay.Generator.Binding;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;
using FreedomPay.Generator.Tests.Infrastructure;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// Provenance you can see. Every packaged operation and callback says where it comes from (<c>source:</c>), or that
/// nothing confirms it (<c>verified: false</c> with a <c>note:</c>); every unconfirmed field and element says why; and
/// docs/coverage.md, built from the specs and FreedomPay's API tree (docs/api-tree.yaml), is current. Rewrite the page
/// with <c>FREEDOMPAY_ACCEPT_COVERAGE=1</c>.
/// </summary>
public sealed class CoverageTests
{
    private static string TreePath => Path.Combine(RepoPaths.Root, "docs", "api-tree.yaml");

    private static string PagePath => Path.Combine(RepoPaths.Root, "docs", "coverage.md");

    [Fact]
    public void Every_packaged_operation_and_callback_has_a_source_or_says_that_nothing_confirms_it()
    {
        var missing = new List<string>();
        foreach (ApiArea area in PackagedAreas())
        {
            missing.AddRange(area.Operations.Where(op => op.Source is null && (op.Verified || op.Note is null)).Select(op => $"{area.Info.Name}.{op.Name}: no source:, and not verified: false with a note:"));
            missing.AddRange(area.Callbacks.Where(c => c.Source is null && (c.Verified || c.Note is null)).Select(c => $"{area.Info.Name}.{c.Name}: no source:, and not verified: false with a note:"));
            missing.AddRange(Unexplained(area));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_packaged_operation_is_on_the_api_tree_and_every_tree_entry_names_a_packaged_one()
    {
        var packaged = PackagedAreas().SelectMany(a => a.Operations.Select(o => a.Info.Name + "." + o.Name).Concat(a.Callbacks.Select(c => a.Info.Name + "." + c.Name))).ToHashSet();
        var named = ReadTree().SelectMany(e => e.Specs).ToHashSet();

        Assert.Empty(packaged.Except(named).Select(n => n + " is packaged but no entry of docs/api-tree.yaml names it"));
        Assert.Empty(named.Except(packaged).Select(n => n + " is named in docs/api-tree.yaml but not packaged"));
    }

    [Fact]
    public void The_coverage_page_is_built_from_the_specs_and_the_tree_and_is_current()
    {
        string page = CoveragePage.Render(ReadTree(), PackagedAreas());
        if (Environment.GetEnvironmentVariable("FREEDOMPAY_ACCEPT_COVERAGE") == "1")
        {
            File.WriteAllText(PagePath, page);
        }

        string committed = File.Exists(PagePath) ? File.ReadAllText(PagePath).Replace("\r\n", "\n") : string.Empty;
        Assert.True(committed == page, "docs/coverage.md is out of date: run FREEDOMPAY_ACCEPT_COVERAGE=1 dotnet test tests/FreedomPay.Generator.Tests --filter Coverage, read the diff, and commit it.");
    }

    [Fact]
    public void An_operation_without_a_source_fails_the_provenance_check()
    {
        // The check above must be able to fail: an operation with neither a source nor a note is caught.
        SpecResult bound = SpecBinder.Bind("/specs/x.yaml", """
            area: X
            servers: { kz: "https://api.example.test/" }
            operations:
              Ping: { path: /ping, summary: Pings. }
              Guess: { path: /guess, summary: Guesses., verified: false }
            """);

        Assert.Equal(new[] { "Ping", "Guess" }, bound.Area!.Operations.Where(op => op.Source is null && (op.Verified || op.Note is null)).Select(op => op.Name));
    }

    /// <summary>Fields, elements and callback fields marked <c>verified: false</c> without a note, at any depth.</summary>
    private static IEnumerable<string> Unexplained(ApiArea area)
    {
        foreach (OperationModel op in area.Operations)
        {
            foreach (RequestFieldModel field in op.Request.Where(f => !f.Verified && f.Note is null))
            {
                yield return $"{area.Info.Name}.{op.Name} field {field.WireName}: verified: false without a note:";
            }

            foreach (string element in UnexplainedElements(op.Response.Elements))
            {
                yield return $"{area.Info.Name}.{op.Name} element {element}: verified: false without a note:";
            }

            if (!op.Response.Verified && op.Response.Note is null)
            {
                yield return $"{area.Info.Name}.{op.Name} response: verified: false without a note:";
            }
        }

        foreach (CallbackModel callback in area.Callbacks)
        {
            foreach (string element in UnexplainedElements(callback.Fields))
            {
                yield return $"{area.Info.Name}.{callback.Name} field {element}: verified: false without a note:";
            }
        }
    }

    private static IEnumerable<string> UnexplainedElements(EquatableArray<ResponseElementModel> elements)
    {
        var pending = new Stack<ResponseElementModel>(elements);
        while (pending.Count > 0)
        {
            ResponseElementModel element = pending.Pop();
            if (!element.Verified && element.Note is null)
            {
                yield return element.WireName;
            }

            foreach (ResponseElementModel child in element.Children)
            {
                pending.Push(child);
            }
        }
    }

    private static IReadOnlyList<ApiArea> PackagedAreas() => RepoPaths.RealSpecs
        .Select(path => SpecBinder.Bind(path, File.ReadAllText(path)))
        .Select(result => result.Area ?? throw new InvalidOperationException(result.FilePath + " does not bind: " + string.Join("; ", result.Diagnostics.Select(d => d.ToString()))))
        .ToList();

    private static IReadOnlyList<TreeEntry> ReadTree()
    {
        YamlReadResult read = YamlTreeReader.Read(File.ReadAllText(TreePath));
        var root = (YMapping)read.Root!;
        var entries = (YSequence)root.Entries.Single(e => e.Key.Value == "operations").Value;
        return entries.Items.Cast<YMapping>().Select(item =>
        {
            string? Text(string key) => item.Entries.FirstOrDefault(e => e.Key.Value == key)?.Value is YScalar { IsNull: false } s ? s.Value : null;
            IReadOnlyList<string> specs = item.Entries.FirstOrDefault(e => e.Key.Value == "spec")?.Value is YSequence list
                ? list.Items.Cast<YScalar>().Select(s => s.Value).ToList()
                : Array.Empty<string>();
            return new TreeEntry(Text("api")!, Text("group")!, Text("operation")!, Text("path"), Text("page")!, specs);
        }).ToList();
    }
}

/// <summary>One operation of FreedomPay's API tree (docs/api-tree.yaml) and the packaged operations that describe it.</summary>
internal sealed record TreeEntry(string Api, string Group, string Operation, string? Path, string Page, IReadOnlyList<string> Specs);

/// <summary>docs/coverage.md: the API tree, per operation packaged or not, verified or not, and its source.</summary>
internal static class CoveragePage
{
    public static string Render(IReadOnlyList<TreeEntry> tree, IReadOnlyList<ApiArea> areas)
    {
        var operations = new Dictionary<string, (bool Verified, string? Note, string? Source)>(StringComparer.Ordinal);
        foreach (ApiArea area in areas)
        {
            foreach (OperationModel op in area.Operations)
            {
                operations[area.Info.Name + "." + op.Name] = (op.Verified && op.Response.Verified, op.Verified ? op.Response.Note : op.Note, op.Source);
            }

            foreach (CallbackModel callback in area.Callbacks)
            {
                operations[area.Info.Name + "." + callback.Name] = (callback.Verified, callback.Note, callback.Source);
            }
        }

        var text = new StringBuilder();
        text.Append("# What the packaged specs cover of FreedomPay's API\n\n")
            .Append("Generated from `spec/*.yaml` and `docs/api-tree.yaml` by `tests/FreedomPay.Generator.Tests/CoverageTests.cs`; do not\n")
            .Append("edit it by hand. \"Packaged as\" names the operations of the packaged areas (`client.<Area>.<Operation>Async`, or\n")
            .Append("the callback type); \"verified\" says whether the public docs confirm the operation as described, with the spec's\n")
            .Append("note when they do not (fields and elements carry their own notes in the generated docs).\n");
        int packaged = tree.Count(e => e.Specs.Count > 0);
        text.Append('\n').Append($"{packaged} of the {tree.Count} operations the docs list are packaged.\n");
        foreach (IGrouping<string, TreeEntry> api in tree.GroupBy(e => e.Api))
        {
            text.Append("\n## ").Append(api.Key).Append($" ({api.Count(e => e.Specs.Count > 0)} of {api.Count()} packaged)\n\n");
            text.Append("| group | operation | path | packaged as | verified | source |\n|---|---|---|---|---|---|\n");
            foreach (TreeEntry entry in api)
            {
                string verified = entry.Specs.Count == 0 ? string.Empty
                    : string.Join("; ", entry.Specs.Select(s => operations[s]).Select(o => o.Verified ? "yes" : "no: " + o.Note).Distinct());
                string source = entry.Specs.Count == 0 ? "docs: " + entry.Page : string.Join("; ", entry.Specs.Select(s => operations[s].Source ?? "none").Distinct());
                text.Append("| ").Append(Cell(entry.Group))
                    .Append(" | ").Append(Cell(entry.Operation))
                    .Append(" | ").Append(entry.Path is null ? "not shown" : Cell(entry.Path))
                    .Append(" | ").Append(entry.Specs.Count == 0 ? "no" : string.Join(", ", entry.Specs.Select(s => "`" + s + "`")))
                    .Append(" | ").Append(Cell(verified))
                    .Append(" | ").Append(Cell(source))
                    .Append(" |\n");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|").Replace("\n", " ");
}
