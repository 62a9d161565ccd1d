using System;
using System.Collections.Generic;
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
    /// a <see cref="GatewayError"/> naming the field. Fields the table does not list are passed through. Items of lists
    /// and nested objects are checked by their own tables under their form names (<c>pg_receipt_positions[0][price]</c>).
    /// </summary>
    internal static class FieldRules
    {
        /// <param name="table">The operation's fields.</param>
        /// <param name="request">The request as it arrived.</param>
        /// <param name="now">The sandbox's clock, for card expiry dates.</param>
        public static void Check(RequestFieldTable table, GatewayRequest request, DateTimeOffset now) => Check(table, request, prefix: null, now);

        /// <summary>The fields of a table, at the top or inside an item (<paramref name="prefix"/> <c>pg_receipt_positions[0]</c>).</summary>
        private static void Check(RequestFieldTable table, GatewayRequest request, string? prefix, DateTimeOffset now)
        {
            foreach (RequestField field in table.All)
            {
                if (field.Role is FieldRole.MerchantId or FieldRole.Salt or FieldRole.Signature)
                {
                    continue; // checked before the signature
                }

                string name = FormNames.Child(prefix, field.WireName);
                if (field.Kind == FieldKind.List)
                {
                    CheckList(field, name, request, now);
                    continue;
                }

                if (field.Kind == FieldKind.Object)
                {
                    if (ItemKeys(request, name).Count > 0)
                    {
                        Check(field.Items!, request, name, now);
                    }
                    else if (field.Required)
                    {
                        throw Invalid(name, "is required");
                    }

                    continue;
                }

                string? value = request.Optional(name);
                if (value is null)
                {
                    if (field.Required || field.Role == FieldRole.Constant)
                    {
                        throw Invalid(name, "is required");
                    }

                    continue;
                }

                if (Problem(field, value) is { } problem)
                {
                    throw Invalid(name, problem);
                }
            }

            foreach (FieldGroup group in table.Groups)
            {
                CheckGroup(group, request, prefix, now);
            }
        }

        /// <summary>Items <c>name[0]</c>, <c>name[1]</c>, ... numbered from 0 without gaps, each checked by the item's table.</summary>
        private static void CheckList(RequestField field, string name, GatewayRequest request, DateTimeOffset now)
        {
            List<string> keys = ItemKeys(request, name);
            if (keys.Count == 0)
            {
                if (field.Required)
                {
                    throw Invalid(name, "is required");
                }

                return;
            }

            var indexes = new SortedSet<int>();
            foreach (string key in keys)
            {
                if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= GatewayRequest.MaxFields)
                {
                    throw Invalid(name, "items must be numbered 0, 1, 2, ...");
                }

                indexes.Add(index);
            }

            if (indexes.Max != indexes.Count - 1)
            {
                throw Invalid(name, "items must be numbered 0, 1, 2, ... without gaps");
            }

            if (field.MaxItems is { } max && indexes.Count > max)
            {
                throw Invalid(name, $"must have at most {max} items");
            }

            foreach (int index in indexes)
            {
                Check(field.Items!, request, FormNames.Item(name, index), now);
            }
        }

        /// <summary>The distinct first keys below <paramref name="name"/>: "0", "1" for <c>name[0][x]</c>, <c>name[1][x]</c>.</summary>
        private static List<string> ItemKeys(GatewayRequest request, string name)
        {
            var keys = new List<string>();
            foreach (KeyValuePair<string, string> field in request.Fields)
            {
                if (field.Key.Length > name.Length + 2 && field.Key[name.Length] == '[' && field.Key.StartsWith(name, StringComparison.Ordinal))
                {
                    int close = field.Key.IndexOf(']', name.Length);
                    string key = close < 0 ? field.Key.Substring(name.Length + 1) : field.Key.Substring(name.Length + 1, close - name.Length - 1);
                    if (!keys.Contains(key))
                    {
                        keys.Add(key);
                    }
                }
            }

            return keys;
        }

        /// <summary>A one-of group with not exactly one field given, a field required unless others are given, or a card expiry in the past.</summary>
        private static void CheckGroup(FieldGroup group, GatewayRequest request, string? prefix, DateTimeOffset now)
        {
            string[] names = group.Fields.Select(field => FormNames.Child(prefix, field)).ToArray();
            if (group.Kind == FieldGroupKind.CardExpiry)
            {
                CheckExpiry(names, request, now);
            }
            else if (group.Kind == FieldGroupKind.OneOf)
            {
                int given = names.Count(name => request.Optional(name) is not null || ItemKeys(request, name).Count > 0);
                if (given != 1)
                {
                    throw new GatewayError(SandboxErrorCodes.InvalidField, $"Fields {string.Join(", ", names)}: exactly one must be given, but {(given == 0 ? "none was" : given + " were")}.");
                }
            }
            else if (request.Optional(names[0]) is null && names.Skip(1).All(name => request.Optional(name) is null))
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {names[0]} is required unless {string.Join(" or ", names.Skip(1))} is given.");
            }
        }

        /// <summary>The issuer refuses an expired card: a month before the current one (the card is good through its month).</summary>
        private static void CheckExpiry(string[] names, GatewayRequest request, DateTimeOffset now)
        {
            if (request.Optional(names[0]) is not { } month || request.Optional(names[1]) is not { } year)
            {
                return;
            }

            if (!int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out int m) || m is < 1 or > 12
                || year.Length is not (2 or 4) || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y))
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Fields {names[0]} and {names[1]} are not a card expiry (month 1-12, a year of 2 or 4 digits).");
            }

            int fullYear = year.Length == 2 ? 2000 + y : y;
            if ((fullYear * 12) + m < (now.UtcDateTime.Year * 12) + now.UtcDateTime.Month)
            {
                throw new GatewayError(SandboxErrorCodes.Declined, "The card has expired.");
            }
        }

        /// <summary>The Luhn check digit of an all-digit card number (ISO/IEC 7812), read here independently of the client.</summary>
        private static bool LuhnHolds(string digits)
        {
            int sum = 0;
            for (int i = 0; i < digits.Length; i++)
            {
                int d = digits[digits.Length - 1 - i] - '0';
                sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
            }

            return sum % 10 == 0;
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

                    if (field.Check == FieldCheck.Luhn && (!value.All(char.IsAsciiDigit) || !LuhnHolds(value)))
                    {
                        return "is not a card number: digits only, with a valid check digit";
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

        private static GatewayError Invalid(string name, string problem) =>
            new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} {problem}.");
    }
}
