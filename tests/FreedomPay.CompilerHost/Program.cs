using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Usage: FreedomPay.CompilerHost <generator.dll> <FreedomPay.Client.dll> <spec.yaml> <source.cs>...
// Loads the generator the way the compiler does (Roslyn's own analyzer assembly loader, each analyzer folder in a
// load context of its own), runs it over the spec, compiles the result against this runtime's assemblies, prints the
// runtime version, the diagnostics and the generated files; exit 0 when it generated and compiled without errors.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: FreedomPay.CompilerHost <generator.dll> <FreedomPay.Client.dll> <spec.yaml> <source.cs>...");
    return 2;
}

Console.WriteLine($"runtime: {Environment.Version}");
IAnalyzerAssemblyLoader loader = RoslynLoader();
// As the SDK does: every dll of the package's analyzer folder is an /analyzer: argument, so every one is a known
// dependency location of the loader; generators come from each reference.
string[] analyzerFiles = Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(args[0]))!, "*.dll");
foreach (string file in analyzerFiles)
{
    loader.AddDependencyLocation(file);
}

ImmutableArray<ISourceGenerator> generators = analyzerFiles
    .SelectMany(file => new AnalyzerFileReference(file, loader).GetGenerators(LanguageNames.CSharp))
    .ToImmutableArray();
Console.WriteLine($"generators: {generators.Length}");

string[] platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
IEnumerable<MetadataReference> references = platform
    .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)))
    .Append(Path.GetFullPath(args[1]))
    .Concat(Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(args[1]))!, "*.dll"))
    .Distinct(StringComparer.Ordinal)
    .Select(p => MetadataReference.CreateFromFile(p));
var parse = new CSharpParseOptions(LanguageVersion.Latest);
CSharpCompilation compilation = CSharpCompilation.Create(
    "Consumer",
    args.Skip(3).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)),
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

string spec = Path.GetFullPath(args[2]);
var options = new SpecOptions(spec);
GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, new[] { (AdditionalText)new FileText(spec) }, parse, options);
driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
GeneratorDriverRunResult run = driver.GetRunResult();
foreach (Diagnostic diagnostic in diagnostics.Concat(run.Diagnostics))
{
    Console.WriteLine($"diagnostic: {diagnostic}");
}

foreach (GeneratedSourceResult source in run.Results.SelectMany(r => r.GeneratedSources))
{
    Console.WriteLine($"generated: {source.HintName}");
}

Diagnostic[] errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
foreach (Diagnostic error in errors.Take(20))
{
    Console.WriteLine($"compile error: {error}");
}

bool ok = errors.Length == 0 && run.Results.Sum(r => r.GeneratedSources.Length) > 0 && !diagnostics.Concat(run.Diagnostics).Any(d => d.Severity == DiagnosticSeverity.Error);
Console.WriteLine(ok ? "host: generated and compiled" : "host: FAILED");
return ok ? 0 : 1;

// The compiler's own loader (internal in Roslyn 4.8; the public constructor of AnalyzerFileReference takes any
// IAnalyzerAssemblyLoader, and this is the one csc uses on .NET Core).
static IAnalyzerAssemblyLoader RoslynLoader()
{
    Type type = typeof(AnalyzerFileReference).Assembly.GetType("Microsoft.CodeAnalysis.DefaultAnalyzerAssemblyLoader", throwOnError: true)!;
    return (IAnalyzerAssemblyLoader)Activator.CreateInstance(type, nonPublic: true)!;
}

internal sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
}

/// <summary>What FreedomPay.Generator.targets tells the compiler: the spec file is a FreedomPaySpec.</summary>
internal sealed class SpecOptions(string spec) : AnalyzerConfigOptionsProvider
{
    private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);
    private readonly Options _spec = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.FreedomPaySpec", "true"));

    public override AnalyzerConfigOptions GlobalOptions => None;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == spec ? _spec : None;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}
