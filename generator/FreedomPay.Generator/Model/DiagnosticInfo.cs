using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FreedomPay.Generator.Model
{
    /// <summary>
    /// A diagnostic as plain data (descriptor, message arguments, file and span) so it can travel through the
    /// incremental pipeline and compare by value; <see cref="ToDiagnostic"/> turns it into a Roslyn diagnostic
    /// only when it is reported.
    /// </summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string FilePath, SourceSpan Span, EquatableArray<string> Arguments)
    {
        public Diagnostic ToDiagnostic()
        {
            var location = FilePath.Length == 0
                ? Location.None
                : Location.Create(
                    FilePath,
                    TextSpan.FromBounds(Span.Start, Span.End),
                    new LinePositionSpan(
                        new LinePosition(Span.StartLine, Span.StartColumn),
                        new LinePosition(Span.EndLine, Span.EndColumn)));
            return Diagnostic.Create(Descriptor, location, Arguments.Cast<object>().ToArray());
        }
    }
}
