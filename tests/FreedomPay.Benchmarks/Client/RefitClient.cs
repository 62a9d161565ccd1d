using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using System.Xml.Serialization;
using Refit;

namespace FreedomPay.Benchmarks.Client;

/// <summary>
/// The Mobile balance API as a Refit user would declare it: multipart bodies (Refit takes text parts, so numbers are
/// passed as strings), XML replies.
/// </summary>
public interface IMobileBalanceApi
{
    [Multipart]
    [Post("/mfs/pay")]
    Task<GatewayReply> Pay([AliasAs("pg_merchant_id")] string merchantId, [AliasAs("pg_payment_id")] string paymentId, [AliasAs("pg_abonent_phone")] string abonentPhone);

    [Multipart]
    [Post("/get_status3.php")]
    Task<GatewayReply> Status([AliasAs("pg_merchant_id")] string merchantId, [AliasAs("pg_payment_id")] string paymentId);
}

/// <summary>The reply, for XmlSerializer.</summary>
[XmlRoot("response")]
public sealed class GatewayReply
{
    [XmlElement("pg_status")]
    public string? Status { get; set; }

    [XmlElement("pg_payment_id")]
    public long PaymentId { get; set; }

    [XmlElement("pg_payment_status")]
    public string? PaymentStatus { get; set; }
}

/// <summary>An XmlSerializer-based Refit content serializer (Refit.Xml's approach; that package is not served here).</summary>
internal sealed class XmlContentSerializer : IHttpContentSerializer
{
    public HttpContent ToHttpContent<T>(T item) => throw new NotSupportedException("requests are multipart");

    public async Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default)
    {
        await using Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return (T?)new XmlSerializer(typeof(T)).Deserialize(stream);
    }

    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => propertyInfo.Name;
}

/// <summary>
/// What a Refit user adds for FreedomPay: a handler that appends pg_salt and pg_sig to the multipart body and
/// verifies the reply's signature before Refit deserializes it.
/// </summary>
internal sealed class SigningHandler(HttpMessageHandler inner, string secret) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string script = request.RequestUri!.AbsolutePath.Split('/').Last();
        var body = (MultipartFormDataContent)request.Content!;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (HttpContent part in body)
        {
            fields.Add(new(part.Headers.ContentDisposition!.Name!.Trim('"'), await part.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)));
        }

        string salt = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);
        fields.Add(new("pg_salt", salt));
        body.Add(new StringContent(salt), "pg_salt");
        body.Add(new StringContent(Sign(script, fields, secret)), "pg_sig");

        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string xml = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        XElement root = XDocument.Parse(xml).Root!;
        var reply = root.Elements().Where(e => e.Name.LocalName != "pg_sig").Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value)).ToList();
        if (Sign(script, reply, secret) != root.Element("pg_sig")?.Value)
        {
            throw new InvalidOperationException("bad signature");
        }

        return response;
    }

    private static string Sign(string script, List<KeyValuePair<string, string>> fields, string secret)
    {
        IEnumerable<string> values = fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value);
        string text = string.Join(";", new[] { script }.Concat(values).Append(secret));
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
