using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Emulation
{
    /// <summary>
    /// Checks a request's text fields by the spec's rules, as the gateway would: the sandbox's own reading of the field
    /// table, not the client's validation (a client that skipped its checks is caught here). The first broken rule is
    /// a <see cref="GatewayError"/> naming the field. Fields the table does not list are passed through.
    /// </summary>
    internal static class FieldRules
    {
        public static void Check(RequestFieldTable table, GatewayRequest request)
        {
            foreach (RequestField field in table.All)
            {
                if (field.Role is FieldRole.MerchantId or FieldRole.Salt or FieldRole.Signature)
                {
                    continue; // checked before the signature
                }

                string? value = request.Optional(field.WireName);
                if (value is null)
                {
                    if (field.Required || field.Role == FieldRole.Constant)
                    {
                        throw Invalid(field, "is required");
                    }

                    continue;
                }

                if (Problem(field, value) is { } problem)
                {
                    throw Invalid(field, problem);
                }
            }

            foreach (FieldGroup group in table.Groups)
            {
                CheckGroup(group, request);
            }
        }

        /// <summary>A one-of group with not exactly one field given, or a field required unless others are given.</summary>
        private static void CheckGroup(FieldGroup group, GatewayRequest request)
        {
            if (group.Kind == FieldGroupKind.OneOf)
            {
                int given = group.Fields.Count(name => request.Optional(name) is not null);
                if (given != 1)
                {
                    throw new GatewayError(SandboxErrorCodes.InvalidField, $"Fields {string.Join(", ", group.Fields)}: exactly one must be given, but {(given == 0 ? "none was" : given + " were")}.");
                }
            }
            else if (request.Optional(group.Fields[0]) is null && group.Fields.Skip(1).All(name => request.Optional(name) is null))
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {group.Fields[0]} is required unless {string.Join(" or ", group.Fields.Skip(1))} is given.");
            }
        }

        /// <summary>What is wrong with a value, or null when it keeps every rule.</summary>
        private static string? Problem(RequestField field, string value)
        {
            if (field.Role == FieldRole.Constant)
            {
                return value == field.ConstantValue ? null : $"must be '{field.ConstantValue}'";
            }

            switch (field.Kind)
            {
                case FieldKind.Integer:
                    return WireValues.TryInteger(value, out long whole) ? Range(field, whole) : "must be a whole number";
                case FieldKind.Decimal:
                    return !WireValues.TryDecimal(value, out decimal number) ? "must be a number with '.' as the separator"
                        : field.Scale is { } scale && decimal.Round(number, scale) != number ? $"must have at most {scale} decimal places"
                        : Range(field, number);
                case FieldKind.Boolean:
                    return WireValues.IsFlag(value) ? null : "must be 1 or 0";
                case FieldKind.Enum:
                    return WireText.IsOneOf(value, field.AllowedValues) ? null : "must be one of: " + string.Join(", ", field.AllowedValues);
                case FieldKind.DateTime:
                    return WireValues.IsDateTime(value, field.Format) ? null : $"must be a date-time in the format {field.Format}";
                case FieldKind.DateTimeOffset:
                    return WireValues.IsDateTimeOffset(value, field.Format) ? null : $"must be a date-time with offset in the format {field.Format}";
                default:
                    if (field.MinLength is { } min && value.Length < min)
                    {
                        return $"must be at least {min} characters long";
                    }

                    if (field.MaxLength is { } max && value.Length > max)
                    {
                        return $"must be at most {max} characters long";
                    }

                    return field.PatternRegex is { } pattern && !Matches(pattern, value) ? $"must match {field.Pattern}" : null;
            }
        }

        /// <summary>A value that keeps a spec's pattern busy past its time limit is refused, never a 500.</summary>
        private static bool Matches(Regex pattern, string value)
        {
            try
            {
                return pattern.IsMatch(value);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        private static string? Range(RequestField field, decimal value) =>
            field.Min is { } min && value < min ? $"must be at least {min.ToString(CultureInfo.InvariantCulture)}"
            : field.Max is { } max && value > max ? $"must be at most {max.ToString(CultureInfo.InvariantCulture)}"
            : null;

        private static GatewayError Invalid(RequestField field, string problem) =>
            new GatewayError(SandboxErrorCodes.InvalidField, $"Field {field.WireName} {problem}.");
    }
}
