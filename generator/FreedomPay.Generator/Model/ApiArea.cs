namespace FreedomPay.Generator.Model
{
    /// <summary>One spec file: an API area such as MobileBalance, after validation. Carries no positions.</summary>
    /// <param name="Callbacks">Requests the gateway sends to the merchant (Result notify, Check).</param>
    /// <param name="RequestClasses">Classes of list items and nested objects in requests.</param>
    internal sealed record ApiArea(AreaInfo Info, EquatableArray<OperationModel> Operations, EquatableArray<EnumModel> Enums, EquatableArray<CallbackModel> Callbacks, EquatableArray<RequestClassModel> RequestClasses = default);

    /// <summary>A request the gateway sends to the merchant's server, read like a reply's elements.</summary>
    /// <param name="Reply">What the merchant answers it with.</param>
    internal sealed record CallbackModel(string Name, string? Summary, string? Description, bool Verified, string? Note, string? Source, EquatableArray<ResponseElementModel> Fields, CallbackReplyKind Reply = CallbackReplyKind.SignedXml);

    /// <summary>What the merchant's server answers a callback with (the runtime's <c>CallbackReplyKind</c>).</summary>
    internal enum CallbackReplyKind
    {
        SignedXml,
        Http200,
        None,
    }

    /// <summary>What an area says about itself, apart from its operations and enums; every generated file of the area needs it.</summary>
    /// <param name="SpecFileName">File name only (no folder): it is written into generated headers.</param>
    /// <param name="Secret">The spec's <c>secret:</c>, the name of the client options' key that signs the area; null for the main key.</param>
    /// <param name="Auth">The spec's <c>auth:</c>: how requests are signed.</param>
    /// <param name="AuthKeyId">The JWS protected-header member that carries the merchant id (<c>auth: { key-id: }</c>).</param>
    /// <param name="AuthKeyIdNumber">That member is a JSON number (<c>key-id-type: number</c>); a string by default.</param>
    /// <param name="AuthPathMember">The JWS protected-header member that carries the request's path (<c>path-member:</c>, <c>uri</c> by default).</param>
    internal sealed record AreaInfo(
        string Name,
        string SpecFileName,
        string? Summary,
        string? Description,
        EquatableArray<ServerModel> Servers,
        RequestEncoding Encoding,
        ErrorShape Errors,
        string? Secret = null,
        AuthScheme Auth = AuthScheme.PgSig,
        string AuthKeyId = "auth_id",
        bool SecretVerified = true,
        string? SecretNote = null,
        bool AuthKeyIdNumber = false,
        string AuthPathMember = "uri",
        int RequestIdVersion = 4);

    /// <param name="Name">The key under <c>servers:</c>, e.g. <c>kz</c>.</param>
    /// <param name="Url">Absolute base URL ending with a slash.</param>
    /// <param name="Auth">The scheme that signs requests sent to this server, when it is not the area's (<c>auth:</c> on the server).</param>
    internal sealed record ServerModel(string Name, string CsName, string Url, bool IsDefault, AuthScheme? Auth = null, EquatableArray<HeaderModel> Headers = default);

    /// <summary>Where a reply says "this failed": <c>pg_status=error</c> with a code and a description.</summary>
    /// <param name="StatusElement">The outcome element; empty for <c>status: none</c>. It, the code and the description may be paths (<c>error/code</c>).</param>
    /// <param name="UnsignedCodes">The error codes the gateway may send unsigned (it could not identify the merchant).</param>
    /// <param name="HttpStatuses">HTTP statuses whose body is an error reply (JSON areas: the Gateway Async API's 422).</param>
    internal sealed record ErrorShape(string StatusElement, string ErrorValue, string CodeElement, string DescriptionElement, EquatableArray<string> UnsignedCodes, EquatableArray<int> HttpStatuses);
}
