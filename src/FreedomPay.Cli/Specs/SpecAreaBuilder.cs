using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Cli.Commands;
using FreedomPay.Generator.Model;
using FreedomPay.Runtime;
using ModelEncoding = FreedomPay.Generator.Model.RequestEncoding;

namespace FreedomPay.Cli.Specs
{
    /// <summary>
    /// A spec bound by the generator's own binder, turned into the runtime description the generated code would have
    /// created (field tables, reply shapes, descriptors): the same rules, roles and masks, with no compile step. The
    /// sandbox serves it and the operation commands send it.
    /// </summary>
    internal static class SpecAreaBuilder
    {
        public static AreaEntry Build(ApiArea area)
        {
            AreaInfo info = area.Info;
            ServerModel server = info.Servers.FirstOrDefault(s => s.IsDefault) ?? info.Servers.FirstOrDefault()
                ?? new ServerModel("none", "None", "https://api.freedompay.kz/", true);
            var descriptor = new AreaDescriptor(
                info.Name,
                info.Encoding == ModelEncoding.UrlEncoded ? Runtime.RequestEncoding.UrlEncoded : Runtime.RequestEncoding.Multipart,
                new Uri(server.Url),
                new ResponseErrorShape(info.Errors.StatusElement, info.Errors.ErrorValue, info.Errors.CodeElement, info.Errors.DescriptionElement, info.Errors.UnsignedCodes.ToArray()));
            var enums = area.Enums.ToDictionary(e => e.Name, e => (IReadOnlyList<string>)e.Values.Select(v => v.WireValue).ToArray(), StringComparer.Ordinal);
            var types = new Types(enums, area.RequestClasses.ToDictionary(c => c.Name, StringComparer.Ordinal));
            // Redirect operations send nothing: the tool has no call to make for them.
            OperationInfo[] operations = area.Operations.Where(op => !op.IsRedirect).Select(op => Operation(descriptor, op, types)).ToArray();
            return new AreaEntry(info.Name, operations, descriptor.DefaultServer);
        }

        private static OperationInfo Operation(AreaDescriptor area, OperationModel op, Types types)
        {
            // Wire order, as generated code lists it: merchant id and constants, the caller's values, salt, signature.
            var fields = new List<RequestField>();
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.MerchantId).Select(f => RequestField.Filled(f.WireName, FieldRole.MerchantId)));
            fields.AddRange(op.Constants.Select(c => RequestField.Constant(c.WireName, c.Value)));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.None).Select(f => Field(f, types)));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.Salt).Select(f => RequestField.Filled(f.WireName, FieldRole.Salt)));
            fields.AddRange(op.Request.Where(f => f.Fill == FillKind.Signature).Select(f => RequestField.Filled(f.WireName, FieldRole.Signature)));
            FieldGroup[] groups = op.Groups
                .Select(g => g.Kind == Generator.Model.FieldGroupKind.OneOf ? FieldGroup.OneOf(g.Fields.ToArray()) : FieldGroup.RequiredUnless(g.Fields[0], g.Fields.Skip(1).ToArray()))
                .ToArray();
            var table = new RequestFieldTable(op.Name + "Request", groups, fields.ToArray());

            var descriptor = new OperationDescriptor(
                area,
                op.Name,
                op.HttpMethod,
                op.Path,
                op.ScriptName,
                table,
                safeToRetry: op.SafeToRetry,
                timeoutSeconds: op.TimeoutMilliseconds / 1000.0,
                signedResponse: op.Response.Signed,
                reply: op.Response.Elements.Select(e => Element(e, types.Enums)).ToArray());
            return OperationInfo.Create(descriptor, op.Summary, text => new TextRequest(table, text), raw => new TextResponse(raw));
        }

        /// <summary>The area's enums (wire values by name) and request classes (lists' items, nested objects).</summary>
        private sealed record Types(Dictionary<string, IReadOnlyList<string>> Enums, Dictionary<string, RequestClassModel> Classes);

        /// <summary>A list's item class or a nested object as a table of its own (the spec nests at most 3 levels).</summary>
        private static RequestFieldTable Table(string className, Types types) =>
            new RequestFieldTable(className, types.Classes[className].Fields.Select(f => Field(f, types)).ToArray());

        private static RequestField Field(RequestFieldModel f, Types types)
        {
            Dictionary<string, IReadOnlyList<string>> enums = types.Enums;
            FieldRole role = f.PaymentId ? FieldRole.PaymentId : FieldRole.Value;
            FieldSensitivity sensitivity = Sensitivity(f.Sensitive);
            ConstraintModel c = f.Constraints;
            return f.Type switch
            {
                FieldType.Integer => RequestField.Integer(f.WireName, f.CsName, f.Required, sensitivity, role, Number(c.Min) is { } min ? (long)min : null, Number(c.Max) is { } max ? (long)max : null, f.Description),
                FieldType.Decimal => RequestField.Decimal(f.WireName, f.CsName, f.Required, sensitivity, role, Number(c.Min), Number(c.Max), f.Description, c.Scale),
                FieldType.Boolean => RequestField.Boolean(f.WireName, f.CsName, f.Required, sensitivity, f.Description),
                FieldType.Enum => RequestField.Enum(f.WireName, f.CsName, enums[f.EnumType!], f.Required, sensitivity, f.Description),
                FieldType.DateTime => RequestField.DateTime(f.WireName, f.CsName, f.Format!, f.Required, sensitivity, f.Description),
                FieldType.DateTimeOffset => RequestField.DateTimeOffset(f.WireName, f.CsName, f.Format!, f.Required, sensitivity, f.Description),
                FieldType.List => RequestField.List(f.WireName, f.CsName, Table(f.ClassName!, types), f.Required, f.MaxItems, f.Description),
                FieldType.Object => RequestField.Object(f.WireName, f.CsName, Table(f.ClassName!, types), f.Required, f.Description),
                _ => RequestField.Text(f.WireName, f.CsName, f.Required, sensitivity, role, c.MinLength, c.MaxLength, c.Pattern, f.Description),
            };
        }

        private static ReplyElement Element(ResponseElementModel e, Dictionary<string, IReadOnlyList<string>> enums)
        {
            FieldSensitivity sensitivity = Sensitivity(e.Sensitive);
            switch (e.Type)
            {
                case FieldType.Object:
                    return ReplyElement.Object(e.WireName, e.Children.Select(child => Element(child, enums)).ToArray(), e.Required, e.Repeated, sensitivity);
                case FieldType.List:
                    ReplyElement item = e.ItemType == FieldType.Object
                        ? ReplyElement.Object(e.ItemElement!, e.Children.Select(child => Element(child, enums)).ToArray())
                        : Scalar(e.ItemElement!, e.ItemType, e.EnumType, e.Format, required: false, repeated: false, FieldSensitivity.None, paymentId: false, example: null, enums);
                    return ReplyElement.List(e.WireName, item, e.Required, sensitivity);
                default:
                    return Scalar(e.WireName, e.Type, e.EnumType, e.Format, e.Required, e.Repeated, sensitivity, e.PaymentId, e.Example, enums);
            }
        }

        private static ReplyElement Scalar(string name, FieldType type, string? enumType, string? format, bool required, bool repeated, FieldSensitivity sensitivity, bool paymentId, string? example, Dictionary<string, IReadOnlyList<string>> enums) => type switch
        {
            FieldType.Integer => ReplyElement.Integer(name, required, repeated, sensitivity, paymentId, example),
            FieldType.Decimal => ReplyElement.Decimal(name, required, repeated, sensitivity, example),
            FieldType.Boolean => ReplyElement.Boolean(name, required, repeated, sensitivity, example),
            FieldType.Enum => ReplyElement.Enum(name, enums[enumType!], required, repeated, sensitivity, example),
            FieldType.DateTime => ReplyElement.DateTime(name, format!, required, repeated, sensitivity, example),
            FieldType.DateTimeOffset => ReplyElement.DateTimeOffset(name, format!, required, repeated, sensitivity, example),
            _ => ReplyElement.Text(name, required, repeated, sensitivity, paymentId, example),
        };

        private static FieldSensitivity Sensitivity(Generator.Model.Sensitivity sensitivity) => sensitivity switch
        {
            Generator.Model.Sensitivity.Hidden => FieldSensitivity.Hidden,
            Generator.Model.Sensitivity.Partial => FieldSensitivity.Partial,
            _ => FieldSensitivity.None,
        };

        /// <summary>The binder keeps bounds as invariant text.</summary>
        private static decimal? Number(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
