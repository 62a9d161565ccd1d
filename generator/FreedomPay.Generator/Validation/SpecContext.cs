using System.Collections.Generic;
using FreedomPay.Generator.Model;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Validation
{
    /// <summary>The file being validated and the diagnostics found so far.</summary>
    internal sealed class SpecContext
    {
        private readonly List<DiagnosticInfo> _diagnostics = new List<DiagnosticInfo>();

        public SpecContext(string filePath) => FilePath = filePath;

        public string FilePath { get; }

        public bool HasErrors { get; private set; }

        public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

        public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params string[] arguments)
        {
            HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
            _diagnostics.Add(new DiagnosticInfo(descriptor, FilePath, span, arguments.ToEquatableArray()));
        }
    }
}
