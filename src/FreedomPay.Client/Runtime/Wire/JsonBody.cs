using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The body of a request of a JSON area (<c>encoding: json</c>): one object with the merchant id and constants
    /// first, then the caller's values in the spec's order; numbers and booleans as JSON types, enums as their wire
    /// values, date-times in the field's format, lists as arrays of objects, nested objects as objects. Absent values
    /// are left out. No reflection: the request's visitor writes each value.
    /// </summary>
    internal static class JsonBody
    {
        /// <summary>
        /// How request JSON is written: text as UTF-8 with only what JSON requires escaped (quotes, backslashes,
        /// control characters), not the HTML-safe default that sends Cyrillic as \uXXXX and '+' (in every time
        /// offset) as \u002B. Bodies go over HTTP, never into a page, and what is signed is exactly what is sent.
        /// </summary>
        public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        /// <summary>The body's bytes (a segment of the writer's buffer: not copied again).</summary>
        /// <param name="operation">The operation called.</param>
        /// <param name="request">The caller's request.</param>
        /// <param name="merchantId">The merchant id the options give.</param>
        /// <param name="requestId">The call's request id, when the operation sends one.</param>
        /// <param name="signed">
        /// For an area signed with <c>auth: pg-sig</c>: the same values as form fields, with the salt and the
        /// signature made over them. The body then carries both, and writes each value as the text that was signed:
        /// decimals as strings (a JSON number 150.50 reaches the gateway's decoder as 150.5), flags as 1 and 0.
        /// </param>
        public static ArraySegment<byte> Write<TRequest>(OperationDescriptor operation, TRequest request, string merchantId, string? requestId, FormFieldList? signed = null)
            where TRequest : FreedomPayRequest
        {
            using var stream = new MemoryStream(256);
            using (var json = new Utf8JsonWriter(stream, WriterOptions))
            {
                json.WriteStartObject();
                RequestFieldTable table = operation.Fields;
                for (int i = 0; i < table.Count; i++)
                {
                    RequestField field = table[i];
                    if (field.Role == FieldRole.MerchantId)
                    {
                        json.WriteString(field.WireName, merchantId);
                    }
                    else if (field.Role == FieldRole.RequestId)
                    {
                        json.WriteString(field.WireName, requestId);
                    }
                    else if (field.Role == FieldRole.Constant)
                    {
                        json.WriteString(field.WireName, field.ConstantValue);
                    }
                }

                var writer = new JsonFieldWriter(table, json, asSigned: signed is not null);
                request.Visit(ref writer);
                if (signed is not null)
                {
                    WriteFilled(json, signed, table.SaltField);
                    WriteFilled(json, signed, table.SignatureField);
                }

                json.WriteEndObject();
            }

            return new ArraySegment<byte>(stream.GetBuffer(), 0, (int)stream.Length);
        }

        /// <summary>The salt or the signature the signed form fields hold (last, after every value they sign).</summary>
        private static void WriteFilled(Utf8JsonWriter json, FormFieldList signed, string? name)
        {
            if (name is null)
            {
                return;
            }

            for (int i = signed.Count - 1; i >= 0; i--)
            {
                if (signed[i].Key == name)
                {
                    json.WriteString(name, signed[i].Value);
                    return;
                }
            }
        }

        /// <summary>Writes one object's caller values; items and nested objects get a writer of their own table.</summary>
        /// <remarks><paramref name="asSigned"/>: decimals and flags as the text a pg_sig signs (see <see cref="Write"/>).</remarks>
        private readonly struct JsonFieldWriter(RequestFieldTable table, Utf8JsonWriter json, bool asSigned) : IFieldVisitor
        {
            public void Text(int field, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    json.WriteString(table[field].WireName, value);
                }
            }

            public void Integer(int field, long? value)
            {
                if (value is { } number)
                {
                    json.WriteNumber(table[field].WireName, number);
                }
            }

            public void Decimal(int field, decimal? value)
            {
                if (value is { } number)
                {
                    if (asSigned)
                    {
                        json.WriteString(table[field].WireName, number.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        json.WriteNumber(table[field].WireName, number);
                    }
                }
            }

            public void Boolean(int field, bool? value)
            {
                if (value is { } flag)
                {
                    if (asSigned)
                    {
                        json.WriteNumber(table[field].WireName, flag ? 1 : 0);
                    }
                    else
                    {
                        json.WriteBoolean(table[field].WireName, flag);
                    }
                }
            }

            public void DateTime(int field, DateTime? value)
            {
                if (value is { } time)
                {
                    json.WriteString(table[field].WireName, time.ToString(table[field].Format!, CultureInfo.InvariantCulture));
                }
            }

            public void DateTimeOffset(int field, DateTimeOffset? value)
            {
                if (value is { } time)
                {
                    json.WriteString(table[field].WireName, time.ToString(table[field].Format!, CultureInfo.InvariantCulture));
                }
            }

            public void Extra(IReadOnlyDictionary<string, string>? values)
            {
                if (values is not null)
                {
                    foreach (KeyValuePair<string, string> pair in values)
                    {
                        json.WriteString(pair.Key, pair.Value);
                    }
                }
            }

            public void Enum(int field, int? value)
            {
                if (value is { } number)
                {
                    json.WriteString(table[field].WireName, WireEnum.Value(table[field].AllowedValues, number));
                }
            }

            public void List(int field, IReadOnlyList<FreedomPayRequestPart?>? items)
            {
                if (items is null)
                {
                    return;
                }

                json.WriteStartArray(table[field].WireName);
                foreach (FreedomPayRequestPart? item in items)
                {
                    WriteObject(item!);
                }

                json.WriteEndArray();
            }

            public void Object(int field, FreedomPayRequestPart? value)
            {
                if (value is not null)
                {
                    json.WritePropertyName(table[field].WireName);
                    WriteObject(value);
                }
            }

            /// <summary>The caller's own object graph, as deep as the spec's classes nest: not input from the network.</summary>
            private void WriteObject(FreedomPayRequestPart part)
            {
                json.WriteStartObject();
                var writer = new JsonFieldWriter(part.RuntimeFields, json, asSigned);
                part.Visit(ref writer);
                json.WriteEndObject();
            }
        }
    }
}
