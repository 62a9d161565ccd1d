namespace FreedomPay.Generator.Model
{
    /// <param name="Name">PascalCase operation name; becomes <c>{Name}Async</c>, <c>{Name}Request</c>, <c>{Name}Response</c>.</param>
    /// <param name="Path">Path relative to the server, without a leading slash (e.g. <c>mfs/pay</c>).</param>
    /// <param name="TimeoutMilliseconds">How long to wait for a reply (spec 'timeout', in seconds); null for the runtime default.</param>
    /// <param name="ScriptName">First segment of the signature string (default: last path segment).</param>
    /// <param name="Verified">False when the public docs do not confirm the operation as described.</param>
    /// <param name="IsRedirect">A signed address for the buyer's browser (<c>kind: redirect</c>), not a call with a reply.</param>
    /// <param name="Headers">Request headers the spec adds (<c>headers:</c>).</param>
    /// <param name="Deprecated">What to use instead (<c>deprecated:</c>); null when the operation is not deprecated.</param>
    /// <param name="Idempotent">The gateway answers a repeated request id with its first reply (<c>idempotent: request-id</c>): the client may retry the call under the same id.</param>
    internal sealed record OperationModel(
        string Name,
        string HttpMethod,
        string Path,
        string? Summary,
        string? Description,
        bool SafeToRetry,
        int? TimeoutMilliseconds,
        string ScriptName,
        bool Verified,
        string? Note,
        string? Source,
        EquatableArray<ConstantModel> Constants,
        EquatableArray<RequestFieldModel> Request,
        ResponseModel Response,
        EquatableArray<FieldGroupModel> Groups,
        bool ExtraParams = false,
        bool IsRedirect = false,
        EquatableArray<HeaderModel> Headers = default,
        string? Deprecated = null,
        bool Idempotent = false);

    /// <summary>A request header: a constant (<c>X-Action: gateway.payment.read</c>) or a generated request id.</summary>
    internal sealed record HeaderModel(string Name, HeaderSource Source, string? Value);

    /// <summary>How the fields of a group depend on each other.</summary>
    internal enum FieldGroupKind
    {
        /// <summary>Exactly one of the fields is given.</summary>
        OneOf,

        /// <summary>The first field is required unless one of the others is given.</summary>
        RequiredUnless,

        /// <summary>A card's expiry month and year (in that order), which must not have passed when the request is sent.</summary>
        CardExpiry,
    }

    /// <summary>A conditional requirement between request fields (wire names).</summary>
    internal sealed record FieldGroupModel(FieldGroupKind Kind, EquatableArray<string> Fields);

    /// <summary>A field the operation always sends with a fixed value (e.g. <c>pg_payment_method=mobile_commerce</c>).</summary>
    internal sealed record ConstantModel(string WireName, string Value);
}
