using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>
/// What MSBuild would pass the generator: global build properties, and per-file metadata
/// (<c>FreedomPaySpec=true</c> on the files listed as specs).
/// </summary>
internal sealed class TestOptionsProvider(ImmutableDictionary<string, string> globalOptions, ImmutableHashSet<string> specPaths) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(globalOptions);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => specPaths.Contains(textFile.Path)
        ? new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.FreedomPaySpec", "true"))
        : DictionaryOptions.Empty;

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
