using System;
using System.Collections.Generic;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Commands
{
    /// <summary>An API area the tool offers: its operations come from the spec through the generated catalog.</summary>
    internal sealed record AreaEntry(string Name, IReadOnlyList<OperationInfo> Operations, Uri DefaultServer);

    /// <summary>
    /// The API areas of FreedomPay.Client. A new operation in an existing spec file needs nothing here; a new area
    /// (a new spec file) needs one line.
    /// </summary>
    internal static class AreaCatalog
    {
        public static IReadOnlyList<AreaEntry> All { get; } = new[]
        {
            new AreaEntry("MobileBalance", MobileBalanceClient.Operations, MobileBalanceServers.Default),
        };
    }
}
