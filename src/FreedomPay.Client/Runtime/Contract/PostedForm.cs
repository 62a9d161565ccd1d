using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Reads what a page posted back to the merchant (3-D Secure's MD and PaRes) into a request's fields by their
    /// <see cref="RequestField.PostedAs"/> names, for a generated <c>FromPostedForm</c>. The form comes from the
    /// buyer's browser: it is hostile, so it is read once, at most <see cref="MaxFields"/> entries, names compared
    /// without case (pages write <c>PaRes</c> and <c>pares</c>), the first value of a name kept; values are checked
    /// by the request's own rules (lengths) when it is sent.
    /// </summary>
    internal static class PostedForm
    {
        /// <summary>The most form fields read; a 3-D Secure page posts two or three.</summary>
        public const int MaxFields = 256;

        public static FieldValues Read(RequestFieldTable table, IEnumerable<KeyValuePair<string, string>> form)
        {
            if (form is null)
            {
                throw new ArgumentNullException(nameof(form));
            }

            var wanted = new List<RequestField>();
            foreach (RequestField field in table.CallerFields)
            {
                if (field.PostedAs is not null)
                {
                    wanted.Add(field);
                }
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            int read = 0;
            foreach (KeyValuePair<string, string> pair in form)
            {
                if (++read > MaxFields)
                {
                    throw new FreedomPayValidationException(table.RequestName, new[] { new FieldError("(form)", "form", $"must have at most {MaxFields} fields, as a page's post back does") });
                }

                foreach (RequestField field in wanted)
                {
                    if (string.Equals(pair.Key, field.PostedAs, StringComparison.OrdinalIgnoreCase) && !values.ContainsKey(field.WireName) && pair.Value is not null)
                    {
                        values[field.WireName] = pair.Value;
                    }
                }
            }

            List<FieldError>? missing = null;
            foreach (RequestField field in wanted)
            {
                if (field.Required && (!values.TryGetValue(field.WireName, out string? value) || value.Length == 0))
                {
                    (missing ??= new List<FieldError>()).Add(new FieldError(field.PostedAs!, field.MemberName, $"was not posted back by the page (the request's {field.WireName})"));
                }
            }

            return missing is null ? new FieldValues(table.RequestName, table, values) : throw new FreedomPayValidationException(table.RequestName, missing);
        }
    }
}
