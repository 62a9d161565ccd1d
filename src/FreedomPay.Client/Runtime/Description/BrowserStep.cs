using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// A page the buyer's browser must visit before a payment can go on, as a reply names it (the spec's
    /// <c>browser-step</c>; 3-D Secure: the issuer's page, its address and the values to post there). Generated
    /// replies turn it into a <see cref="FreedomPayRedirect"/> with the merchant's return address.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class BrowserStep
    {
        /// <summary>Describes a step (called by generated code).</summary>
        /// <param name="name">The generated method's name, e.g. <c>IssuerPage</c>.</param>
        /// <param name="when">The boolean element that says the step is needed, e.g. <c>pg_3ds</c>.</param>
        /// <param name="url">The element that holds the page's address, e.g. <c>pg_3d_acsurl</c>.</param>
        /// <param name="method">POST or GET.</param>
        /// <param name="fields">Pairs of form field name and the element that gives its value: <c>"PaReq", "pg_3d_pareq", ...</c>.</param>
        /// <param name="returnField">The form field that carries the merchant's return address, e.g. <c>TermUrl</c>; null when the page takes none.</param>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public BrowserStep(string name, string when, string url, string method, string[] fields, string? returnField = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            When = when ?? throw new ArgumentNullException(nameof(when));
            Url = url ?? throw new ArgumentNullException(nameof(url));
            Method = method is "POST" or "GET" ? method : throw new ArgumentOutOfRangeException(nameof(method), method, "A browser step is POST or GET.");
            if (fields is null || fields.Length % 2 != 0)
            {
                throw new ArgumentException("Fields come in pairs: form field name, element name.", nameof(fields));
            }

            var pairs = new KeyValuePair<string, string>[fields.Length / 2];
            for (int i = 0; i < pairs.Length; i++)
            {
                pairs[i] = new KeyValuePair<string, string>(fields[2 * i], fields[(2 * i) + 1]);
            }

            Fields = pairs;
            ReturnField = returnField;
        }

        /// <summary>The generated method's name.</summary>
        public string Name { get; }

        /// <summary>The boolean element that says the step is needed.</summary>
        public string When { get; }

        /// <summary>The element that holds the page's address.</summary>
        public string Url { get; }

        /// <summary>POST or GET.</summary>
        public string Method { get; }

        /// <summary>Form field name -> the element that gives its value, in the spec's order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        /// <summary>The form field that carries the merchant's return address; null when the page takes none.</summary>
        public string? ReturnField { get; }

        /// <summary>
        /// Where to send the buyer's browser, or null when <paramref name="reply"/> does not ask for the step. The
        /// address must be an absolute http(s) address (a reply that names another is a
        /// <see cref="FreedomPayProtocolException"/>); elements the reply leaves out are left out of the form.
        /// </summary>
        /// <param name="reply">The reply's root element (a verified reply: the generated method passes its own).</param>
        /// <param name="returnUrl">The merchant's page the step comes back to; required when the step has a return field.</param>
        public FreedomPayRedirect? RedirectFor(PgElement reply, Uri? returnUrl)
        {
            if (reply is null)
            {
                throw new ArgumentNullException(nameof(reply));
            }

            if (reply.GetBoolean(When) != true)
            {
                return null;
            }

            string? address = reply.GetString(Url);
            if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? page) || (page.Scheme != Uri.UriSchemeHttps && page.Scheme != Uri.UriSchemeHttp))
            {
                throw new FreedomPayProtocolException($"The reply asks for a browser step ({When} is set) but its {Url} is not an absolute http(s) address.");
            }

            var form = new List<KeyValuePair<string, string>>(Fields.Count + 1);
            foreach (KeyValuePair<string, string> field in Fields)
            {
                if (reply.GetString(field.Value) is { } value)
                {
                    form.Add(new KeyValuePair<string, string>(field.Key, value));
                }
            }

            if (ReturnField is not null)
            {
                if (returnUrl is null || !returnUrl.IsAbsoluteUri)
                {
                    throw new ArgumentException($"The browser step posts the merchant's return address as {ReturnField}: give an absolute address.", nameof(returnUrl));
                }

                form.Add(new KeyValuePair<string, string>(ReturnField, returnUrl.AbsoluteUri));
            }

            return FreedomPayRedirect.ToPage(Method, page, form);
        }

        /// <inheritdoc/>
        public override string ToString() => $"{Name}: {Method} {Url} when {When}";
    }
}
