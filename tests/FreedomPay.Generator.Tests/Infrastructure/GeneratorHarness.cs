using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>A spec file handed to the generator: its path (only the file name shows in output) and text.</summary>
internal sealed record SpecFile(string Path, string Text);

/// <summary>
/// Runs <see cref="FreedomPayGenerator"/> in-process, the way the compiler does, with step tracking on so that
/// caching can be asserted.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Build properties that match src/FreedomPay.Client (areas as partial FreedomPayClient properties).</summary>
    public static readonly ImmutableDictionary<string, string> ClientProjectOptions =
        ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayClientAccessor", "partial");

    public static GeneratorDriver CreateDriver(IEnumerable<SpecFile> specs, ImmutableDictionary<string, string>? globalOptions = null, CSharpParseOptions? parseOptions = null) =>
        CreateDriver(specs.Select(f => new InMemoryAdditionalText(f.Path, f.Text)).ToList(), globalOptions, parseOptions);

    /// <summary>A driver over these exact text objects (keep them to replace one later, as an IDE edit would).</summary>
    public static GeneratorDriver CreateDriver(IReadOnlyList<InMemoryAdditionalText> specs, ImmutableDictionary<string, string>? globalOptions = null, CSharpParseOptions? parseOptions = null)
    {
        var texts = specs.Cast<AdditionalText>().ToImmutableArray();
        var options = new TestOptionsProvider(globalOptions ?? ImmutableDictionary<string, string>.Empty, specs.Select(f => f.Path).ToImmutableHashSet());
        return CSharpGeneratorDriver.Create(
            new[] { new FreedomPayGenerator().AsSourceGenerator() },
            texts,
            parseOptions ?? ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    public static CSharpCompilation EmptyCompilation(IEnumerable<MetadataReference>? references = null) => CSharpCompilation.Create(
        "GeneratorTests",
        Array.Empty<SyntaxTree>(),
        references ?? Basic.Reference.Assemblies.Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator once over the specs; returns the run result and the compilation with the output added.</summary>
    public static (GeneratorRunResult Result, Compilation Output) Run(IEnumerable<SpecFile> specs, ImmutableDictionary<string, string>? globalOptions = null, CSharpCompilation? compilation = null, CSharpParseOptions? parseOptions = null)
    {
        GeneratorDriver driver = CreateDriver(specs, globalOptions, parseOptions);
        compilation ??= EmptyCompilation();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (driver.GetRunResult().Results.Single(), output);
    }

    public static (GeneratorRunResult Result, Compilation Output) Run(string specText, string path = "/specs/test.yaml", ImmutableDictionary<string, string>? globalOptions = null) =>
        Run(new[] { new SpecFile(path, specText) }, globalOptions);

    /// <summary>Diagnostics as "FPG0004 (line 3, col 5): message" strings, easy to assert and to read in a failure.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<Diagnostic> diagnostics) => diagnostics
        .Select(d =>
        {
            var span = d.Location.GetLineSpan();
            return $"{d.Id} ({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.GetMessage()}";
        })
        .ToList();
}
