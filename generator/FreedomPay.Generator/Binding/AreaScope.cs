using System;
using System.Collections.Generic;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// What an area declares once and each of its operations and callbacks reads: the encoding, the shared request
    /// fields and reply elements, the request fields every operation starts with, the enums declared by name. Built
    /// from the spec root before any operation is bound (<see cref="SpecBinder"/>'s <c>BindAreaScope</c>) and never
    /// changed after, so an operation's binding cannot depend on the order operations are written in.
    /// </summary>
    internal sealed class AreaScope
    {
        private static readonly Dictionary<string, YEntry> NoEntries = new Dictionary<string, YEntry>(StringComparer.Ordinal);

        /// <summary>The scope of a spec whose root could not be read: nothing shared.</summary>
        public static readonly AreaScope Empty = new AreaScope(RequestEncoding.Multipart, NoEntries, NoEntries, Array.Empty<YEntry>(), new HashSet<string>(StringComparer.Ordinal));

        private readonly HashSet<string> _declaredEnums;

        public AreaScope(RequestEncoding encoding, IReadOnlyDictionary<string, YEntry> sharedFields, IReadOnlyDictionary<string, YEntry> sharedElements, IReadOnlyList<YEntry> defaultRequest, HashSet<string> declaredEnums)
        {
            Encoding = encoding;
            SharedFields = sharedFields;
            SharedElements = sharedElements;
            DefaultRequest = defaultRequest;
            _declaredEnums = declaredEnums;
        }

        /// <summary>How the area's requests are encoded (<c>encoding:</c>): a JSON area's replies have no list wrappers.</summary>
        public RequestEncoding Encoding { get; }

        /// <summary>The area's <c>fields:</c>, by wire name: what a request entry written without a value stands for.</summary>
        public IReadOnlyDictionary<string, YEntry> SharedFields { get; }

        /// <summary>The area's <c>elements:</c>, by wire name: what a reply or callback entry written without a value stands for.</summary>
        public IReadOnlyDictionary<string, YEntry> SharedElements { get; }

        /// <summary>The area's <c>defaults: request:</c> entries, which every operation's request starts with.</summary>
        public IReadOnlyList<YEntry> DefaultRequest { get; }

        /// <summary>Whether the area's <c>enums:</c> declares (and bound without error) an enum of this name.</summary>
        public bool IsDeclaredEnum(string name) => _declaredEnums.Contains(name);
    }
}
