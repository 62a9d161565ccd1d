using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles generated code the way src/FreedomPay.Client compiles it for net8.0: together with the hand-written
/// runtime sources, nullable on, documentation comments checked, against .NET 8 reference assemblies.
/// </summary>
internal static class RuntimeCompilation
{
    public static readonly CSharpParseOptions Net8ParseOptions = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose)
        .WithPreprocessorSymbols("NET", "NET8_0", "NET8_0_OR_GREATER", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NETCOREAPP");

    public static CSharpCompilation WithRuntimeSources()
    {
        IEnumerable<SyntaxTree> runtime = Directory
            .EnumerateFiles(RepoPaths.ClientSources, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), Net8ParseOptions, path));
        return CSharpCompilation.Create(
            "FreedomPay.Client",
            runtime,
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Errors and warnings (not hidden or info diagnostics), described for a readable failure.</summary>
    public static IReadOnlyList<string> Problems(Compilation compilation) => GeneratorHarness.Describe(
        compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

    private static bool IsBuildOutput(string path)
    {
        string relative = Path.GetRelativePath(RepoPaths.ClientSources, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }
}
