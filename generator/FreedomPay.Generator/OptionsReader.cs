using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Binding;
using Microsoft.CodeAnalysis.Diagnostics;

namespace FreedomPay.Generator
{
    /// <summary>
    /// Reads the MSBuild properties the generator honours (made visible by build/FreedomPay.Generator.props):
    /// FreedomPayNamespace, FreedomPayAccessibility and FreedomPayClientAccessor.
    /// </summary>
    internal static class OptionsReader
    {
        public static OptionsResult Read(AnalyzerConfigOptions options, LanguageFeatures language)
        {
            var diagnostics = new List<DiagnosticInfo>();
            GeneratorOptions defaults = GeneratorOptions.Default;

            string rootNamespace = Get(options, "FreedomPayNamespace") ?? defaults.RootNamespace;
            if (rootNamespace.Split('.').Any(part => Naming.CheckIdentifier(part) is not null))
            {
                diagnostics.Add(Invalid(rootNamespace, "FreedomPayNamespace", "use a dotted C# namespace such as 'Contoso.Payments'"));
                rootNamespace = defaults.RootNamespace;
            }

            string accessibility = Get(options, "FreedomPayAccessibility") ?? defaults.Accessibility;
            if (accessibility != "public" && accessibility != "internal")
            {
                diagnostics.Add(Invalid(accessibility, "FreedomPayAccessibility", "use 'public' or 'internal'"));
                accessibility = defaults.Accessibility;
            }

            string accessor = Get(options, "FreedomPayClientAccessor") ?? "extension";
            if (accessor != "extension" && accessor != "partial")
            {
                diagnostics.Add(Invalid(accessor, "FreedomPayClientAccessor", "use 'extension' (default) or 'partial' (only inside FreedomPay.Client)"));
                accessor = "extension";
            }

            return new OptionsResult(new GeneratorOptions(rootNamespace, accessibility, accessor == "partial", language), diagnostics.ToEquatableArray());
        }

        private static string? Get(AnalyzerConfigOptions options, string name) =>
            options.TryGetValue("build_property." + name, out string? value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        private static DiagnosticInfo Invalid(string value, string property, string hint) =>
            new DiagnosticInfo(DiagnosticDescriptors.InvalidValue, string.Empty, SourceSpan.None, new[] { value, "MSBuild property " + property, hint }.ToEquatableArray());
    }
}
