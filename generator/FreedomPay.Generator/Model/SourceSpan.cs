namespace FreedomPay.Generator.Model
{
    /// <summary>
    /// A position range inside a spec file: character offsets and 0-based line/column pairs, i.e. exactly what
    /// <c>Location.Create(path, TextSpan, LinePositionSpan)</c> needs, without holding a Roslyn Location.
    /// </summary>
    internal readonly record struct SourceSpan(int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static readonly SourceSpan None = default;
    }
}
