using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Encodes form fields as one byte array (so the length is known and the body can be sent in one write):
    /// multipart/form-data with one part per field in order, or application/x-www-form-urlencoded. UTF-8 throughout.
    /// </summary>
    internal static class FormBody
    {
        private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };

        public static HttpContent Create(IReadOnlyList<KeyValuePair<string, string>> fields, RequestEncoding encoding) =>
            encoding == RequestEncoding.UrlEncoded ? UrlEncoded(fields) : Multipart(fields, NewBoundary(fields));

        public static string UrlEncodedText(IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            var text = new StringBuilder(256);
            for (int i = 0; i < fields.Count; i++)
            {
                if (i > 0)
                {
                    text.Append('&');
                }

                text.Append(Uri.EscapeDataString(fields[i].Key)).Append('=').Append(Uri.EscapeDataString(fields[i].Value));
            }

            return text.ToString();
        }

        internal static HttpContent Multipart(IReadOnlyList<KeyValuePair<string, string>> fields, string boundary)
        {
            // --boundary CRLF Content-Disposition: form-data; name="n" CRLF CRLF value CRLF ... --boundary-- CRLF
            Encoding utf8 = Encoding.UTF8;
            int length = 0;
            for (int i = 0; i < fields.Count; i++)
            {
                length += 2 + boundary.Length + 2 + PartHeaderLength(fields[i].Key) + 2 + 2 + utf8.GetByteCount(fields[i].Value) + 2;
            }

            length += 2 + boundary.Length + 2 + 2;
            var body = new byte[length];
            int at = 0;
            for (int i = 0; i < fields.Count; i++)
            {
                at = WriteAscii(body, at, "--");
                at = WriteAscii(body, at, boundary);
                at = Write(body, at, CrLf);
                at = WriteAscii(body, at, "Content-Disposition: form-data; name=\"");
                at = WriteAscii(body, at, fields[i].Key);
                at = WriteAscii(body, at, "\"");
                at = Write(body, at, CrLf);
                at = Write(body, at, CrLf);
                at += utf8.GetBytes(fields[i].Value, 0, fields[i].Value.Length, body, at);
                at = Write(body, at, CrLf);
            }

            at = WriteAscii(body, at, "--");
            at = WriteAscii(body, at, boundary);
            at = WriteAscii(body, at, "--");
            Write(body, at, CrLf);

            var content = new ByteArrayContent(body);
            var type = new MediaTypeHeaderValue("multipart/form-data");
            type.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
            content.Headers.ContentType = type;
            return content;
        }

        private static HttpContent UrlEncoded(IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(UrlEncodedText(fields)));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return content;
        }

        /// <summary>A random boundary that occurs in no value (checked, not assumed).</summary>
        private static string NewBoundary(IReadOnlyList<KeyValuePair<string, string>> fields)
        {
            while (true)
            {
                string boundary = "FreedomPay-" + RandomText.Create(24);
                bool clash = false;
                for (int i = 0; i < fields.Count && !clash; i++)
                {
                    clash = fields[i].Value.IndexOf(boundary, StringComparison.Ordinal) >= 0;
                }

                if (!clash)
                {
                    return boundary;
                }
            }
        }

        private static int PartHeaderLength(string name) => "Content-Disposition: form-data; name=\"".Length + name.Length + 1;

        private static int WriteAscii(byte[] target, int at, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                target[at + i] = (byte)text[i];
            }

            return at + text.Length;
        }

        private static int Write(byte[] target, int at, byte[] bytes)
        {
            Buffer.BlockCopy(bytes, 0, target, at, bytes.Length);
            return at + bytes.Length;
        }
    }
}
