namespace FreedomPay.Generator.Model
{
    /// <summary>A spec file's path and content: the first value of the pipeline.</summary>
    internal sealed record SpecText(string Path, string Text);

    /// <summary>The areas to emit (one per name) and the diagnostics about areas declared twice.</summary>
    internal sealed record AreaSet(EquatableArray<ApiArea> Areas, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<SharedEnum> SharedEnums);

    /// <summary>A shared enum as it is generated: from the first area (by file) that declares it; wire values only when the runtime has it.</summary>
    internal sealed record SharedEnum(AreaInfo Area, EnumModel Enum, bool WireOnly);

    internal sealed record OptionsResult(GeneratorOptions Options, EquatableArray<DiagnosticInfo> Diagnostics);
}
