using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Where a reply the client accepted departs from its spec: an element the spec does not describe, or an enum
    /// value it does not list. FreedomPay changes replies without notice; this is how a merchant learns of it before
    /// a field goes missing. Each (operation, element, kind) is logged once per process, as a warning with the names
    /// and never the values, and every occurrence is counted (<c>freedompay.client.spec_drift</c>). The names come
    /// from the reply, which a JSON area does not sign: past <see cref="MaxKeys"/> distinct ones for an operation, the
    /// rest are counted under one tag and not logged, so a hostile reply cannot grow memory or metric cardinality (the
    /// operations are the specs', a fixed number).
    /// </summary>
    internal static class SpecDrift
    {
        /// <summary>How many distinct drifts of one operation are remembered, logged and tagged by name.</summary>
        internal const int MaxKeys = 256;

        /// <summary>An element name longer than this is cut in logs and tags.</summary>
        private const int MaxNameLength = 64;

        private static readonly ConcurrentDictionary<(string Operation, string Element, string Kind), bool> Seen = new ConcurrentDictionary<(string, string, string), bool>();

        /// <summary>How many keys of <see cref="Seen"/> each operation holds.</summary>
        private static readonly ConcurrentDictionary<string, int> SeenPerOperation = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>An element the spec does not describe.</summary>
        public const string Undescribed = "undescribed_element";

        /// <summary>An enum value the spec does not list.</summary>
        public const string UnknownValue = "unknown_enum_value";

        /// <summary>
        /// Looks at every element once (a stack, no recursion) against the reply's shape. Nothing is looked at when
        /// nobody would hear of it (no warning logged, no listener on the counter): the call costs nothing then.
        /// </summary>
        public static void Check(OperationDescriptor operation, PgElement root, ILogger logger)
        {
            if (operation.Reply.Count == 0 || !(Telemetry.SpecDriftObserved || logger.IsEnabled(LogLevel.Warning)))
            {
                return; // a spec that describes no reply describes no drift
            }

            Stack<(PgElement Element, IReadOnlyList<ReplyElement> Shape, string Path)>? nested = null;
            PgElement element = root;
            IReadOnlyList<ReplyElement> shape = operation.Reply;
            string path = string.Empty;
            while (true)
            {
                foreach (PgElement child in element.Children)
                {
                    ReplyElement? entry = EntryFor(shape, child.Name);
                    if (entry is null)
                    {
                        if (path.Length > 0 || !operation.IsProtocolElement(child.Name))
                        {
                            Report(operation, path + Cut(child.Name), Undescribed, logger);
                        }
                    }
                    // As the typed reply reads it (WireEnum, untrimmed): what reads as Unknown is drift.
                    else if (entry.Kind == ReplyElementKind.Enum && !child.IsObject && WireEnum.Number(entry.AllowedValues, child.Value) == 0)
                    {
                        Report(operation, path + entry.Name, UnknownValue, logger);
                    }
                    else if (entry.Children.Count > 0 && child.Children.Count > 0)
                    {
                        (nested ??= new Stack<(PgElement, IReadOnlyList<ReplyElement>, string)>()).Push((child, entry.Children, path + entry.Name + "/"));
                    }
                }

                if (nested is not { Count: > 0 })
                {
                    return;
                }

                (element, shape, path) = nested.Pop();
            }
        }

        /// <summary>Forgets what was logged (tests).</summary>
        internal static void Reset()
        {
            Seen.Clear();
            SeenPerOperation.Clear();
        }

        private static void Report(OperationDescriptor operation, string element, string kind, ILogger logger)
        {
            var key = (operation.DisplayName, element, kind);
            bool known = Seen.ContainsKey(key);
            if (!known && SeenPerOperation.GetOrAdd(operation.DisplayName, 0) < MaxKeys && Seen.TryAdd(key, true))
            {
                SeenPerOperation.AddOrUpdate(operation.DisplayName, 1, (_, count) => count + 1);
                Log.SpecDrift(logger, operation.DisplayName, element, kind == Undescribed ? "is not described by the spec" : "has a value the spec does not list");
                known = true;
            }

            Telemetry.SpecDrift(operation, known ? element : "(other)", kind);
        }

        private static ReplyElement? EntryFor(IReadOnlyList<ReplyElement> shape, string name)
        {
            foreach (ReplyElement entry in shape)
            {
                if (string.Equals(entry.Name, name, StringComparison.Ordinal))
                {
                    return entry;
                }
            }

            return null;
        }

        private static string Cut(string name) => name.Length <= MaxNameLength ? name : name.Substring(0, MaxNameLength) + "...";
    }
}
