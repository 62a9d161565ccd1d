using System.Collections.Generic;
using System.IO;
using System.Linq;
using FreedomPay.Cli.Commands;
using FreedomPay.Generator.Binding;
using FreedomPay.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Cli.Specs
{
    /// <summary>
    /// Reads a spec file with the generator's own parser and binder (<c>--spec</c>), so that the command line reports
    /// the same positioned diagnostics a build would, and builds its runtime description.
    /// </summary>
    internal static class SpecLoader
    {
        /// <summary>Larger files are refused before they are parsed (the packaged specs are a few kilobytes).</summary>
        public const int MaxSpecBytes = 1024 * 1024;

        /// <summary>The area, or null with the diagnostics that say why (errors, and warnings either way).</summary>
        public static (AreaEntry? Area, IReadOnlyList<string> Diagnostics) Load(string path)
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, new[] { $"{path}: error: the spec file does not exist." });
            }

            if (info.Length > MaxSpecBytes)
            {
                return (null, new[] { $"{path}: error: the spec file is larger than {MaxSpecBytes / 1024} KB." });
            }

            string text = File.ReadAllText(info.FullName);
            SpecResult result = SpecBinder.Bind(info.FullName, text);
            string[] diagnostics = result.Diagnostics.Select(d => d.ToDiagnostic().ToString()).ToArray();
            bool failed = result.Area is null || result.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == DiagnosticSeverity.Error);
            return (failed ? null : RuntimeFromDescription.Build(result.Area!) with { SpecFile = path, SpecText = text }, diagnostics);
        }
    }
}
