using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Runtime;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Text values for every caller field of an operation, valid by its rules, built from the field table. A field with a
/// pattern needs a sample here: a new one fails loudly instead of sending a value the spec refuses. Of a one-of group
/// only the first field is given.
/// </summary>
internal static class SampleValues
{
    private static readonly Dictionary<string, string> Patterned = new(StringComparer.Ordinal)
    {
        ["pg_currency"] = "KZT",
        ["pg_user_id"] = "user-1",
        ["pg_user_phone"] = "77017777777",
        ["pg_abonent_phone"] = "77017777777",
        ["pg_recipient_iban"] = "KZ86125KZT5004100100",
        ["pg_recipient_iin"] = "761223455678",
        ["pg_recipient_kbe"] = "19",
        ["pg_knp"] = "119",
        ["pg_approval_code"] = "111111",
        ["pg_phone"] = "77011234567",
        ["phone"] = "77011234567",
        ["pg_card_cvc"] = "653",
        ["pg_card_month"] = "09",
        ["pg_card_year"] = "49",
        ["pg_eci_indicator"] = "05",
        ["pg_currency_from"] = "KZT",
        ["pg_currency_to"] = "USD",
        ["pg_sender_country"] = "KAZ",
        ["currency"] = "KZT",
        ["currency_from"] = "USD",
        ["currency_to"] = "KZT",
        ["cvc"] = "653",
        ["eci_indicator"] = "05",
    };

    /// <summary>A test card number with a valid Luhn check digit (the docs' example card), for fields with <c>check: luhn</c>.</summary>
    public const string CardNumber = "4405645000006150";

    public static Dictionary<string, string> For(OperationInfo operation, Func<RequestField, bool>? include = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        // Of each one-of group only the first field: exactly one may be given.
        var others = new HashSet<string>(operation.Fields.Groups.Where(g => g.Kind == FieldGroupKind.OneOf).SelectMany(g => g.Fields.Skip(1)));
        foreach (RequestField field in operation.Fields.CallerFields)
        {
            if ((include is null || include(field)) && !others.Contains(field.WireName))
            {
                Add(values, field.WireName, field);
            }
        }

        return values;
    }

    /// <summary>A value, or for a list two items (<c>wire[0][name]</c>, <c>wire[1][name]</c>) and for an object its fields.</summary>
    private static void Add(Dictionary<string, string> values, string name, RequestField field)
    {
        if (field.Kind is FieldKind.List or FieldKind.Object)
        {
            string[] prefixes = field.Kind == FieldKind.List ? [name + "[0]", name + "[1]"] : [name];
            foreach (string prefix in prefixes)
            {
                foreach (RequestField inner in field.Items!.CallerFields)
                {
                    Add(values, prefix + "[" + inner.WireName + "]", inner);
                }
            }

            return;
        }

        values[name] = Value(field);
    }

    private static string Value(RequestField field) => field.Kind switch
    {
        FieldKind.Integer => ((long)(field.Min ?? 1)).ToString(CultureInfo.InvariantCulture),
        FieldKind.Decimal => (field.Min ?? 10m).ToString(CultureInfo.InvariantCulture),
        FieldKind.Boolean => "1",
        FieldKind.Enum => field.AllowedValues[0],
        FieldKind.DateTime => new DateTime(2026, 11, 25, 12, 30, 0).ToString(field.Format, CultureInfo.InvariantCulture),
        FieldKind.DateTimeOffset => new DateTimeOffset(2026, 11, 25, 12, 30, 0, TimeSpan.FromHours(5)).ToString(field.Format, CultureInfo.InvariantCulture),
        _ when field.Check == FieldCheck.Luhn => CardNumber,
        _ when field.Pattern is not null => Patterned.TryGetValue(field.WireName, out string? sample)
            ? sample
            : throw new InvalidOperationException($"Add a sample for {field.WireName} (pattern {field.Pattern}) to SampleValues."),
        _ => Fit("Sample " + field.MemberName, field.MaxLength),
    };

    /// <summary>The text cut to the field's length limit (a BIC is 8 to 11 characters).</summary>
    private static string Fit(string text, int? maxLength) => maxLength is { } max && text.Length > max ? text.Substring(0, max) : text;
}
