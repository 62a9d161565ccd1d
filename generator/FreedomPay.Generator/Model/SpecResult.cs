namespace FreedomPay.Generator.Model
{
    /// <summary>
    /// What one spec file turned into: the validated area (null when the file has errors) and the diagnostics.
    /// The area name and its position are kept separately so that a second file declaring the same area can be
    /// reported at its 'area:' line.
    /// </summary>
    internal sealed record SpecResult(string FilePath, ApiArea? Area, AreaDeclaration? Declaration, EquatableArray<DiagnosticInfo> Diagnostics);

    internal sealed record AreaDeclaration(string Name, string FilePath, SourceSpan Span);
}
