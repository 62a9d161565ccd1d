using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Benchmarks.Client;

/// <summary>
/// An in-memory gateway: answers every request with the same signed reply, without touching the request body
/// (each client under test serializes its request before sending, so that work is still measured).
/// </summary>
internal sealed class CannedGateway : HttpMessageHandler
{
    public const string MerchantId = "54321";
    public const string Secret = "benchmark-secret";

    private readonly byte[] _reply;

    public CannedGateway(string script, params (string Name, string Value)[] elements) => _reply = SignedReply(script, elements);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_reply);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }

    private static byte[] SignedReply(string script, (string Name, string Value)[] elements)
    {
        var fields = new System.Collections.Generic.List<System.Collections.Generic.KeyValuePair<string, string>>();
        foreach (var (name, value) in elements)
        {
            fields.Add(new(name, value));
        }

        fields.Add(new("pg_salt", "Xy12abcd"));
        var xml = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><response>");
        foreach (var (name, value) in fields)
        {
            xml.Append('<').Append(name).Append('>').Append(value).Append("</").Append(name).Append('>');
        }

        xml.Append("<pg_sig>").Append(PgSignature.Compute(script, fields, Secret)).Append("</pg_sig></response>");
        return System.Text.Encoding.UTF8.GetBytes(xml.ToString());
    }
}
