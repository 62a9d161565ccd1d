using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// The incremental pipeline does no work that nothing asked for: every named step is checked through
/// <see cref="GeneratorRunResult.TrackedSteps"/> after a second run.
/// </summary>
public sealed class CachingTests
{
    private static readonly string[] AllSteps =
        typeof(TrackingNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();

    private static readonly string SpecPath = "/specs/freedompay.mobile-balance.yaml";

    private static string RealSpecText => File.ReadAllText(RepoPaths.RealSpec);

    /// <summary>The callbacks spec rides along so that every step has work to track.</summary>
    private static readonly InMemoryAdditionalText Callbacks = new("/specs/freedompay.callbacks.yaml", File.ReadAllText(RepoPaths.RealSpecs.Single(p => p.EndsWith("callbacks.yaml", StringComparison.Ordinal))));

    /// <summary>A request list rides along too, for the request-class step.</summary>
    private static readonly InMemoryAdditionalText Lists = new("/specs/lists.yaml", """
        area: Lists
        servers:
          test: https://gateway.test/
        operations:
          Basket:
            path: /basket
            summary: Sends a basket.
            request:
              pg_lines: { type: list, fields: { name: string } }
        """);

    [Fact]
    public void An_unrelated_csharp_edit_leaves_every_step_cached()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(SpecPath, RealSpecText), Callbacks, Lists }).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { }")));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.Equal(AllSteps.OrderBy(s => s), result.TrackedSteps.Keys.Where(AllSteps.Contains).OrderBy(s => s));
        foreach (string step in AllSteps)
        {
            Assert.All(Reasons(result, step), AssertNotRedone);
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_one_operations_description_regenerates_only_that_operation()
    {
        var original = new InMemoryAdditionalText(SpecPath, RealSpecText);
        var edited = new InMemoryAdditionalText(SpecPath, RealSpecText.Replace("Confirms a charge with the SMS code the subscriber received.", "Confirms a charge with the code from the SMS."));
        Assert.NotEqual(original.GetText().ToString(), edited.GetText().ToString());
        var compilation = GeneratorHarness.EmptyCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { original, Callbacks, Lists }).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(original, edited);

        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var operations = result.TrackedSteps[TrackingNames.OperationUnits].SelectMany(s => s.Outputs)
            .Select(o => (((Model.OperationUnit)o.Value).Operation.Name, o.Reason)).ToList();
        Assert.Equal(6, operations.Count); // Mobile balance's five and the list rider's one
        Assert.Equal(IncrementalStepRunReason.Modified, operations.Single(o => o.Name == "Approve").Reason);
        Assert.All(operations.Where(o => o.Name != "Approve"), o => AssertNotRedone(o.Reason));
        Assert.All(Reasons(result, TrackingNames.EnumUnits), AssertNotRedone);
        Assert.All(Reasons(result, TrackingNames.AreaUnits), AssertNotRedone);
        // Outputs that ran again: the Approve file, plus the (empty) diagnostics reports of the edited spec and of
        // the area set it belongs to. Every other file's output is cached.
        var rerun = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Count(o => o.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(3, rerun);
        Assert.All(Reasons(result, TrackingNames.CallbackUnits), AssertNotRedone);
        Assert.All(Reasons(result, TrackingNames.RequestClassUnits), AssertNotRedone);
        Assert.Contains("Confirms a charge with the code from the SMS.", result.GeneratedSources.Single(g => g.HintName == "MobileBalance.Approve.g.cs").SourceText.ToString());
    }

    [Fact]
    public void Re_adding_identical_spec_text_changes_nothing()
    {
        var original = new InMemoryAdditionalText(SpecPath, RealSpecText);
        var compilation = GeneratorHarness.EmptyCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { original, Callbacks, Lists }).RunGenerators(compilation);
        driver = driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(SpecPath, RealSpecText));

        driver = driver.RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in AllSteps.Except(new[] { TrackingNames.SpecTexts }))
        {
            Assert.All(Reasons(result, step), AssertNotRedone);
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Changing_an_msbuild_option_regenerates_every_file()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        var spec = new SpecFile(SpecPath, RealSpecText);
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(spec.Path, spec.Text), Callbacks, Lists }).RunGenerators(compilation);
        var internalOptions = new TestOptionsProvider(
            ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayAccessibility", "internal"),
            ImmutableHashSet.Create(SpecPath, Callbacks.Path, Lists.Path));

        driver = driver.WithUpdatedAnalyzerConfigOptions(internalOptions).RunGenerators(compilation);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        // Every file is written again: each comes from one unit, and every unit of every kind ran again.
        string[] units = { TrackingNames.OperationUnits, TrackingNames.EnumUnits, TrackingNames.RequestClassUnits, TrackingNames.CallbackUnits, TrackingNames.AreaUnits };
        foreach (string step in units)
        {
            Assert.NotEmpty(Reasons(result, step));
            Assert.All(Reasons(result, step), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        }

        Assert.Equal(units.Sum(step => Reasons(result, step).Count()), result.GeneratedSources.Length);
        Assert.All(result.GeneratedSources, s => Assert.DoesNotContain("public sealed partial class", s.SourceText.ToString()));
    }

    [Fact]
    public void Pipeline_values_hold_no_symbols_syntax_locations_or_compilations()
    {
        var compilation = GeneratorHarness.EmptyCompilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new InMemoryAdditionalText(SpecPath, RealSpecText), Callbacks, Lists }).RunGenerators(compilation);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        foreach (string step in AllSteps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>Cached: the step did not run; Unchanged: it ran and produced an equal value, so nothing after it runs.</summary>
    private static void AssertNotRedone(IncrementalStepRunReason reason) =>
        Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, reason.ToString());

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRunResult result, string step) =>
        result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Type type = value.GetType();
        bool banned = value is ISymbol or Compilation or SyntaxNode or SyntaxTree or Location or AdditionalText or SemanticModel;
        Assert.False(banned, $"step {step} holds a {type.FullName}");
        if (value is IEnumerable items and not string)
        {
            foreach (object? item in items)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
        }

        if (type.Namespace?.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) == true)
        {
            return; // e.g. DiagnosticDescriptor: data, not a compilation object
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), step, seen);
            }
        }
    }
}
