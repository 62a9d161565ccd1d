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
    /// call. For GET, <see cref="Url"/> carries the fields in its query; for POST, post <see cref="Fields"/> to it
    /// (<see cref="ToHtmlForm"/> writes a form that does).
    /// </summary>
    public sealed class FreedomPayRedirect
    {
        internal FreedomPayRedirect(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            Method = method;
            Url = url;
            Fields = fields;
        }

        /// <summary>GET or POST.</summary>
        public string Method { get; }

        /// <summary>The address: with the signed fields as its query for GET; the form's action for POST.</summary>
        public Uri Url { get; }

        /// <summary>The signed fields, in the order they were signed (merchant id, values, salt, signature).</summary>
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
        public override string ToString() => $"{Method} {Url.GetLeftPart(UriPartial.Path)} ({Fields.Count} signed fields)";

        internal static FreedomPayRedirect Create(string method, Uri baseAddress, string path, IReadOnlyList<KeyValuePair<string, string>> fields) =>
            method == "GET"
                ? new FreedomPayRedirect(method, new Uri(baseAddress, path + "?" + Runtime.FormBody.UrlEncodedText(fields)), fields.ToArray())
                : new FreedomPayRedirect(method, new Uri(baseAddress, path), fields.ToArray());
    }
}
