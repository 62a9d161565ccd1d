using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.TestSupport;

/// <summary>
/// An HttpMessageHandler standing in for the gateway: records every request and answers with what the test says,
/// by default a reply signed for the called script (the last path segment) with <see cref="Secret"/>.
/// </summary>
public sealed class FakeGateway : HttpMessageHandler
{
    public const string MerchantId = "12345";
    public const string Secret = "test-secret-key";

    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    /// <summary>Builds the reply to a request. Default: <c>pg_status=ok</c> and the request's pg_payment_id, signed.</summary>
    public Func<CapturedRequest, HttpResponseMessage> Respond { get; set; } = request =>
        Xml(SignedReply(ScriptOf(request), ("pg_status", "ok"), ("pg_payment_id", request.Has("pg_payment_id") ? request["pg_payment_id"] : "1")));

    public IReadOnlyList<CapturedRequest> Requests => _requests.ToArray();

    /// <summary>How long the gateway takes before it answers (honouring the caller's cancellation).</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The only request received; throws when there were none or several.</summary>
    public CapturedRequest Single => _requests.Count == 1
        ? _requests.Single()
        : throw new InvalidOperationException($"expected exactly one request, but the gateway received {_requests.Count}");

    public static string ScriptOf(CapturedRequest request) => request.Uri.AbsolutePath.Split('/').Last();

    /// <summary>XML reply with the elements given, plus pg_salt and a pg_sig computed by <see cref="ReferenceSignature"/>.</summary>
    public static string SignedReply(string script, params (string Name, string Value)[] elements) => SignedReply(script, "response", Secret, elements);

    public static string SignedReply(string script, string root, string secret, params (string Name, string Value)[] elements)
    {
        var all = new List<(string Name, string Value)>(elements) { ("pg_salt", "s4lt" + elements.Length) };
        string signature = ReferenceSignature.Sign(script, all.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)), secret);
        all.Add(("pg_sig", signature));
        return Document(root, all.ToArray());
    }

    /// <summary>An XML document with the elements given, unsigned.</summary>
    public static string Document(string root, params (string Name, string Value)[] elements)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<").Append(root).Append(">\n");
        foreach (var (name, value) in elements)
        {
            xml.Append("  <").Append(name).Append('>').Append(SecurityElement.Escape(value)).Append("</").Append(name).Append(">\n");
        }

        return xml.Append("</").Append(root).Append(">\n").ToString();
    }

    public static HttpResponseMessage Xml(string body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/xml"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CapturedRequest captured = await CapturedRequest.ReadAsync(request);
        _requests.Enqueue(captured);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        return Respond(captured);
    }
}
