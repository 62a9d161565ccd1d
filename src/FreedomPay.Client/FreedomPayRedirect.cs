using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace FreedomPay
{
    /// <summary>
    /// Where to send the buyer's browser for a redirect operation (the spec's <c>kind: redirect</c>, e.g. the checkout
    /// through the browser, <c>payment.php</c>): the signed fields and the address, built by the client without any
    /// call; or for a page a reply names (a <c>browser-step</c>, e.g. the issuer's 3-D Secure page), its address
    /// and the values to post there. For GET, <see cref="Url"/> carries the fields in its query; for POST, post <see cref="Fields"/> to it
    /// (<see cref="ToHtmlForm"/> writes a form that does).
    /// </summary>
    public sealed class FreedomPayRedirect
    {
        internal FreedomPayRedirect(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> fields, bool signed = true)
        {
            Method = method;
            Url = url;
            Fields = fields;
            _signed = signed;
        }

        /// <summary>Whether the fields are the client's signed request (a redirect operation) or a reply's values (a browser step).</summary>
        private readonly bool _signed;

        /// <summary>GET or POST.</summary>
        public string Method { get; }

        /// <summary>The address: with the signed fields as its query for GET; the form's action for POST.</summary>
        public Uri Url { get; }

        /// <summary>
        /// For a redirect operation, the signed fields in the order they were signed (merchant id, values, salt,
        /// signature); for a browser step, the values the reply gave for the page and the merchant's return address.
        /// </summary>
        public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

        /// <summary>
        /// An HTML form that sends the fields to the gateway when submitted (values HTML-encoded; add a script that
        /// submits it, or a button label, as the page needs).
        /// </summary>
        /// <param name="buttonText">The submit button's text.</param>
        public string ToHtmlForm(string buttonText = "Pay")
        {
            string action = Method == "GET" ? Url.GetLeftPart(UriPartial.Path) : Url.AbsoluteUri;
            var html = new StringBuilder("<form method=\"").Append(Method.ToLowerInvariant()).Append("\" action=\"").Append(WebUtility.HtmlEncode(action)).Append("\">");
            foreach (KeyValuePair<string, string> field in Fields)
            {
                html.Append("<input type=\"hidden\" name=\"").Append(WebUtility.HtmlEncode(field.Key))
                    .Append("\" value=\"").Append(WebUtility.HtmlEncode(field.Value)).Append("\">");
            }

            return html.Append("<button type=\"submit\">").Append(WebUtility.HtmlEncode(buttonText)).Append("</button></form>").ToString();
        }

        /// <summary>The method and the address without its query: the fields (a signature among them) are not shown.</summary>
        public override string ToString() => $"{Method} {Url.GetLeftPart(UriPartial.Path)} ({Fields.Count} {(_signed ? "signed " : string.Empty)}fields)";

        /// <summary>A page named by a reply (a browser step): GET puts the fields after the page's own query.</summary>
        internal static FreedomPayRedirect ToPage(string method, Uri page, IReadOnlyList<KeyValuePair<string, string>> fields) =>
            method == "GET" && fields.Count > 0
                ? new FreedomPayRedirect(method, new Uri(page.AbsoluteUri + (page.Query.Length > 0 ? "&" : "?") + Runtime.FormBody.UrlEncodedText(fields)), fields.ToArray(), signed: false)
                : new FreedomPayRedirect(method, page, fields.ToArray(), signed: false);

        internal static FreedomPayRedirect Create(string method, Uri baseAddress, string path, IReadOnlyList<KeyValuePair<string, string>> fields) =>
            method == "GET"
                ? new FreedomPayRedirect(method, new Uri(baseAddress, path + "?" + Runtime.FormBody.UrlEncodedText(fields)), fields.ToArray())
                : new FreedomPayRedirect(method, new Uri(baseAddress, path), fields.ToArray());
    }
}
