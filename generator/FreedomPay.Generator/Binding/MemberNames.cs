using System;
using System.Collections.Generic;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Binding
{
    /// <summary>The wire names and C# member names already used inside one generated class.</summary>
    internal sealed class MemberNames
    {
        /// <summary>The remedy for a member whose C# name collides: the key that names it.</summary>
        public const string SetName = "set 'name:' to tell them apart";

        private readonly SpecContext _context;
        private readonly string _className;
        private readonly ReservedNames _reserved;
        private readonly HashSet<string> _wireNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _members = new Dictionary<string, string>(StringComparer.Ordinal);

        public MemberNames(SpecContext context, string className, ReservedNames reserved)
        {
            _context = context;
            _className = className;
            _reserved = reserved;
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
                _context.Report(DiagnosticDescriptors.NameCollision, span, csName, what, $"the name of its class '{_className}'", SetName);
                return false;
            }

            if (_reserved.Contains(csName))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, span, csName, what, $"the inherited member '{csName}'", SetName);
                return false;
            }

            if (_members.TryGetValue(csName, out string? owner))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, span, csName, what, owner, SetName);
                return false;
            }

            _members.Add(csName, what);
            return true;
        }
    }

    /// <summary>
    /// Names a kind of generated class already has (inherited or generated), built once: each class checks
    /// against the shared set instead of copying it.
    /// </summary>
    internal sealed class ReservedNames
    {
        private readonly HashSet<string> _names;

        public ReservedNames(params string[] names)
        {
            _names = new HashSet<string>(names, StringComparer.Ordinal);
        }

        public bool Contains(string name) => _names.Contains(name);
    }
}
