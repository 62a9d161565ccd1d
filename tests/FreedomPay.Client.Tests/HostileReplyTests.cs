using System;
using System.Collections.Generic;
using System.Globalization;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace FreedomPay.Client.Tests;

/// <summary>
/// Replies shaped to crash, stall or mislead the client (the hostile corpus, oversized bodies, duplicate and unsigned
/// elements): each ends in a documented FreedomPay exception, and the process survives. Work that could grow faster
/// than the input is pinned by counts and allocations, not by timing.
/// </summary>
public sealed class HostileReplyTests(ITestOutputHelper output)
{
    private static readonly PayRequest Pay = new() { PaymentId = 987654321, AbonentPhone = "77077777777" };
    private static readonly StatusRequest Status = new() { PaymentId = 7 };

    public static TheoryData<HostileCase> Corpus() => new(HostileCorpus.Replies());

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Every_hostile_reply_ends_in_a_FreedomPay_exception(HostileCase hostile)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(hostile.Body) };
        var clock = Stopwatch.StartNew();

        Exception pay = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.MobileBalance.PayAsync(Pay));
        Exception status = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.MobileBalance.StatusAsync(Status));
        Exception gateway = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.GatewayPayments.StatusAsync(new GatewayPayments.StatusRequest { PaymentId = 7, OrderId = "G-1" }));

        // Reported, not asserted: the counts and allocation tests below pin the costs.
        output.WriteLine($"{hostile.Name}: {clock.ElapsedMilliseconds} ms for two calls; {pay.GetType().Name}: {pay.Message}");
        Assert.Equal(hostile.Expected, status.GetType().Name);
        Assert.Equal(hostile.Expected, gateway.GetType().Name);
    }

    public static TheoryData<HostileCase> JsonCorpus() => new(HostileCorpus.JsonReplies());

    [Theory]
    [MemberData(nameof(JsonCorpus))]
    public async Task Every_hostile_json_reply_ends_in_a_FreedomPay_exception(HostileCase hostile)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(hostile.Body) };

        Exception pay = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.Invoice.PayAsync(new Invoice.PayRequest { InvoiceId = "inv-1", InvoiceMethod = Invoice.InvoiceMethod.Qr }));
        Exception status = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.Invoice.StatusAsync(new Invoice.StatusRequest { InvoiceId = "inv-1" }));

        output.WriteLine($"{hostile.Name}: {pay.GetType().Name}: {pay.Message}");
        Assert.Equal(hostile.Expected, status.GetType().Name);
    }

    public static TheoryData<HostileCase, int> GatewayAsyncCorpus()
    {
        var cases = new TheoryData<HostileCase, int>();
        IEnumerable<HostileCase> own = new HostileCase[]
        {
            new("JSON error code that is an object", Encoding.UTF8.GetBytes("""{"error":{"code":{"a":1},"description":"x"}}"""), "FreedomPayProtocolException"),
            new("JSON error object twice", Encoding.UTF8.GetBytes("""{"error":{"code":"1"},"error":{"code":"2"}}"""), "FreedomPayProtocolException"),
            new("JSON 3ds that is a string", Encoding.UTF8.GetBytes("""{"id":"p","status":"approved","3ds":"C"}"""), "FreedomPayProtocolException"),
        };
        foreach (HostileCase hostile in HostileCorpus.JsonReplies().Concat(own))
        {
            cases.Add(hostile, 200);
            cases.Add(hostile, 422); // the Async API's refusal status: its body is read as hostile as any other
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(GatewayAsyncCorpus))]
    public async Task Every_hostile_json_reply_to_the_gateway_async_api_ends_in_a_FreedomPay_exception(HostileCase hostile, int status)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new ByteArrayContent(hostile.Body) };

        Exception read = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.GatewayAsync.ReadPaymentAsync(new GatewayAsync.ReadPaymentRequest { Id = "p" }));
        Exception refund = await Assert.ThrowsAnyAsync<FreedomPayException>(() => test.Client.GatewayAsync.RefundAsync(new GatewayAsync.RefundRequest { Id = "p", Amount = 1m }));

        output.WriteLine($"{hostile.Name} (HTTP {status}): {refund.GetType().Name}: {refund.Message}");
        Assert.Equal(hostile.Expected, read.GetType().Name);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_at_the_documented_depth_before_any_recursion()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => Bytes(HostileCorpus.Nested("response", 100_000));

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Contains($"deeper than {MessageLimits.DefaultMaxDepth} levels", ex.Message);
    }

    [Fact]
    public void Signing_a_message_nested_100k_deep_uses_no_recursion()
    {
        // PgElement is public, so a caller can build any depth: the signature walks it with its own stack.
        var element = new PgElement("a", "1");
        for (int i = 0; i < 100_000; i++)
        {
            element = new PgElement("a", string.Empty, new[] { element });
        }

        var root = new PgElement("response", string.Empty, new[] { element, new PgElement("pg_salt", "s") });

        string signature = PgSignature.Compute("pay", root, "secret");

        Assert.Equal(ReferenceSignature.Sign("pay", new KeyValuePair<string, string>[] { new("a", "1"), new("pg_salt", "s") }, "secret"), signature);
    }

    [Fact]
    public void The_signing_order_of_100k_names_in_reverse_reads_each_name_a_bounded_number_of_times()
    {
        // An insertion sort reads ~n²/2 names for this input (5e9 here); the signing order must stay O(n log n).
        var names = new CountingNames(Enumerable.Range(0, 100_000).Select(i => "e" + (99_999 - i).ToString("D6")).ToArray());

        int[] order = SigningOrder.Order(names, out _);

        Assert.Equal(99_999, order[0]);
        Assert.Equal(0, order[^1]);
        Assert.True(names.Reads <= 3 * 100_000, $"{names.Reads} name reads for 100,000 names");
    }

    [Fact]
    public void Equal_names_beyond_the_insertion_sort_size_are_ordered_by_their_flat_names()
    {
        // The reference orders by name + position as text: positions from 1000 on have four digits, so "b1000" sorts
        // before "b999" (the 1000th element before the 999th), which a plain stable sort by name would not do.
        string[] keys = Enumerable.Range(0, 1001).Select(i => i % 3 == 0 ? "b" : "a").ToArray();

        int[] order = SigningOrder.Order(new CountingNames(keys), out _);

        int[] expected = Enumerable.Range(0, 1001).OrderBy(i => keys[i] + (i + 1).ToString("D3", CultureInfo.InvariantCulture), StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, order);
        Assert.True(Array.IndexOf(order, 999) < Array.IndexOf(order, 996), "\"b1000\" (the 1000th) sorts before \"b997\"");
    }

    [Fact]
    public void Names_that_prefix_one_another_under_a_long_group_name_are_refused_before_flat_names_are_built()
    {
        // The full signing path gives every value its flat name. An XML group named once with 30,000 characters
        // above 4,000 short values (~150 KB of XML) would need 120 million characters of flat names; a sibling whose
        // name continues the group's flat name forces that path.
        string group = new string('x', 30_000);
        PgElement[] values = Enumerable.Range(0, 4_000).Select(i => new PgElement("v", "1")).ToArray();
        var root = new PgElement("response", string.Empty, new[]
        {
            new PgElement(group, string.Empty, values), new PgElement(group + "001tail", "2"), new PgElement("pg_sig", "0123456789abcdef0123456789abcdef"),
        });

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<FreedomPayProtocolException>(() => PgSignature.Compute("result", root, "secret"));
        Assert.False(PgSignature.Verify("result", root, "secret"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < 32L * 1024 * 1024, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void A_field_name_with_thousands_of_brackets_is_read_in_linear_time_and_signed()
    {
        string name = "a" + string.Concat(Enumerable.Repeat("[b]", 20_000));
        var fields = new[] { new KeyValuePair<string, string>(name, "v"), new KeyValuePair<string, string>("pg_salt", "s") };

        string signature = PgSignature.Compute("result", fields, "secret");

        // Nesting stops at the depth limit; the deepest key keeps the rest of the name. Still one value, then the salt.
        Assert.Equal(Md5Reference.Of("result;v;s;secret"), signature);
    }

    [Fact]
    public void Many_text_and_CDATA_nodes_in_one_element_are_joined_in_linear_memory()
    {
        byte[] body = HostileCorpus.AlternatingText("response", HostileCorpus.Megabyte);
        var limits = new MessageLimits(8 * HostileCorpus.Megabyte, 10_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        PgResponse reply = PgXmlReader.Read(body, body.Length, limits);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Text joined with += copies the whole text per node: ~10^11 bytes here. A builder: a few times the input.
        Assert.True(allocated < 16L * body.Length, $"{allocated:N0} bytes allocated to read {body.Length:N0}");
        Assert.StartsWith("abcabc", reply.Root.GetString("pg_status"));
    }

    [Fact]
    public void Reverse_ordered_siblings_are_refused_by_the_element_count_before_any_signature_work()
    {
        byte[] body = HostileCorpus.ReverseSiblings("response", HostileCorpus.Megabyte);

        var ex = Assert.Throws<FreedomPayProtocolException>(() => PgXmlReader.Read(body, body.Length, new MessageLimits(4 * HostileCorpus.Megabyte, MessageLimits.DefaultMaxReplyElements)));

        Assert.Contains($"more than {MessageLimits.DefaultMaxReplyElements} elements", ex.Message);
    }

    [Fact]
    public async Task A_reply_longer_than_the_cap_is_refused_after_reading_no_more_than_the_cap()
    {
        var endless = new CountingStream(length: 64L * HostileCorpus.Megabyte);
        using var test = new TestClient(o => o.MaxReplyBytes = HostileCorpus.Megabyte);
        test.Gateway.Respond = _ => new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StreamContent(endless) };

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Contains("MaxReplyBytes", ex.Message);
        Assert.Contains(HostileCorpus.Megabyte.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Message);
        Assert.InRange(endless.BytesRead, HostileCorpus.Megabyte, HostileCorpus.Megabyte + (64 * 1024));
    }

    [Fact]
    public async Task A_declared_length_over_the_cap_is_refused_unread()
    {
        var endless = new CountingStream(length: 64L * HostileCorpus.Megabyte);
        using var test = new TestClient(o => o.MaxReplyBytes = HostileCorpus.Megabyte);
        test.Gateway.Respond = _ =>
        {
            var content = new StreamContent(endless);
            content.Headers.ContentLength = 64L * HostileCorpus.Megabyte;
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = content };
        };

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Contains("it declares 67108864 bytes", ex.Message);
        Assert.Equal(0, endless.BytesRead);
    }

    [Fact]
    public void The_error_preview_of_a_large_malformed_reply_is_decoded_from_a_small_prefix()
    {
        // Malformed at its first bytes, then 4 MB more: the reader stops at once, and so must the preview.
        byte[] body = HostileCorpus.Utf8("<<response>" + new string('x', 4 * HostileCorpus.Megabyte));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<FreedomPayProtocolException>(() => PgXmlReader.Read(body, body.Length, new MessageLimits(8 * HostileCorpus.Megabyte, 100)));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("It starts with: '<<response>xxx", ex.Message);
        Assert.True(ex.Message.Length < 600, ex.Message);
        Assert.True(allocated < body.Length / 8, $"{allocated:N0} bytes allocated for a {body.Length:N0}-byte reply");
    }

    [Theory]
    [InlineData("1004")]
    [InlineData("1")]
    [InlineData("100")]
    public async Task An_unsigned_error_other_than_merchant_not_identified_is_untrusted(string code)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "error"), ("pg_error_code", code), ("pg_error_description", "Declined")));

        var pay = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));
        var status = await Assert.ThrowsAsync<FreedomPaySignatureException>(() => test.Client.MobileBalance.StatusAsync(Status));

        var inner = Assert.IsType<FreedomPaySignatureException>(pay.InnerException);
        Assert.Contains($"code {code}", inner.Message);
        Assert.Contains("101, 9998", inner.Message);
        Assert.Contains("check the payment's status", pay.Message);
        Assert.Contains("without a <pg_sig> signature", status.Message);
    }

    [Theory]
    [InlineData("101")]
    [InlineData("9998")]
    [InlineData(" 101\n")]
    public async Task An_unsigned_merchant_not_identified_error_is_a_gateway_exception(string code)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "error"), ("pg_error_code", code), ("pg_error_description", "Unknown merchant")));

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.False(ex.IsSigned);
        Assert.Equal(code, ex.ErrorCode);
    }

    [Fact]
    public async Task A_signed_reply_with_a_duplicate_element_is_refused_as_ambiguous()
    {
        // Names are not signed: a captured reply whose pg_payment_status was renamed to a second pg_status keeps a
        // valid signature (the values keep their order). Reading "the first one" would let that through.
        using var test = new TestClient();
        string xml = FakeGateway.SignedReply("get_status3.php", ("pg_payment_id", "7"), ("pg_status", "ok"), ("pg_status", "error"));
        test.Gateway.Respond = _ => FakeGateway.Xml(xml);

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Contains("more than one <pg_status>", ex.Message);
    }

    [Fact]
    public async Task Duplicate_signatures_are_refused()
    {
        using var test = new TestClient();
        string xml = FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"));
        test.Gateway.Respond = _ => FakeGateway.Xml(xml.Replace("</response>", "<pg_sig>0</pg_sig></response>"));

        await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));
    }

    [Fact]
    public async Task Masking_walks_a_reply_at_the_reader_s_limits_without_recursion_and_masks_every_sensitive_element()
    {
        // Status marks pg_user_phone sensitive, so its replies are walked element by element: here 31 levels deep
        // (one under the depth limit) and 9,000 elements wide (under the count limit).
        const string Phone = "77017777777";
        string deep = string.Concat(Enumerable.Repeat("<pg_x>", 30)) + $"<pg_user_phone>{Phone}</pg_user_phone>" + string.Concat(Enumerable.Repeat("</pg_x>", 30));
        string wide = "<pg_many>" + string.Concat(Enumerable.Repeat($"<pg_user_phone>{Phone}</pg_user_phone>", 9000)) + "</pg_many>";
        using var test = new TestClient(o => o.VerifyResponseSignatures = false);
        test.Gateway.Respond = _ => FakeGateway.Xml($"<response><pg_status>ok</pg_status><pg_payment_id>7</pg_payment_id>{deep}{wide}</response>");

        StatusResponse reply = await test.Client.MobileBalance.StatusAsync(Status);

        var phones = new List<PgElement>();
        var pending = new Stack<PgElement>(new[] { reply.Raw.Root });
        while (pending.Count > 0)
        {
            foreach (PgElement child in pending.Pop().Children)
            {
                if (child.Name == "pg_user_phone")
                {
                    phones.Add(child);
                }

                pending.Push(child);
            }
        }

        Assert.Equal(9001, phones.Count);
        Assert.All(phones, p => Assert.Equal("<pg_user_phone>7701*****77</pg_user_phone>", p.ToString()));
        Assert.Equal("<pg_status>ok</pg_status>", reply.Raw.Root.Find("pg_status")!.ToString());
    }

    [Fact]
    public async Task Whitespace_inside_a_leaf_element_is_its_value_and_is_signed()
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_description", " "), ("pg_note", "\n  a \n")));

        StatusResponse reply = await test.Client.MobileBalance.StatusAsync(Status);

        Assert.Equal(" ", reply.Raw.Root.GetString("pg_description"));
        Assert.Equal("\n  a \n", reply.Raw.Root.GetString("pg_note"));
    }

    [Fact]
    public async Task A_pattern_never_lets_a_trailing_newline_through_and_nothing_is_sent()
    {
        using var test = new TestClient();

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => test.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = 1, AbonentPhone = "77017777777\n" }));

        FieldError error = Assert.Single(ex.Errors);
        Assert.Equal("pg_abonent_phone", error.WireName);
        Assert.Equal("must match the pattern ^[0-9]{10,15}$", error.Rule);
        Assert.Empty(test.Gateway.Requests);
    }

    public static TheoryData<string> PipelineFailures() => new() { "IOException", "InvalidOperationException", "null response", "ObjectDisposedException" };

    [Theory]
    [MemberData(nameof(PipelineFailures))]
    public async Task Any_failure_of_the_HTTP_pipeline_is_a_network_error_or_an_unknown_outcome(string failure)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => failure switch
        {
            "IOException" => throw new System.IO.IOException("connection reset mid-body"),
            "InvalidOperationException" => throw new InvalidOperationException("a handler broke its contract"),
            "ObjectDisposedException" => throw new ObjectDisposedException("handler"),
            _ => null!,
        };

        var status = await Assert.ThrowsAsync<FreedomPayNetworkException>(() => test.Client.MobileBalance.StatusAsync(Status));
        var pay = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Contains("check the payment's status", pay.Message);
        Assert.NotNull(status.InnerException);
        Assert.NotNull(pay.InnerException);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_redirect_is_never_followed_and_is_a_protocol_error_or_an_unknown_outcome(int code)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ =>
        {
            var response = new HttpResponseMessage((System.Net.HttpStatusCode)code);
            response.Headers.Location = new Uri("https://elsewhere.test/collect");
            return response;
        };

        var status = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));
        var pay = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(Pay));

        Assert.Equal(code, status.HttpStatusCode);
        Assert.Equal(code, pay.HttpStatusCode);
        Assert.Contains("does not follow", status.Message);
        Assert.Equal(2, test.Gateway.Requests.Count); // one each: nothing re-sent anywhere
    }

    [Fact]
    public async Task The_clients_own_HttpClient_does_not_follow_a_redirect_to_another_host()
    {
        var received = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using LoopbackApp elsewhere = await LoopbackApp.StartAsync(app => app.MapPost("/{**path}", (Microsoft.AspNetCore.Http.HttpContext c) => { received.Add(c.Request.Path.ToString()); return "collected"; }));
        await using LoopbackApp gateway = await LoopbackApp.StartAsync(app => app.MapPost("/{**path}", (Microsoft.AspNetCore.Http.HttpContext c) =>
        {
            c.Response.StatusCode = 307;
            c.Response.Headers.Location = new Uri(elsewhere.BaseAddress, "collect").AbsoluteUri;
        }));
        using var client = new FreedomPayClient(new FreedomPayClientOptions { MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = gateway.BaseAddress });

        var ex = await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => client.MobileBalance.ApproveAsync(new ApproveRequest { PaymentId = 1, ApprovalCode = "111111" }));

        Assert.Equal(307, ex.HttpStatusCode);
        Assert.Empty(received); // the SMS code never left for the other host
    }

    [Fact]
    public async Task A_reply_that_arrives_after_a_redirect_followed_by_the_callers_HttpClient_is_refused()
    {
        using var test = new TestClient();
        test.Gateway.Respond = request => new HttpResponseMessage(System.Net.HttpStatusCode.OK)
        {
            Content = new StringContent(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"))),
            RequestMessage = new HttpRequestMessage(HttpMethod.Post, "https://elsewhere.test/get_status3.php"),
        };

        var ex = await Assert.ThrowsAsync<FreedomPayProtocolException>(() => test.Client.MobileBalance.StatusAsync(Status));

        Assert.Contains("redirect", ex.Message);
    }

    [Fact]
    public async Task A_status_the_spec_does_not_list_is_Unknown_and_is_logged_as_not_paid()
    {
        var logs = new CapturingLoggerFactory();
        using var test = new TestClient(o => o.LoggerFactory = logs);
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("pay", ("pg_status", "brand_new"), ("pg_payment_id", "987654321")));

        PayResponse reply = await test.Client.MobileBalance.PayAsync(Pay);

        Assert.Equal(PayStatus.Unknown, reply.Status);
        Assert.Contains(logs.Lines, m => m.Contains("status 'brand_new'") && m.Contains("treat the payment as not paid"));
    }

    private static HttpResponseMessage Bytes(byte[] body) => new(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/xml") } } };

    /// <summary>Names that count how often the sort reads them.</summary>
    private struct CountingNames(string[] names) : SigningOrder.INames
    {
        private readonly int[] _reads = new int[1];

        public readonly int Count => names.Length;

        public readonly long Reads => _reads[0];

        public readonly string this[int index]
        {
            get
            {
                _reads[0]++;
                return names[index];
            }
        }
    }
}
