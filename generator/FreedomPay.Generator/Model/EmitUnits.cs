namespace FreedomPay.Generator.Model
{
    /// <summary>The area and the MSBuild options: the context of every file generated for the area.</summary>
    internal sealed record AreaContext(AreaInfo Area, GeneratorOptions Options);

    /// <summary>One generated file per operation: request, response and the client method.</summary>
    internal sealed record OperationUnit(AreaContext Context, OperationModel Operation);

    /// <summary>One generated file per callback (a request the gateway sends to the merchant).</summary>
    internal sealed record CallbackUnit(AreaContext Context, CallbackModel Callback);

    /// <summary>One generated file per class of request list items or nested objects.</summary>
    internal sealed record RequestClassUnit(AreaContext Context, RequestClassModel Class);

    /// <summary>One generated file per enum.</summary>
    /// <param name="Shared">A shared enum (<c>shared: true</c>): generated once, into the root namespace.</param>
    /// <param name="WireOnly">A shared enum the referenced FreedomPay.Client already has: only its wire values are generated.</param>
    internal sealed record EnumUnit(AreaContext Context, EnumModel Enum, bool Shared = false, bool WireOnly = false);

    /// <summary>
    /// One generated file per area: the area client, its servers, its operation catalog and how FreedomPayClient
    /// reaches it. Only the operation names matter here, so editing an operation leaves this file cached.
    /// </summary>
    internal sealed record AreaUnit(AreaContext Context, EquatableArray<string> OperationNames);
}
