using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Description
{
    /// <summary>The bound model -> the runtime description (<see cref="AreaDescription"/> and its parts): the one translation.</summary>
    internal static class Describe
    {
        /// <summary>An area with no servers describes callbacks only: it makes no call, and names the KZ gateway for form's sake.</summary>
        private static readonly ServerModel NoServer = new ServerModel("none", "None", "https://api.freedompay.kz/", true);

        public static AreaDescription Area(AreaInfo area) => new AreaDescription(
            area.Name,
            area.Encoding,
            area.Servers.FirstOrDefault(s => s.IsDefault) ?? area.Servers.FirstOrDefault() ?? NoServer,
            area.Errors,
            area.Secret,
            area.Auth,
            area.AuthKeyId,
            area.AuthKeyIdNumber,
            area.AuthPathMember,
            area.RequestIdVersion,
            area.Servers.Where(s => s.Auth is { } scheme && scheme != area.Auth).ToEquatableArray(), // the servers signed otherwise than the area
            area.Servers.Where(s => s.Headers.Count > 0).ToEquatableArray()); // the servers that add headers to every call

        public static OperationDescription Operation(OperationModel op) => new OperationDescription(
            op.Name,
            op.HttpMethod,
            op.Path,
            op.ScriptName,
            Request(op),
            op.SafeToRetry,
            op.TimeoutMilliseconds is { } ms ? ms / 1000m : null,
            op.Response.Signed,
            op.Response.Elements.Select(Reply).ToEquatableArray(),
            op.Headers,
            Deprecated(op.Deprecated, op.Summary),
            op.Response.BrowserStep,
            op.Idempotent);

        /// <summary>
        /// An operation's request table in wire order, as the client has always sent it: merchant id and constants, the
        /// caller's values, salt, signature.
        /// </summary>
        public static RequestTableDescription Request(OperationModel op)
        {
            var fields = new List<RequestFieldDescription>();
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.MerchantId).Select(f => new RequestFieldDescription(FieldEntry.MerchantId, f.WireName)));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.RequestId).Select(f => new RequestFieldDescription(FieldEntry.RequestId, f.WireName)));
            fields.AddRange(op.Constants.Select(c => new RequestFieldDescription(FieldEntry.Constant, c.WireName, ConstantValue: c.Value)));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.None).Select(Field));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.Salt).Select(f => new RequestFieldDescription(FieldEntry.Salt, f.WireName)));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.Signature).Select(f => new RequestFieldDescription(FieldEntry.Signature, f.WireName)));
            return new RequestTableDescription(op.Name + "Request", fields.ToEquatableArray(), op.Groups, op.ExtraParams);
        }

        /// <summary>The table of a list's item class or of a nested object (caller's values only).</summary>
        public static RequestTableDescription Class(RequestClassModel model) =>
            new RequestTableDescription(model.Name, model.Fields.Select(Field).ToEquatableArray(), default, false);

        public static RequestFieldDescription Field(RequestFieldModel f) => new RequestFieldDescription(
            FieldEntry.Value,
            f.WireName,
            f.CsName,
            Kind(f.Type),
            Required: f.Required,
            Sensitivity: f.Sensitive,
            PaymentId: f.PaymentId,
            Constraints: f.Constraints,
            Format: HasFormat(f.Type) ? f.Format : null,
            EnumType: f.Type == FieldType.Enum ? f.EnumType : null,
            ClassName: f.ClassName,
            MaxItems: f.MaxItems,
            Description: Deprecated(f.Deprecated, f.Description),
            PostedAs: f.PostedAs);

        public static ReplyElementDescription Reply(ResponseElementModel e)
        {
            EquatableArray<ReplyElementDescription> children = e.Children.Select(Reply).ToEquatableArray();
            ReplyElementDescription? item = e.Type != FieldType.List ? null : new ReplyElementDescription(
                e.ItemElement!,
                Kind(e.ItemType),
                Required: false,
                Repeated: false,
                Sensitivity.None,
                PaymentId: false,
                Example: null,
                Format: HasFormat(e.ItemType) ? e.Format : null,
                EnumType: e.ItemType == FieldType.Enum ? e.EnumType : null,
                ClassName: e.ItemType == FieldType.Object ? e.ClassName : null,
                Item: null,
                Children: e.ItemType == FieldType.Object ? children : default);
            return new ReplyElementDescription(
                e.WireName,
                Kind(e.Type),
                e.Required,
                e.Repeated,
                e.Sensitive,
                e.PaymentId,
                e.Type is FieldType.Object or FieldType.List ? null : e.Example,
                HasFormat(e.Type) ? e.Format : null,
                e.Type == FieldType.Enum ? e.EnumType : null,
                e.Type == FieldType.Object ? e.ClassName : null,
                item,
                e.Type == FieldType.Object ? children : default);
        }

        /// <summary>
        /// A summary or description as tools show it: a deprecated operation or field says so first, so that
        /// <c>--help</c> and the sandbox's dashboard carry it with no key of their own.
        /// </summary>
        private static string? Deprecated(string? deprecated, string? text) =>
            deprecated is null ? text : "Deprecated: " + deprecated + (text is null ? string.Empty : " " + text);

        /// <summary>
        /// The runtime's value kind: the name of its <c>RequestField</c> and <c>ReplyElement</c> factories. A date is,
        /// to the runtime, a date-time in the date's format: only its C# type differs (<c>DateOnly</c>).
        /// </summary>
        public static string Kind(FieldType type) => type switch { FieldType.String => "Text", FieldType.Date => "DateTime", _ => type.ToString() };

        /// <summary>Whether values of the type are read and written in a wire format (the spec's <c>format</c>).</summary>
        public static bool HasFormat(FieldType type) => type is FieldType.DateTime or FieldType.DateTimeOffset or FieldType.Date;
    }
}
