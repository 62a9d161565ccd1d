using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.TestSupport;
using Xunit.Abstractions;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// What anyone on the internet can POST to the callback endpoints: the hostile corpus, oversized and broken bodies.
/// Every one is answered with HTTP 200 and a signed <c>error</c> (never a 500, never a crash), and none reaches the
/// handler. One app serves them all, so a case that killed the process would fail every case after it.
/// </summary>
public sealed class HostileCallbackTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Secret = "merchant-secret";
    private MerchantApp _merchant = null!;

    public static TheoryData<HostileCallback> Corpus()
    {
        var data = new TheoryData<HostileCallback>();
        foreach (HostileCallback item in HostileCorpus.Callbacks())
        {
            data.Add(item);
        }

        return data;
    }

    public async Task InitializeAsync() => _merchant = await MerchantApp.StartAsync(Secret);

    public async Task DisposeAsync() => await _merchant.DisposeAsync();

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Every_hostile_callback_gets_a_signed_error_and_never_reaches_the_handler(HostileCallback hostile)
    {
        var clock = Stopwatch.StartNew();

        (HttpStatusCode status, XElement reply) = await PostAsync(_merchant.ResultUrl, hostile.ContentType, hostile.Body);

        output.WriteLine($"{hostile.Name}: {clock.ElapsedMilliseconds} ms; {reply.Element("pg_description")?.Value}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", reply.Element("pg_status")!.Value);
        Signatures.AssertSigned(reply, "result", Secret);
        Assert.Empty(_merchant.Handler.Results);
    }

    [Theory]
    [InlineData("XML body of 100k nested elements (~700 KB)", "larger than 65536 bytes")]
    [InlineData("XML body of 100k nested elements under the cap (~60 KB, 8k levels)", "deeper than 32 levels")]
    [InlineData("more than 1024 form fields", "cannot be read as a form")]
    [InlineData("an 8 MB body", "larger than 65536 bytes")]
    [InlineData("broken multipart (no closing boundary)", "cannot be read as a form")]
    [InlineData("multipart with 400 tiny parts (under the size cap, over the field cap)", "cannot be read as a form")]
    [InlineData("unknown content type", "neither a form nor XML")]
    public async Task The_error_names_the_limit_or_the_problem(string name, string expected)
    {
        HostileCallback hostile = HostileCorpus.Callbacks().Single(c => c.Name == name);

        (_, XElement reply) = await PostAsync(_merchant.ResultUrl, hostile.ContentType, hostile.Body);

        Assert.Contains(expected, reply.Element("pg_description")!.Value);
    }

    [Fact]
    public async Task A_chunked_body_without_a_length_is_cut_off_at_the_limit()
    {
        // Raw HTTP/1.1: a chunked body (no Content-Length) of 128 KiB, twice the limit. The endpoint answers once
        // 64 KiB and a byte are read, without reading the rest.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(_merchant.ResultUrl.Host, _merchant.ResultUrl.Port);
        using System.Net.Sockets.NetworkStream stream = tcp.GetStream();
        string chunk = $"10000\r\n{new string('7', 0x10000)}\r\n";
        await stream.WriteAsync(HostileCorpus.Utf8(
            $"POST {_merchant.ResultUrl.AbsolutePath} HTTP/1.1\r\nHost: {_merchant.ResultUrl.Authority}\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
            $"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunk}{chunk}0\r\n\r\n"));

        string answer = await new System.IO.StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200", answer);
        Assert.Contains("larger than 65536 bytes", answer);
    }

    private static async Task<(HttpStatusCode Status, XElement Reply)> PostAsync(Uri url, string contentType, byte[] body)
    {
        using var http = new HttpClient();
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using HttpResponseMessage response = await http.PostAsync(url, content);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length > 0, $"HTTP {(int)response.StatusCode} with an empty body");
        return (response.StatusCode, XDocument.Parse(text).Root!);
    }
}
