using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using FreedomPay.Generator.Emit;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace FreedomPay.Generator
{
    /// <summary>
    /// Writes a typed FreedomPay client from the YAML specs a project lists as <c>&lt;FreedomPaySpec Include="..."/&gt;</c>.
    /// Pipeline wiring only: YAML text -> <see cref="SpecBinder"/> (model + diagnostics) -> one unit per
    /// operation, enum and area -> <see cref="SourceEmitter"/>. Every step is named for caching tests.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class FreedomPayGenerator : IIncrementalGenerator
    {
        /// <summary>Item metadata set by build/FreedomPay.Generator.targets on the AdditionalFiles it adds.</summary>
        internal const string SpecMetadata = "build_metadata.AdditionalFiles.FreedomPaySpec";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<SpecText> specTexts = context.AdditionalTextsProvider
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Where(pair => IsSpec(pair.Left, pair.Right))
                .Select((pair, ct) => new SpecText(pair.Left.Path, pair.Left.GetText(ct)?.ToString() ?? string.Empty))
                .WithTrackingName(TrackingNames.SpecTexts);

            IncrementalValuesProvider<SpecResult> results = specTexts
                .Select((spec, _) => BindGuarded(spec))
                .WithTrackingName(TrackingNames.SpecResults);

            // Three booleans from the compilation: cheap to compute on every edit, and equal values keep the rest cached.
            IncrementalValueProvider<CompilerSupport> support = context.CompilationProvider
                .Select((compilation, _) => new CompilerSupport(
                    HasAccessibleType(compilation, "System.Runtime.CompilerServices.IsExternalInit"),
                    HasAccessibleType(compilation, "System.Runtime.CompilerServices.RequiredMemberAttribute")
                        && HasAccessibleType(compilation, "System.Runtime.CompilerServices.CompilerFeatureRequiredAttribute"),
                    HasAccessibleType(compilation, "System.DateOnly")))
                .WithTrackingName(TrackingNames.CompilerSupport);

            IncrementalValueProvider<LanguageFeatures> language = context.ParseOptionsProvider
                .Combine(support)
                .Select((pair, _) => pair.Left is CSharpParseOptions csharp ? LanguageFeatures.For((int)csharp.LanguageVersion, pair.Right) : LanguageFeatures.Latest);

            IncrementalValueProvider<OptionsResult> options = context.AnalyzerConfigOptionsProvider
                .Combine(language)
                .Select((pair, _) => OptionsReader.Read(pair.Left.GlobalOptions, pair.Right))
                .WithTrackingName(TrackingNames.Options);

            // The referenced runtime's contract: an older FreedomPay.Client gets one error per area, not code that cannot compile.
            IncrementalValueProvider<RuntimeContract> runtime = context.CompilationProvider
                .Select((compilation, _) => RuntimeContract.Of(compilation))
                .WithTrackingName(TrackingNames.Runtime);

            IncrementalValueProvider<AreaSet> areas = results.Collect()
                .Combine(runtime)
                .Combine(options)
                .Select((pair, _) => ResolveAreas(pair.Left.Left, pair.Left.Right, pair.Right.Options.RootNamespace))
                .WithTrackingName(TrackingNames.Areas);

            context.RegisterSourceOutput(results, (spc, result) => Report(spc, result.Diagnostics));
            context.RegisterSourceOutput(areas, (spc, set) => Report(spc, set.Diagnostics));
            context.RegisterSourceOutput(options, (spc, result) => Report(spc, result.Diagnostics));

            IncrementalValuesProvider<OperationUnit> operations = areas
                .Combine(options)
                .SelectMany((pair, _) => pair.Left.Areas
                    .SelectMany(area => area.Operations.Select(op => new OperationUnit(ToContext(area, pair.Right.Options), op)))
                    .ToImmutableArray())
                .WithTrackingName(TrackingNames.OperationUnits);

            IncrementalValuesProvider<EnumUnit> enums = areas
                .Combine(options)
                .SelectMany((pair, _) => pair.Left.Areas
                    .SelectMany(area => area.Enums.Where(e => !e.Shared).Select(e => new EnumUnit(ToContext(area, pair.Right.Options), e)))
                    .Concat(pair.Left.SharedEnums.Select(s => new EnumUnit(new AreaContext(s.Area, pair.Right.Options), s.Enum, Shared: true, s.WireOnly)))
                    .ToImmutableArray())
                .WithTrackingName(TrackingNames.EnumUnits);

            IncrementalValuesProvider<RequestClassUnit> requestClasses = areas
                .Combine(options)
                .SelectMany((pair, _) => pair.Left.Areas
                    .SelectMany(area => area.RequestClasses.Select(c => new RequestClassUnit(ToContext(area, pair.Right.Options), c)))
                    .ToImmutableArray())
                .WithTrackingName(TrackingNames.RequestClassUnits);

            IncrementalValuesProvider<CallbackUnit> callbacks = areas
                .Combine(options)
                .SelectMany((pair, _) => pair.Left.Areas
                    .SelectMany(area => area.Callbacks.Select(c => new CallbackUnit(ToContext(area, pair.Right.Options), c)))
                    .ToImmutableArray())
                .WithTrackingName(TrackingNames.CallbackUnits);

            // An area of callbacks only has no client to reach.
            IncrementalValuesProvider<AreaUnit> areaUnits = areas
                .Combine(options)
                .SelectMany((pair, _) => pair.Left.Areas
                    .Where(area => area.Operations.Count > 0)
                    .Select(area => new AreaUnit(ToContext(area, pair.Right.Options), area.Operations.Where(op => !op.IsRedirect).Select(op => op.Name).ToEquatableArray()))
                    .ToImmutableArray())
                .WithTrackingName(TrackingNames.AreaUnits);

            context.RegisterSourceOutput(operations, (spc, unit) => EmitGuarded(spc, () => SourceEmitter.Emit(unit), "emitting operation " + unit.Operation.Name));
            context.RegisterSourceOutput(requestClasses, (spc, unit) => EmitGuarded(spc, () => SourceEmitter.Emit(unit), "emitting request class " + unit.Class.Name));
            context.RegisterSourceOutput(enums, (spc, unit) => EmitGuarded(spc, () => SourceEmitter.Emit(unit), "emitting enum " + unit.Enum.Name));
            context.RegisterSourceOutput(callbacks, (spc, unit) => EmitGuarded(spc, () => SourceEmitter.Emit(unit), "emitting callback " + unit.Callback.Name));
            context.RegisterSourceOutput(areaUnits, (spc, unit) => EmitGuarded(spc, () => SourceEmitter.Emit(unit), "emitting area " + unit.Context.Area.Name));
        }

        private static bool HasAccessibleType(Compilation compilation, string metadataName) =>
            compilation.GetTypeByMetadataName(metadataName) is { } type && compilation.IsSymbolAccessibleWithin(type, compilation.Assembly);

        private static bool IsSpec(AdditionalText text, AnalyzerConfigOptionsProvider options) =>
            options.GetOptions(text).TryGetValue(SpecMetadata, out string? value)
            && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

        private static AreaContext ToContext(ApiArea area, GeneratorOptions options) => new AreaContext(area.Info, options);

        /// <summary>
        /// Keeps the first file (by path) of each area name; reports the others at their 'area:' line. Against a runtime
        /// older than the generated code needs, keeps none and reports each area there.
        /// </summary>
        private static AreaSet ResolveAreas(ImmutableArray<SpecResult> results, RuntimeContract runtime, string rootNamespace)
        {
            var firstByName = new Dictionary<string, AreaDeclaration>(StringComparer.Ordinal);
            var areas = new List<ApiArea>();
            var diagnostics = new List<DiagnosticInfo>();
            foreach (SpecResult result in results.OrderBy(r => r.FilePath, StringComparer.Ordinal))
            {
                if (result.Declaration is not { } declaration)
                {
                    continue;
                }

                if (firstByName.TryGetValue(declaration.Name, out AreaDeclaration? first))
                {
                    diagnostics.Add(new DiagnosticInfo(
                        DiagnosticDescriptors.DuplicateArea,
                        declaration.FilePath,
                        declaration.Span,
                        new[] { declaration.Name, System.IO.Path.GetFileName(first.FilePath), System.IO.Path.GetFileName(declaration.FilePath) }.ToEquatableArray()));
                    continue;
                }

                firstByName.Add(declaration.Name, declaration);
                if (runtime.IsTooOld)
                {
                    diagnostics.Add(new DiagnosticInfo(
                        DiagnosticDescriptors.RuntimeTooOld,
                        declaration.FilePath,
                        declaration.Span,
                        new[] { declaration.Name, RuntimeContract.Required.ToString(CultureInfo.InvariantCulture), runtime.AssemblyVersion ?? "?", runtime.Version!.Value.ToString(CultureInfo.InvariantCulture) }.ToEquatableArray()));
                    continue;
                }

                // The same type names twice (CS0436 for each): one error at the spec instead.
                if (rootNamespace == "FreedomPay" && runtime.PackagedAreas.Contains(declaration.Name))
                {
                    diagnostics.Add(new DiagnosticInfo(
                        DiagnosticDescriptors.PackagedAreaClash,
                        declaration.FilePath,
                        declaration.Span,
                        new[] { declaration.Name, rootNamespace }.ToEquatableArray()));
                    continue;
                }

                if (result.Area is not null)
                {
                    areas.Add(result.Area);
                }
            }

            EquatableArray<SharedEnum> shared = SharedEnums(areas, firstByName, runtime, rootNamespace, diagnostics); // adds to the diagnostics
            return new AreaSet(areas.ToEquatableArray(), diagnostics.ToEquatableArray(), shared);
        }

        /// <summary>
        /// The enums areas declare <c>shared: true</c>, once each (the first file's, by path), into the root namespace; the
        /// same name with other values in another file is FPG0017 at that file's 'area:' line. One the referenced
        /// FreedomPay.Client already has in the same namespace with the same members is reused: only its wire values
        /// are generated (its type would clash); with other members it is FPG0017.
        /// </summary>
        private static EquatableArray<SharedEnum> SharedEnums(List<ApiArea> areas, Dictionary<string, AreaDeclaration> declarations, RuntimeContract runtime, string rootNamespace, List<DiagnosticInfo> diagnostics)
        {
            var first = new Dictionary<string, SharedEnum>(StringComparer.Ordinal);
            var shared = new List<SharedEnum>();
            foreach (ApiArea area in areas)
            {
                AreaDeclaration declaration = declarations[area.Info.Name];
                foreach (EnumModel model in area.Enums.Where(e => e.Shared))
                {
                    if (first.TryGetValue(model.Name, out SharedEnum? earlier))
                    {
                        if (!earlier.Enum.Values.Select(v => (v.WireValue, v.CsName)).SequenceEqual(model.Values.Select(v => (v.WireValue, v.CsName))))
                        {
                            diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.EnumConflict, declaration.FilePath, declaration.Span, new[] { model.Name, earlier.Area.SpecFileName, area.Info.SpecFileName }.ToEquatableArray()));
                        }

                        continue;
                    }

                    bool packaged = rootNamespace == "FreedomPay" && runtime.SharedEnums.Any(e => e.StartsWith(model.Name + ":", StringComparison.Ordinal));
                    if (packaged && !runtime.SharedEnums.Contains(RuntimeContract.SharedEnumKey(model)))
                    {
                        diagnostics.Add(new DiagnosticInfo(DiagnosticDescriptors.EnumConflict, declaration.FilePath, declaration.Span, new[] { model.Name, "FreedomPay.Client", area.Info.SpecFileName }.ToEquatableArray()));
                        continue;
                    }

                    var unit = new SharedEnum(area.Info, model, WireOnly: packaged);
                    first.Add(model.Name, unit);
                    shared.Add(unit);
                }
            }

            return shared.ToEquatableArray();
        }

        /// <summary>A bug in the binder must not take the whole generator down (CS8785); it becomes FPG9999.</summary>
        private static SpecResult BindGuarded(SpecText spec)
        {
            try
            {
                return SpecBinder.Bind(spec.Path, spec.Text);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var diagnostic = HostProblem.Of(ex) is { } missing
                    ? new DiagnosticInfo(DiagnosticDescriptors.HostCannotLoad, spec.Path, SourceSpan.None, new[] { HostProblem.Host, missing }.ToEquatableArray())
                    : new DiagnosticInfo(DiagnosticDescriptors.InternalError, spec.Path, SourceSpan.None, new[] { "reading " + System.IO.Path.GetFileName(spec.Path), ex.GetType().Name + ": " + ex.Message }.ToEquatableArray());
                return new SpecResult(spec.Path, null, null, new[] { diagnostic }.ToEquatableArray());
            }
        }

        private static void EmitGuarded(SourceProductionContext context, Func<GeneratedFile> emit, string what)
        {
            GeneratedFile file;
            try
            {
                file = emit();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                context.ReportDiagnostic(HostProblem.Of(ex) is { } missing
                    ? Diagnostic.Create(DiagnosticDescriptors.HostCannotLoad, Location.None, HostProblem.Host, missing)
                    : Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, what, ex.GetType().Name + ": " + ex.Message));
                return;
            }

            context.AddSource(file.HintName, SourceText.From(file.Text, System.Text.Encoding.UTF8));
        }

        private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
        {
            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                context.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
        }
    }
}
