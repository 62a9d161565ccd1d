using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using FreedomPay.GatewayAsync;
using FreedomPay.Invoice;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Tests.CardApi;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Validly signed hostile JSON (the signature is the merchant's, the body is not to be trusted for that): counted
/// before anything is built per value, names capped, invalid text refused; a JWS check as strict as the gateway's
/// must be (no extension, no unencoded payload, canonical base64url, the query signed); and a fuzz run over every
/// JSON route that never sees a 500. Signatures here are made by hand from RFC 7515, not by the client's code.
/// </summary>
public sealed class JsonHostileTests
{
    private const string InvoiceStatusPath = "/v5/merchant/invoice/status";

    [Fact]
    public async Task A_signed_142_KB_body_of_one_long_name_and_20000_items_is_refused_with_a_json_error()
    {
        await using var f = await SandboxFixture.StartAsync();
        string body = "{\"" + new string('n', 100_000) + "\":[" + string.Join(",", Enumerable.Repeat("1", 20_000)) + "]}";

        (HttpStatusCode status, JsonElement reply) = await PostAsync(f, InvoiceStatusPath, Encoding.UTF8.GetBytes(body), Header(f, InvoiceStatusPath));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("error", "1001"), (reply.GetProperty("status").GetString(), reply.GetProperty("error_code").GetString()));
    }

    public static TheoryData<string, string> HostileShapes() => new()
    {
        { "a long name over many items", "{\"" + new string('n', 20_000) + "\":[" + string.Join(",", Enumerable.Repeat("1", 2_000)) + "]}" },
        { "nulls under a long name", "{\"" + new string('n', 200) + "\":[" + string.Join(",", Enumerable.Repeat("null", 20_000)) + "]}" },
        { "empty objects in a list", "{\"a\":[" + string.Join(",", Enumerable.Repeat("{}", 20_000)) + "]}" },
        { "nested lists under long names", "{\"" + new string('x', 250) + "\":" + string.Concat(Enumerable.Repeat("[", 31)) + string.Join(",", Enumerable.Repeat("1", 5_000)) + new string(']', 31) + "}" },
    };

    [Theory]
    [MemberData(nameof(HostileShapes))]
    public void Reading_a_hostile_body_allocates_in_proportion_to_its_size(string what, string json)
    {
        byte[] body = Encoding.UTF8.GetBytes(json);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Record.Exception(() => JsonGateway.Fields(body));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Linear in the body, plus at most MaxFields names, each at most 32 levels of capped names and indexes.
        long names = GatewayRequest.MaxFields * 32L * (JsonGateway.MaxNameBytes + 16) / 8;
        Assert.True(allocated < (8L * body.Length) + names, $"{what}: {allocated:N0} bytes allocated for a {body.Length:N0}-byte body");
        Assert.True(refused is null or GatewayError, what);
    }

    [Fact]
    public void Values_are_counted_before_they_are_built_nulls_and_containers_included()
    {
        string nulls = "{\"a\":[" + string.Join(",", Enumerable.Repeat("null", GatewayRequest.MaxFields + 1)) + "]}";
        string longName = "{\"" + new string('n', JsonGateway.MaxNameBytes + 1) + "\":1}";

        var tooMany = Assert.Throws<GatewayError>(() => JsonGateway.Fields(Encoding.UTF8.GetBytes(nulls)));
        var tooLong = Assert.Throws<GatewayError>(() => JsonGateway.Fields(Encoding.UTF8.GetBytes(longName)));
        var fields = JsonGateway.Fields(Encoding.UTF8.GetBytes("{\"a\":{\"b\":[1,{\"c\":true}],\"d\":null},\"e\":\"x\"}"));

        Assert.Contains("more than", tooMany.Message);
        Assert.Contains("property name longer than", tooLong.Message);
        Assert.Equal(new[] { "a[b][0]=1", "a[b][1][c]=1", "e=x" }, fields.Select(p => p.Key + "=" + p.Value));
    }

    [Fact]
    public async Task Invalid_text_in_a_signed_body_or_in_the_protected_header_is_a_json_error_never_a_500()
    {
        await using var f = await SandboxFixture.StartAsync();
        byte[] badUtf8 = Encoding.UTF8.GetBytes("{\"invoice_id\":\"ab\"}");
        badUtf8[15] = 0xFF;
        string merchant = f.Sandbox.Merchant.MerchantId;
        string surrogateHeader = "{\"path\":\"" + InvoiceStatusPath + "\",\"merchant_id\":\"\\ud800\",\"method\":\"POST\",\"params\":\"\",\"alg\":\"HS512\"}";
        string surrogateUri = "{\"path\":\"\\udc00\",\"merchant_id\":" + merchant + ",\"method\":\"POST\",\"params\":\"\",\"alg\":\"HS512\"}";
        byte[] body = Encoding.UTF8.GetBytes("{\"invoice_id\":\"inv-1\"}");

        var (s1, utf8) = await PostAsync(f, InvoiceStatusPath, badUtf8, Header(f, InvoiceStatusPath));
        var (s2, noMerchant) = await PostAsync(f, InvoiceStatusPath, body, surrogateHeader);
        var (s3, badUri) = await PostAsync(f, InvoiceStatusPath, body, surrogateUri);

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK }, new[] { s1, s2, s3 });
        Assert.Equal(new[] { "1001", "101", "1002" }, new[] { utf8, noMerchant, badUri }.Select(r => r.GetProperty("error_code").GetString()));
    }

    public static TheoryData<string> StrictJwsCases() => new() { "crit", "b64 false", "padded signature", "+/ signature", "stray bits", "params not the query", "alg none", "merchant id as a string", "path under uri" };

    [Theory]
    [MemberData(nameof(StrictJwsCases))]
    public async Task The_jws_check_is_strict(string what)
    {
        await using var f = await SandboxFixture.StartAsync();
        string header = Header(f, InvoiceStatusPath);
        string key = f.Sandbox.Merchant.SecretKey;
        byte[] body = BodyWithUrlSafeCharactersInItsSignature(header, key);
        string jws = what switch
        {
            "crit" => Sign(header.TrimEnd('}') + ",\"crit\":[\"exp\"],\"exp\":1}", body, key),
            "b64 false" => SignUnencoded(header.TrimEnd('}') + ",\"b64\":false,\"crit\":[\"b64\"]}", body, key),
            "padded signature" => Pad(Sign(header, body, key)),
            "+/ signature" => Sign(header, body, key).Replace('-', '+').Replace('_', '/'),
            "stray bits" => StrayBits(Sign(header, body, key)),
            "params not the query" => Sign(header.Replace("\"params\":\"\"", "\"params\":\"x=1\""), body, key),
            // The Invoice area's header shape: a numeric merchant_id under "path" (auth: key-id-type, path-member).
            "merchant id as a string" => Sign(header.Replace("\"merchant_id\":" + f.Sandbox.Merchant.MerchantId, "\"merchant_id\":\"" + f.Sandbox.Merchant.MerchantId + "\""), body, key),
            "path under uri" => Sign(header.Replace("\"path\":", "\"uri\":"), body, key),
            _ => Sign(header.Replace("HS512", "none"), body, key),
        };

        var (_, genuine) = await PostJwsAsync(f, InvoiceStatusPath, body, Sign(header, body, key));
        var (status, reply) = await PostJwsAsync(f, InvoiceStatusPath, body, jws);

        Assert.Equal("1003", genuine.GetProperty("error_code").GetString()); // signed right: only the invoice is unknown
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True("1002" == reply.GetProperty("error_code").GetString(), what + ": " + reply);
    }

    [Fact]
    public async Task A_signed_body_fuzz_run_over_every_json_route_never_gets_a_500()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(CardApiClient.Operations).AddArea(JsonStatus.JsonStatusClient.Operations));
        OperationInfo[] routes = new[] { InvoiceClient.Operations, GatewayAsyncClient.Operations, FreedomPay.CardIssuing.CardIssuingClient.Operations, FreedomPay.Partner.PartnerClient.Operations, CardApiClient.Operations, JsonStatus.JsonStatusClient.Operations }
            .SelectMany(area => area).Where(op => op.Descriptor.Encoding == RequestEncoding.Json).ToArray();
        var random = new Random(29);
        int sent = 0;

        foreach (OperationInfo route in routes)
        {
            OperationDescriptor op = route.Descriptor;
            string path = "/" + op.Path.TrimStart('/').Replace("{merchant-id}", f.Sandbox.Merchant.MerchantId);
            foreach (byte[] body in HostileBodies(random, route))
            {
                using var message = new HttpRequestMessage(new HttpMethod(op.HttpMethod), new Uri(f.Sandbox.BaseAddress, path.TrimStart('/'))) { Content = new ByteArrayContent(body) };
                message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                AddSignature(f, message, op, path, body);
                foreach (RequestHeader header in op.Headers)
                {
                    // A new request id each, and the constant headers (X-Action), which choose the handler at a shared path.
                    message.Headers.TryAddWithoutValidation(header.Name, header.Source == HeaderSource.RequestId ? Guid.NewGuid().ToString() : header.Value);
                }

                using var http = new HttpClient();
                using HttpResponseMessage response = await http.SendAsync(message);
                string text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode != HttpStatusCode.InternalServerError, $"{op.DisplayName}: 500 for {Encoding.UTF8.GetString(body.Take(200).ToArray())}");
                using JsonDocument reply = JsonDocument.Parse(text);
                Assert.Equal(JsonValueKind.Object, reply.RootElement.ValueKind);
                sent++;
            }
        }

        Assert.True(routes.Length >= 6, "JSON routes found: " + routes.Length);
        Assert.Equal(routes.Length * 40, sent);
    }

    /// <summary>40 bodies per route: its own fields with values of every wrong kind, and shapes the reader must survive.</summary>
    private static IEnumerable<byte[]> HostileBodies(Random random, OperationInfo route)
    {
        string[] names = route.Fields.CallerFields.Select(f => f.WireName).DefaultIfEmpty("x").ToArray();
        string[] values =
        {
            "null", "true", "[]", "{}", "\"\"", "-0", "1e308", "-1e-400", "18446744073709551616", "\"\\ud800\"", "\"\\u0000\"",
            "[[[[[[[[1]]]]]]]]", "{\"a\":{\"b\":{\"c\":null}}}", "\"" + new string('v', 5000) + "\"", "[" + string.Join(",", Enumerable.Repeat("null", 2000)) + "]",
        };
        for (int i = 0; i < 40; i++)
        {
            var json = new StringBuilder("{");
            int count = random.Next(1, 6);
            for (int j = 0; j < count; j++)
            {
                json.Append(j == 0 ? string.Empty : ",").Append('"').Append(names[random.Next(names.Length)]).Append("\":").Append(values[random.Next(values.Length)]);
            }

            byte[] bytes = Encoding.UTF8.GetBytes(json.Append('}').ToString());
            switch (i % 8)
            {
                case 5:
                    bytes[random.Next(1, bytes.Length - 1)] = (byte)random.Next(0x80, 0x100); // invalid UTF-8 somewhere
                    break;
                case 6:
                    bytes = bytes.Take(random.Next(1, bytes.Length)).ToArray(); // cut short
                    break;
                case 7:
                    bytes = Encoding.UTF8.GetBytes("{\"" + new string('k', 300 + random.Next(1000)) + "\":[" + string.Join(",", Enumerable.Repeat("{}", 3000)) + "]}");
                    break;
            }

            yield return bytes;
        }
    }

    private static void AddSignature(SandboxFixture f, HttpRequestMessage message, OperationDescriptor op, string path, byte[] body)
    {
        string key = f.Sandbox.Merchant.SecretFor(op.SecretName) ?? f.Sandbox.Merchant.SecretKey;
        if (op.Auth == AuthScheme.PgSig)
        {
            return; // the body's own pg_sig: a hostile body stays unsigned, read within the limits before anything is checked
        }

        if (op.Auth == AuthScheme.Sha256Sign)
        {
            message.Headers.Add("Auth-Id", f.Sandbox.Merchant.MerchantId);
            message.Headers.Add("Sign", Convert.ToHexString(SHA256.HashData(body.Concat(Encoding.UTF8.GetBytes(key)).ToArray())).ToLowerInvariant());
            return;
        }

        string alg = op.Auth == AuthScheme.JwsHs512 ? "HS512" : "HS256";
        message.Headers.TryAddWithoutValidation("X-JWS-Signature", Sign(HeaderFor(op, path, f.Sandbox.Merchant.MerchantId, alg, op.HttpMethod), body, key, alg));
    }

    /// <summary>An Invoice protected header for <paramref name="path"/>, in the Invoice area's shape.</summary>
    private static string Header(SandboxFixture f, string path) => HeaderFor(InvoiceClient.StatusInfo.Descriptor, path, f.Sandbox.Merchant.MerchantId, "HS512");

    /// <summary>
    /// A protected header written by hand in the shape the operation's area declares: its path member, and its
    /// merchant-id member as a JSON string or number.
    /// </summary>
    private static string HeaderFor(OperationDescriptor op, string path, string merchant, string alg, string method = "POST") =>
        "{\"" + op.JwsHeader.PathMember + "\":\"" + path + "\",\"" + op.JwsHeader.KeyIdMember + "\":" + (op.JwsHeader.KeyIdIsNumber ? merchant : "\"" + merchant + "\"")
        + ",\"method\":\"" + method + "\",\"params\":\"\",\"alg\":\"" + alg + "\"}";

    /// <summary>
    /// An Invoice status body whose signature has a '-' or '_' (the key is random): without one, writing it with '+'
    /// and '/' would change nothing, and the "+/" case could not fail.
    /// </summary>
    private static byte[] BodyWithUrlSafeCharactersInItsSignature(string header, string key)
    {
        for (int i = 1; ; i++)
        {
            byte[] body = Encoding.UTF8.GetBytes("{\"invoice_id\":\"inv-" + i + "\"}");
            string signature = Sign(header, body, key);
            if (signature[(signature.LastIndexOf('.') + 1)..].IndexOfAny(new[] { '-', '_' }) >= 0)
            {
                return body;
            }
        }
    }

    /// <summary>RFC 7515 with a detached payload: BASE64URL(header) '..' BASE64URL(HMAC(header '.' BASE64URL(body))).</summary>
    private static string Sign(string header, byte[] body, string key, string alg = "HS512")
    {
        string encodedHeader = B64(Encoding.UTF8.GetBytes(header));
        return encodedHeader + ".." + B64(Mac(alg, key, encodedHeader + "." + B64(body)));
    }

    /// <summary>RFC 7797's unencoded payload: the body itself in the signing input.</summary>
    private static string SignUnencoded(string header, byte[] body, string key)
    {
        string encodedHeader = B64(Encoding.UTF8.GetBytes(header));
        return encodedHeader + ".." + B64(Mac("HS512", key, encodedHeader + "." + Encoding.UTF8.GetString(body)));
    }

    private static byte[] Mac(string alg, string key, string input)
    {
        using HMAC hmac = alg == "HS256" ? new HMACSHA256(Encoding.UTF8.GetBytes(key)) : new HMACSHA512(Encoding.UTF8.GetBytes(key));
        return hmac.ComputeHash(Encoding.ASCII.GetBytes(input));
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string jws) => jws + new string('=', (4 - (jws.Length - jws.LastIndexOf('.') - 1) % 4) % 4 is 0 ? 4 : (4 - (jws.Length - jws.LastIndexOf('.') - 1) % 4) % 4);

    /// <summary>The signature's last character with a stray low bit set: the same bytes to a lenient decoder.</summary>
    private static string StrayBits(string jws)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int last = Alphabet.IndexOf(jws[^1]);
        return jws[..^1] + Alphabet[last | 1];
    }

    private static Task<(HttpStatusCode, JsonElement)> PostAsync(SandboxFixture f, string path, byte[] body, string header) =>
        PostJwsAsync(f, path, body, Sign(header, body, f.Sandbox.Merchant.SecretKey));

    private static async Task<(HttpStatusCode, JsonElement)> PostJwsAsync(SandboxFixture f, string path, byte[] body, string jws)
    {
        using var http = new HttpClient();
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.BaseAddress, path.TrimStart('/'))) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("X-JWS-Signature", jws);
        using HttpResponseMessage response = await http.SendAsync(message);
        string text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }
}
