using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Commands
{
    /// <summary>An API area the tool offers: its operations come from the spec through the generated catalog.</summary>
    internal sealed record AreaEntry(string Name, IReadOnlyList<OperationInfo> Operations, Uri DefaultServer);

    /// <summary>The API areas of FreedomPay.Client (<see cref="PackagedAreas"/>, the list the sandbox serves too).</summary>
    internal static class AreaCatalog
    {
        public static IReadOnlyList<AreaEntry> All { get; } = PackagedAreas.All
            .Select(operations => new AreaEntry(operations[0].Descriptor.Area, operations, operations[0].Descriptor.DefaultServer))
            .ToArray();
    }
}
