using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>How the tests compile generated code: .NET 8 preprocessor symbols, documentation comments checked.</summary>
internal static class RuntimeCompilation
{
    public static readonly CSharpParseOptions Net8ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose)
        .WithPreprocessorSymbols("NET", "NET8_0", "NET8_0_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NETCOREAPP");

    /// <summary>Errors and warnings (not hidden or info diagnostics), described for a readable failure.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation) => GeneratorHarness.Describe(
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
}
