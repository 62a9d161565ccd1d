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
            .Select(operations => WithSpec(new AreaEntry(operations[0].Descriptor.Area, operations, operations[0].Descriptor.DefaultServer)))
            .ToArray();

        /// <summary>The packaged spec of the area (embedded in the tool, spec/*.yaml), found by its <c>area:</c> line.</summary>
        private static AreaEntry WithSpec(AreaEntry area)
        {
            Assembly tool = typeof(AreaCatalog).Assembly;
            foreach (string name in tool.GetManifestResourceNames().Where(n => n.StartsWith("spec/", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(tool.GetManifestResourceStream(name)!);
                string text = reader.ReadToEnd();
                if (text.Replace("\r\n", "\n").Split('\n').Any(line => line.Trim() == "area: " + area.Name))
                {
                    return area with { SpecFile = name, SpecText = text };
                }
            }

            return area;
        }
    }
}
