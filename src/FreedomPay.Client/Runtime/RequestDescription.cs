using System;
using System.Globalization;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A request as <c>ToString()</c> shows it: <c>PayRequest { pg_payment_id = 42, pg_abonent_phone = 7707*****77 }</c>,
    /// set values only, sensitive ones masked as the spec says.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static class RequestDescription
    {
        /// <summary>Describes a request (generated <c>ToString()</c> calls this).</summary>
        public static string Of<TRequest>(TRequest request)
            where TRequest : IFreedomPayRequest
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var describer = new Describer(request.Fields, new StringBuilder(request.Fields.RequestName).Append(" {"));
            request.Accept(ref describer);
            return describer.Finish();
        }

        private struct Describer : IFieldVisitor
        {
            private readonly RequestFieldTable _table;
            private readonly StringBuilder _text;
            private int _shown;

            public Describer(RequestFieldTable table, StringBuilder text)
            {
                _table = table;
                _text = text;
                _shown = 0;
            }

            public readonly string Finish() => _text.Append(_shown == 0 ? "}" : " }").ToString();

            public void Text(int field, string? value) => Add(field, value);

            public void Integer(int field, long? value) => Add(field, value?.ToString(CultureInfo.InvariantCulture));

            public void Decimal(int field, decimal? value) => Add(field, value?.ToString(CultureInfo.InvariantCulture));

            public void Boolean(int field, bool? value) => Add(field, value.HasValue ? (value.Value ? "1" : "0") : null);

            public void DateTime(int field, DateTime? value) => Add(field, value?.ToString(_table[field].Format, CultureInfo.InvariantCulture));

            public void Enum(int field, int? value)
            {
                if (value is { } number)
                {
                    var allowed = _table[field].AllowedValues;
                    Add(field, number >= 1 && number <= allowed.Count ? allowed[number - 1] : "(undefined " + number.ToString(CultureInfo.InvariantCulture) + ")");
                }
            }

            private void Add(int field, string? value)
            {
                if (value is null)
                {
                    return;
                }

                RequestField f = _table[field];
                _text.Append(_shown++ == 0 ? " " : ", ").Append(f.WireName).Append(" = ").Append(Redaction.Apply(f.Sensitivity, value));
            }
        }
    }
}
