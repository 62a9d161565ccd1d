using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Commands
{
    /// <summary>An API area the tool offers: its operations come from the spec through the generated catalog.</summary>
    /// <param name="Name">The area's name.</param>
    /// <param name="Operations">Its operations, from the generated catalog or a spec bound at run time.</param>
    /// <param name="DefaultServer">The server its calls go to without <c>--base-url</c>.</param>
    /// <param name="SpecFile">The spec's file as the user knows it (<c>spec/freedompay.purchase.yaml</c>), for naming lines.</param>
    /// <param name="SpecText">Its YAML.</param>
    internal sealed record AreaEntry(string Name, IReadOnlyList<OperationInfo> Operations, Uri DefaultServer, string? SpecFile = null, string? SpecText = null);

    /// <summary>The API areas of FreedomPay.Client (<see cref="PackagedAreas"/>, the list the sandbox serves too).</summary>
    internal static class AreaCatalog
    {
        public static IReadOnlyList<AreaEntry> All { get; } = PackagedAreas.All
            .Select(operations => new AreaEntry(operations[0].Descriptor.Area, operations, operations[0].Descriptor.DefaultServer))
            .ToArray();

        /// <summary>The packaged specs (embedded in the tool, spec/*.yaml) by area, read once and only when asked for (verify).</summary>
        private static readonly Lazy<IReadOnlyDictionary<string, (string File, string Text)>> Specs = new(ReadSpecs);

        /// <summary>The area with its spec's file and text, when it is a packaged one (a --spec area has them already).</summary>
        public static AreaEntry WithSpec(AreaEntry area) =>
            area.SpecText is null && Specs.Value.TryGetValue(area.Name, out var spec) ? area with { SpecFile = spec.File, SpecText = spec.Text } : area;

        private static IReadOnlyDictionary<string, (string File, string Text)> ReadSpecs()
        {
            var specs = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            Assembly tool = typeof(AreaCatalog).Assembly;
            foreach (string name in tool.GetManifestResourceNames().Where(n => n.StartsWith("spec/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(tool.GetManifestResourceStream(name)!);
                string text = reader.ReadToEnd();
                string? area = text.Replace("\r\n", "\n").Split('\n').FirstOrDefault(line => line.StartsWith("area: ", StringComparison.Ordinal))?.Substring("area: ".Length).Trim();
                if (area is not null)
                {
                    specs[area] = (name, text);
                }
            }

            return specs;
        }
    }
}
