using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using FreedomPay.Generator.Binding;
using FreedomPay.Generator.Emit;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Benchmarks.Generator;

/// <summary>Inputs for the generator benchmarks: drivers, compilations, the real spec and synthetic ones.</summary>
internal static class GeneratorInputs
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static string RealSpec { get; } = File.ReadAllText(Path.Combine(RepositoryRoot(), "spec", "freedompay.mobile-balance.yaml"));

    /// <summary>Operations in <see cref="RealSpec"/> (Init, Pay, Approve, ResendCode, Status).</summary>
    public const int RealSpecOperations = 5;

    public static CSharpCompilation EmptyCompilation(params MetadataReference[] extra) => CSharpCompilation.Create(
        "Bench",
        Array.Empty<SyntaxTree>(),
        Basic.Reference.Assemblies.Net100.References.All.Concat(extra),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Where the synthetic spec claims to live (diagnostics and the generated header name it).</summary>
    public const string SyntheticPath = "/specs/bench.yaml";

    /// <summary>
    /// A spec bound as the generator binds it, then each operation's unit and view: the inputs of the stages after
    /// binding, for diagnostics and benchmarks that measure one stage alone.
    /// </summary>
    public static (OperationUnit[] Units, OperationView[] Views) Operations(string specText)
    {
        SpecResult bound = SpecBinder.Bind(SyntheticPath, specText);
        var context = new AreaContext(bound.Area!.Info, GeneratorOptions.Default);
        OperationUnit[] units = bound.Area.Operations.Select(op => new OperationUnit(context, op)).ToArray();
        return (units, units.Select(OperationViewBuilder.Build).ToArray());
    }

    public static GeneratorDriver FreedomPayDriver(string specText, bool trackSteps = false)
    {
        var text = new InMemoryAdditionalText(SyntheticPath, specText);
        var options = new TestOptionsProvider(ImmutableDictionary<string, string>.Empty, ImmutableHashSet.Create(text.Path));
        return CSharpGeneratorDriver.Create(
            new[] { new FreedomPay.Generator.FreedomPayGenerator().AsSourceGenerator() },
            ImmutableArray.Create<AdditionalText>(text),
            ParseOptions,
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
    }

    /// <summary>
    /// Fails unless a re-run after <paramref name="edited"/> produced every source from the cache: the warm
    /// benchmark must measure a run that does no emit work, as the generator claims.
    /// </summary>
    public static void EnsureWarmIsCached(string specText, Compilation compilation, Compilation edited)
    {
        GeneratorDriver driver = FreedomPayDriver(specText, trackSteps: true).RunGenerators(compilation).RunGenerators(edited);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var recomputed = result.TrackedOutputSteps
            .SelectMany(step => step.Value)
            .SelectMany(run => run.Outputs)
            .Where(output => output.Reason is not IncrementalStepRunReason.Cached and not IncrementalStepRunReason.Unchanged)
            .ToList();
        if (result.TrackedOutputSteps.IsEmpty || recomputed.Count > 0)
        {
            throw new InvalidOperationException($"the warm re-run emitted again: {recomputed.Count} outputs were {string.Join(", ", recomputed.Select(o => o.Reason).Distinct())}");
        }
    }

    /// <summary>Refit's own source generator, loaded once from its NuGet package.</summary>
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> RefitGenerators = new(() =>
    {
        string package = typeof(GeneratorInputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RefitPackage").Value!;
        string path = Path.Combine(package, "analyzers", "dotnet", "roslyn4.8", "cs", "InterfaceStubGeneratorV2.dll");
        return new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, new AssemblyLoader()).GetGenerators(LanguageNames.CSharp);
    });

    /// <summary>A fresh driver for Refit's generator, set up like ours.</summary>
    public static GeneratorDriver RefitDriver() => CSharpGeneratorDriver.Create(RefitGenerators.Value, parseOptions: ParseOptions);

    public static MetadataReference RefitRuntime { get; } = MetadataReference.CreateFromFile(typeof(Refit.RestService).Assembly.Location);

    /// <summary>
    /// Runs a driver once and fails unless it produced sources and no diagnostics: a benchmark must measure a
    /// generator doing its work, not one failing fast (a generator exception is only a diagnostic).
    /// </summary>
    public static void EnsureGenerates(GeneratorDriver driver, Compilation compilation, int atLeast)
    {
        GeneratorRunResult result = driver.RunGenerators(compilation).GetRunResult().Results.Single();
        var problems = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (result.Exception is not null || problems.Count > 0 || result.GeneratedSources.Length < atLeast)
        {
            throw new InvalidOperationException($"the generator did not generate ({result.GeneratedSources.Length} files): {result.Exception?.Message} {string.Join("; ", problems)}");
        }
    }

    /// <summary>A spec of <paramref name="operations"/> operations shaped like Pay (3 fields, 2 reply elements).</summary>
    public static string SyntheticSpec(int operations)
    {
        var yaml = new StringBuilder("area: Synthetic\nservers:\n  kz: https://api.freedompay.kz/\noperations:\n");
        for (int i = 0; i < operations; i++)
        {
            yaml.Append($"""
                  Pay{i}:
                    path: /mfs/pay{i}
                    summary: Charges payment {i}.
                    request:
                      pg_merchant_id: {"{"} fill: merchant-id {"}"}
                      pg_payment_id: {"{"} type: integer, required: true, min: 1 {"}"}
                      pg_abonent_phone: {"{"} required: true, pattern: "^[0-9]{"{"}10,15{"}"}$" {"}"}
                      pg_payment_system_code: {"{"} max-length: 20 {"}"}
                      pg_salt: {"{"} fill: salt {"}"}
                      pg_sig: {"{"} fill: signature {"}"}
                    response:
                      elements:
                        pg_status: {"{"} required: true {"}"}
                        pg_payment_id: {"{"} type: integer, required: true {"}"}

                """);
        }

        return yaml.ToString();
    }

    /// <summary>The same <paramref name="methods"/> operations as a Refit interface (multipart POST, XML reply).</summary>
    public static SyntaxTree SyntheticRefitInterface(int methods)
    {
        var code = new StringBuilder("""
            using System.Threading.Tasks;
            using Refit;
            namespace Bench;
            public sealed class PayReply { public string? pg_status { get; set; } public long pg_payment_id { get; set; } }
            public interface ISyntheticApi
            {

            """);
        for (int i = 0; i < methods; i++)
        {
            code.Append($"""
                    /// <summary>Charges payment {i}.</summary>
                    [Multipart]
                    [Post("/mfs/pay{i}")]
                    Task<PayReply> Pay{i}([AliasAs("pg_merchant_id")] string merchantId, [AliasAs("pg_payment_id")] long paymentId, [AliasAs("pg_abonent_phone")] string abonentPhone, [AliasAs("pg_payment_system_code")] string? paymentSystemCode, [AliasAs("pg_salt")] string salt);

                """);
        }

        code.Append("}\n");
        return CSharpSyntaxTree.ParseText(code.ToString(), ParseOptions);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreedomPay.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run the benchmarks from inside the repository");
    }

    private sealed class AssemblyLoader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
