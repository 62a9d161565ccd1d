using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Description
{
    /// <summary>
    /// What a spec means to the runtime, computed once from the bound model (<see cref="Describe"/>) and consumed twice:
    /// the emitter writes it as the constructor calls of generated code, and <c>freedompay --spec</c> (with the sandbox
    /// it feeds) builds the same runtime objects from it at run time. Its members are the runtime's own parameters
    /// (<c>AreaDescriptor</c>, <c>OperationDescriptor</c>, <c>RequestFieldTable</c>, <c>ReplyElement</c>): every decision
    /// (wire order, the default server, roles, units) is taken here, and neither consumer adds one.
    /// </summary>
    internal sealed record AreaDescription(
        string Name,
        RequestEncoding Encoding,
        ServerModel DefaultServer,
        ErrorShape Errors,
        string? SecretName,
        AuthScheme Auth,
        string AuthKeyId,
        bool AuthKeyIdNumber,
        string AuthPathMember,
        int RequestIdVersion = 4,
        EquatableArray<ServerModel> ServerAuth = default,
        EquatableArray<ServerModel> ServerHeaders = default);

    /// <summary>One operation: the arguments of its <c>OperationDescriptor</c> and <c>OperationInfo</c>.</summary>
    internal sealed record OperationDescription(
        string Name,
        string HttpMethod,
        string Path,
        string ScriptName,
        RequestTableDescription Request,
        bool SafeToRetry,
        decimal? TimeoutSeconds,
        bool SignedResponse,
        EquatableArray<ReplyElementDescription> Reply,
        EquatableArray<HeaderModel> Headers,
        string? Summary,
        BrowserStepModel? BrowserStep = null,
        bool Idempotent = false);

    /// <summary>A <c>RequestFieldTable</c>: its entries in wire order, its groups, whether it takes the shop's own fields.</summary>
    internal sealed record RequestTableDescription(
        string Name,
        EquatableArray<RequestFieldDescription> Fields,
        EquatableArray<FieldGroupModel> Groups,
        bool ExtraParams);

    /// <summary>What an entry of a request table is: filled by the runtime, a constant, or a caller's value.</summary>
    internal enum FieldEntry
    {
        MerchantId,
        RequestId,
        Constant,
        Value,
        Salt,
        Signature,
    }

    /// <summary>
    /// One <c>RequestField</c>. <see cref="Kind"/> names the runtime factory (<c>Text</c>, <c>Integer</c>, ... <c>List</c>);
    /// an enum's values and a nested table are referred to by name (<see cref="EnumType"/>, <see cref="ClassName"/>), as
    /// generated code refers to their types, and resolved in the area (<c>AreaDescriptions</c> at run time).
    /// </summary>
    internal sealed record RequestFieldDescription(
        FieldEntry Entry,
        string WireName,
        string? MemberName = null,
        string Kind = "Text",
        string? ConstantValue = null,
        bool Required = false,
        Sensitivity Sensitivity = Sensitivity.None,
        bool PaymentId = false,
        ConstraintModel? Constraints = null,
        string? Format = null,
        string? EnumType = null,
        string? ClassName = null,
        int? MaxItems = null,
        string? Description = null,
        string? PostedAs = null);

    /// <summary>
    /// One <c>ReplyElement</c>: <see cref="Kind"/> names the runtime factory; a list's item is described by
    /// <see cref="Item"/>, an object's elements by <see cref="Children"/>; an enum's values by <see cref="EnumType"/>.
    /// </summary>
    internal sealed record ReplyElementDescription(
        string WireName,
        string Kind,
        bool Required,
        bool Repeated,
        Sensitivity Sensitivity,
        bool PaymentId,
        string? Example,
        string? Format,
        string? EnumType,
        string? ClassName,
        ReplyElementDescription? Item,
        EquatableArray<ReplyElementDescription> Children);
}
