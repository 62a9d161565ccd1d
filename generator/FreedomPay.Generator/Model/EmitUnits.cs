namespace FreedomPay.Generator.Model
{
    /// <summary>What every file of an area needs to know about the area (and the MSBuild options).</summary>
    internal sealed record AreaContext(
        string AreaName,
        string SpecFileName,
        string? Summary,
        string? Description,
        EquatableArray<ServerModel> Servers,
        RequestEncoding Encoding,
        ErrorShape Errors,
        GeneratorOptions Options);

    /// <summary>One generated file per operation: request, response and the client method.</summary>
    internal sealed record OperationUnit(AreaContext Area, OperationModel Operation);

    /// <summary>One generated file per enum.</summary>
    internal sealed record EnumUnit(AreaContext Area, EnumModel Enum);

    /// <summary>One generated file per area: the area client, its servers and how FreedomPayClient reaches it.</summary>
    internal sealed record AreaUnit(AreaContext Area);
}
