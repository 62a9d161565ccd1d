using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A request as <c>ToString()</c> shows it: <c>PayRequest { pg_payment_id = 42, pg_abonent_phone = 7707*****77 }</c>,
    /// set values only, sensitive ones masked as the spec says.
    /// </summary>
    internal static class RequestDescription
    {
        public static string Of(FreedomPayRequestPart request)
        {
            var describer = new Describer(request.RuntimeFields, new StringBuilder(request.RuntimeFields.RequestName).Append(" {"));
            request.Visit(ref describer);
            return describer.Finish();
        }

        private struct Describer : IFieldVisitor
        {
            private readonly RequestFieldTable _table;
            private readonly StringBuilder _text;
            private readonly string? _prefix;
            private int _shown;

            /// <param name="table">The fields described.</param>
            /// <param name="text">Where the description is written.</param>
            /// <param name="prefix">An item's form name (<c>pg_receipt_positions[0]</c>); null at the top.</param>
            /// <param name="shown">How many values are already written (items continue their request's list).</param>
            public Describer(RequestFieldTable table, StringBuilder text, string? prefix = null, int shown = 0)
            {
                _table = table;
                _text = text;
                _prefix = prefix;
                _shown = shown;
            }

            public readonly string Finish() => _text.Append(_shown == 0 ? "}" : " }").ToString();

            /// <summary>Items as their form fields (<c>pg_receipt_positions[0][name] = Pad</c>), masked by their own rules.</summary>
            public void List(int field, IReadOnlyList<FreedomPayRequestPart?>? items)
            {
                if (items is not null)
                {
                    for (int i = 0; i < items.Count; i++)
                    {
                        Nested(items[i], FormNames.Item(Name(field), i));
                    }
                }
            }

            public void Object(int field, FreedomPayRequestPart? value) => Nested(value, Name(field));

            private void Nested(FreedomPayRequestPart? part, string prefix)
            {
                if (part is not null)
                {
                    var nested = new Describer(part.RuntimeFields, _text, prefix, _shown);
                    part.Visit(ref nested);
                    _shown = nested._shown;
                }
            }

            private readonly string Name(int field) => FormNames.Child(_prefix, _table[field].WireName);

            public void Text(int field, string? value) => Add(field, value);

            public void Integer(int field, long? value) => Add(field, value?.ToString(CultureInfo.InvariantCulture));

            public void Decimal(int field, decimal? value) => Add(field, value?.ToString(CultureInfo.InvariantCulture));

            public void Boolean(int field, bool? value) => Add(field, value.HasValue ? (value.Value ? "1" : "0") : null);

            public void DateTime(int field, DateTime? value) => Add(field, value?.ToString(_table[field].Format, CultureInfo.InvariantCulture));

            public void DateTimeOffset(int field, DateTimeOffset? value) => Add(field, value?.ToString(_table[field].Format, CultureInfo.InvariantCulture));

            /// <summary>The merchant's own parameters by name only: the spec says nothing about what their values hold.</summary>
            public void Extra(IReadOnlyDictionary<string, string>? values)
            {
                if (values is { Count: > 0 })
                {
                    _text.Append(_shown++ == 0 ? " " : ", ").Append("extra = [").Append(string.Join(", ", values.Keys)).Append(']');
                }
            }

            public void Enum(int field, int? value)
            {
                if (value is { } number)
                {
                    Add(field, WireEnum.Value(_table[field].AllowedValues, number) ?? "(undefined " + number.ToString(CultureInfo.InvariantCulture) + ")");
                }
            }

            private void Add(int field, string? value)
            {
                if (value is null)
                {
                    return;
                }

                RequestField f = _table[field];
                _text.Append(_shown++ == 0 ? " " : ", ").Append(Name(field)).Append(" = ").Append(Redaction.Apply(f.Sensitivity, value));
            }
        }
    }
}
