using System.Collections.Generic;
using FreedomPay.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Binding
{
    /// <summary>The file being validated and the diagnostics found so far.</summary>
    internal sealed class SpecContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        // A shared definition is bound at each use; its problems are reported once.
        private readonly HashSet<DiagnosticInfo> _seen = new HashSet<DiagnosticInfo>();

        public SpecContext(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public bool HasErrors { get; private set; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        {
            var diagnostic = new DiagnosticInfo(descriptor, FilePath, span, arguments.ToEquatableArray());
            if (_seen.Add(diagnostic))
            {
                HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
                _diagnostics.Add(diagnostic);
            }
        }
    }
}
