using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Cli.Commands;
using FreedomPay.Generator.Description;
using FreedomPay.Generator.Model;
using FreedomPay.Runtime;
using ModelAuth = FreedomPay.Generator.Model.AuthScheme;
using ModelEncoding = FreedomPay.Generator.Model.RequestEncoding;
using ModelHeaderSource = FreedomPay.Generator.Model.HeaderSource;
using ModelSensitivity = FreedomPay.Generator.Model.Sensitivity;

namespace FreedomPay.Cli.Specs
{
    /// <summary>
    /// A spec bound at run time, as the runtime objects its generated code would create: the generator's own runtime
    /// description (<see cref="Describe"/>, the one translation of spec keys, which the emitter writes as code) built
    /// into objects. Nothing here decides what a key means: each description member is the runtime parameter of the
    /// same name, and an enum's values or a nested table are looked up by the name the description gives, as generated
    /// code refers to their types. <c>SpecParityTests</c> compares the result with the compiled client for every spec.
    /// </summary>
    internal static class RuntimeFromDescription
    {
        public static AreaEntry Build(ApiArea area)
        {
            AreaDescription a = Describe.Area(area.Info);
            var descriptor = new AreaDescriptor(
                a.Name,
                a.Encoding switch { ModelEncoding.UrlEncoded => Runtime.RequestEncoding.UrlEncoded, ModelEncoding.Json => Runtime.RequestEncoding.Json, _ => Runtime.RequestEncoding.Multipart },
                new Uri(a.DefaultServer.Url),
                new ResponseErrorShape(a.Errors.StatusElement, a.Errors.ErrorValue, a.Errors.CodeElement, a.Errors.DescriptionElement, a.Errors.UnsignedCodes.ToArray()) { HttpStatuses = a.Errors.HttpStatuses.ToArray() },
                a.SecretName,
                Scheme(a.Auth),
                a.AuthKeyId,
                a.AuthKeyIdNumber,
                a.AuthPathMember)
            {
                RequestIdVersion = a.RequestIdVersion,
                ServerAuth = a.ServerAuth.Select(s => new KeyValuePair<Uri, Runtime.AuthScheme>(new Uri(s.Url), Scheme(s.Auth!.Value))).ToArray(),
                ServerHeaders = a.ServerHeaders.Select(s => new KeyValuePair<Uri, IReadOnlyList<RequestHeader>>(new Uri(s.Url), s.Headers.Select(Header).ToArray())).ToArray(),
            };
            var scope = new Scope(area);

            // Redirect operations send nothing: they are no call for the tool to make (the compiled client lists them apart).
            OperationInfo[] operations = area.Operations.Where(op => !op.IsRedirect).Select(op => Operation(descriptor, Describe.Operation(op), scope)).ToArray();
            return new AreaEntry(a.Name, operations, descriptor.DefaultServer);
        }

        private static RequestHeader Header(Generator.Model.HeaderModel h) => h.Source == ModelHeaderSource.RequestId
            ? new RequestHeader(h.Name, Runtime.HeaderSource.RequestId)
            : new RequestHeader(h.Name, Runtime.HeaderSource.Constant, h.Value);

        private static Runtime.AuthScheme Scheme(ModelAuth auth) => auth switch
        {
            ModelAuth.JwsHs256 => Runtime.AuthScheme.JwsHs256,
            ModelAuth.JwsHs512 => Runtime.AuthScheme.JwsHs512,
            ModelAuth.Sha256Sign => Runtime.AuthScheme.Sha256Sign,
            _ => Runtime.AuthScheme.PgSig,
        };

        private static OperationInfo Operation(AreaDescriptor area, OperationDescription op, Scope scope)
        {
            RequestFieldTable table = scope.Table(op.Request);
            var descriptor = new OperationDescriptor(
                area,
                op.Name,
                op.HttpMethod,
                op.Path,
                op.ScriptName,
                table,
                safeToRetry: op.SafeToRetry,
                timeoutSeconds: op.TimeoutSeconds is { } seconds ? (double)seconds : null,
                signedResponse: op.SignedResponse,
                reply: op.Reply.Select(scope.Element).ToArray(),
                headers: op.Headers.Select(Header).ToArray(),
                browserStep: op.BrowserStep is { } step
                    ? new BrowserStep(step.Name, step.When, step.Url, step.Method, step.Fields.SelectMany(f => new[] { f.FormName, f.Element }).ToArray(), step.ReturnField)
                    : null,
                idempotent: op.Idempotent);
            return OperationInfo.Create(descriptor, op.Summary, text => new TextRequest(table, text), raw => new TextResponse(raw));
        }

        /// <summary>The area's enums (wire values by type name) and request classes (tables by class name), as the types generated code refers to.</summary>
        private sealed class Scope(ApiArea area)
        {
            private readonly Dictionary<string, IReadOnlyList<string>> _enums =
                area.Enums.ToDictionary(e => e.Name, e => (IReadOnlyList<string>)e.Values.Select(v => v.WireValue).ToArray(), StringComparer.Ordinal);

            private readonly Dictionary<string, RequestClassModel> _classes = area.RequestClasses.ToDictionary(c => c.Name, StringComparer.Ordinal);

            public RequestFieldTable Table(RequestTableDescription table)
            {
                RequestField[] fields = table.Fields.Select(Field).ToArray();
                FieldGroup[] groups = table.Groups
                    .Select(g => g.Kind switch
                    {
                        Generator.Model.FieldGroupKind.OneOf => FieldGroup.OneOf(g.Fields.ToArray()),
                        Generator.Model.FieldGroupKind.CardExpiry => FieldGroup.CardExpiry(g.Fields[0], g.Fields[1]),
                        _ => FieldGroup.RequiredUnless(g.Fields[0], g.Fields.Skip(1).ToArray()),
                    })
                    .ToArray();
                return groups.Length == 0 ? new RequestFieldTable(table.Name, fields) : new RequestFieldTable(table.Name, groups, fields);
            }

            public ReplyElement Element(ReplyElementDescription e)
            {
                FieldSensitivity sensitivity = Sensitivity(e.Sensitivity);
                return e.Kind switch
                {
                    "Object" => ReplyElement.Object(e.WireName, e.Children.Select(Element).ToArray(), e.Required, e.Repeated, sensitivity),
                    "List" => ReplyElement.List(e.WireName, Element(e.Item!), e.Required, sensitivity),
                    "Integer" => ReplyElement.Integer(e.WireName, e.Required, e.Repeated, sensitivity, e.PaymentId, e.Example),
                    "Decimal" => ReplyElement.Decimal(e.WireName, e.Required, e.Repeated, sensitivity, e.Example),
                    "Boolean" => ReplyElement.Boolean(e.WireName, e.Required, e.Repeated, sensitivity, e.Example),
                    "Enum" => ReplyElement.Enum(e.WireName, _enums[e.EnumType!], e.Required, e.Repeated, sensitivity, e.Example),
                    "DateTime" => ReplyElement.DateTime(e.WireName, e.Format!, e.Required, e.Repeated, sensitivity, e.Example),
                    "DateTimeOffset" => ReplyElement.DateTimeOffset(e.WireName, e.Format!, e.Required, e.Repeated, sensitivity, e.Example),
                    _ => ReplyElement.Text(e.WireName, e.Required, e.Repeated, sensitivity, e.PaymentId, e.Example),
                };
            }

            private RequestField Field(RequestFieldDescription f)
            {
                switch (f.Entry)
                {
                    case FieldEntry.MerchantId:
                        return RequestField.Filled(f.WireName, FieldRole.MerchantId);
                    case FieldEntry.Salt:
                        return RequestField.Filled(f.WireName, FieldRole.Salt);
                    case FieldEntry.RequestId:
                        return RequestField.Filled(f.WireName, FieldRole.RequestId);
                    case FieldEntry.Signature:
                        return RequestField.Filled(f.WireName, FieldRole.Signature);
                    case FieldEntry.Constant:
                        return RequestField.Constant(f.WireName, f.ConstantValue!);
                }

                FieldSensitivity sensitivity = Sensitivity(f.Sensitivity);
                FieldRole role = f.PaymentId ? FieldRole.PaymentId : FieldRole.Value;
                ConstraintModel c = f.Constraints ?? ConstraintModel.None;
                string member = f.MemberName!;
                return f.Kind switch
                {
                    "Integer" => RequestField.Integer(f.WireName, member, f.Required, sensitivity, role, Number(c.Min) is { } min ? (long)min : null, Number(c.Max) is { } max ? (long)max : null, f.Description),
                    "Decimal" => RequestField.Decimal(f.WireName, member, f.Required, sensitivity, role, Number(c.Min), Number(c.Max), f.Description, c.Scale),
                    "Boolean" => RequestField.Boolean(f.WireName, member, f.Required, sensitivity, f.Description),
                    "Enum" => RequestField.Enum(f.WireName, member, _enums[f.EnumType!], f.Required, sensitivity, f.Description),
                    "DateTime" => RequestField.DateTime(f.WireName, member, f.Format!, f.Required, sensitivity, f.Description),
                    "DateTimeOffset" => RequestField.DateTimeOffset(f.WireName, member, f.Format!, f.Required, sensitivity, f.Description),
                    "List" => RequestField.List(f.WireName, member, Table(Describe.Class(_classes[f.ClassName!])), f.Required, f.MaxItems, f.Description),
                    "Object" => RequestField.Object(f.WireName, member, Table(Describe.Class(_classes[f.ClassName!])), f.Required, f.Description),
                    _ => RequestField.Text(f.WireName, member, f.Required, sensitivity, role, c.MinLength, c.MaxLength, c.Pattern, f.Description, c.Check == "luhn" ? FieldCheck.Luhn : FieldCheck.None, f.PostedAs),
                };
            }

            private static FieldSensitivity Sensitivity(ModelSensitivity sensitivity) => sensitivity switch
            {
                ModelSensitivity.Hidden => FieldSensitivity.Hidden,
                ModelSensitivity.Partial => FieldSensitivity.Partial,
                _ => FieldSensitivity.None,
            };

            /// <summary>The binder keeps bounds as invariant text.</summary>
            private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }
}
