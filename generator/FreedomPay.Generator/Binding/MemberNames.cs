using System;
using System.Collections.Generic;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Binding
{
    /// <summary>The wire names and C# member names already used inside one generated class.</summary>
    internal sealed class MemberNames
    {
        private readonly SpecContext _context;
        private readonly string _className;
        private readonly HashSet<string> _wireNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _members = new Dictionary<string, string>(StringComparer.Ordinal);

        public MemberNames(SpecContext context, string className, params string[] reserved)
        {
            _context = context;
            _className = className;
            foreach (string name in reserved)
            {
                _members[name] = $"the inherited member '{name}'";
            }
        }

        public bool ClaimWire(string wireName, SourceSpan span)
        {
            if (_wireNames.Add(wireName))
            {
                return true;
            }

            _context.Report(DiagnosticDescriptors.Duplicate, span, "Field", wireName, _className);
            return false;
        }

        public bool ClaimMember(string csName, string what, SourceSpan span)
        {
            if (csName == _className)
            {
                _context.Report(DiagnosticDescriptors.NameCollision, span, csName, what, $"the name of its class '{_className}'");
                return false;
            }

            if (_members.TryGetValue(csName, out string? owner))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, span, csName, what, owner);
                return false;
            }

            _members.Add(csName, what);
            return true;
        }
    }
}
