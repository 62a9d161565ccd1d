using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using System.Xml;

namespace FreedomPay.Benchmarks.Client;

/// <summary>
/// The floor: what a careful engineer writes by hand for one operation with HttpClient,
/// MultipartFormDataContent, MD5 and XmlReader: sign, encode, send, read, verify, and pick two values out.
/// </summary>
internal sealed class HandWrittenClient(HttpClient http, string merchantId, string secret)
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };

    public async Task<(string Status, long PaymentId)> SendAsync(string path, string script, List<KeyValuePair<string, string>> fields)
    {
        fields.Insert(0, new("pg_merchant_id", merchantId));
        fields.Add(new("pg_salt", RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16)));
        fields.Add(new("pg_sig", Sign(script, fields)));

        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value, Encoding.UTF8), name);
        }

        using HttpResponseMessage response = await http.PostAsync(path, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);

        var reply = new List<KeyValuePair<string, string>>(8);
        string? signature = null;
        using (XmlReader reader = XmlReader.Create(new MemoryStream(body), Settings))
        {
            reader.MoveToContent();
            reader.ReadStartElement();
            while (reader.NodeType == XmlNodeType.Element)
            {
                string name = reader.LocalName;
                string value = reader.ReadElementContentAsString();
                if (name == "pg_sig")
                {
                    signature = value;
                }
                else
                {
                    reply.Add(new(name, value));
                }
            }
        }

        if (signature is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(script, reply)), Encoding.ASCII.GetBytes(signature)))
        {
            throw new InvalidOperationException("bad signature");
        }

        string status = reply.Find(f => f.Key == "pg_status").Value;
        if (status == "error")
        {
            throw new InvalidOperationException("gateway error");
        }

        return (status, long.Parse(reply.Find(f => f.Key == "pg_payment_id").Value, CultureInfo.InvariantCulture));
    }

    private string Sign(string script, List<KeyValuePair<string, string>> fields)
    {
        var sorted = new List<KeyValuePair<string, string>>(fields);
        sorted.RemoveAll(f => f.Key == "pg_sig");
        var stable = new List<(KeyValuePair<string, string> Field, int Index)>(sorted.Count);
        for (int i = 0; i < sorted.Count; i++)
        {
            stable.Add((sorted[i], i));
        }

        stable.Sort((a, b) => string.CompareOrdinal(a.Field.Key, b.Field.Key) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        var text = new StringBuilder(script);
        foreach (var (field, _) in stable)
        {
            text.Append(';').Append(field.Value);
        }

        text.Append(';').Append(secret);
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
