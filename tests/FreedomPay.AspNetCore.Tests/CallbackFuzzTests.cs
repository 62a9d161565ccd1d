using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.TestSupport;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>
/// Mutated genuine callbacks (form and XML variants) posted to a merchant app, from a fixed seed and a random one:
/// every answer is HTTP 200 with a signed reply, and the handler sees only callbacks that still verify. A failure
/// names its seed; replay it with <c>FREEDOMPAY_FUZZ_SEED</c>.
/// </summary>
public sealed class CallbackFuzzTests
{
    private const string Secret = "merchant-secret";
    private const int Cases = 300;

    public static TheoryData<int> Seeds() => new() { 20261201, Environment.GetEnvironmentVariable("FREEDOMPAY_FUZZ_SEED") is { } s ? int.Parse(s) : Random.Shared.Next() };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Every_mutated_callback_gets_a_signed_reply(int seed)
    {
        var mutator = new Mutator(seed);
        await using var merchant = await MerchantApp.StartAsync(new FreedomPayCallbackOptions { SecretKey = Secret, RememberReplies = false });
        List<KeyValuePair<string, string>> fields = Signatures.Signed("result", Secret, ("pg_order_id", "F-1"), ("pg_payment_id", "61"), ("pg_amount", "10"), ("pg_currency", "KZT"), ("pg_result", "1"), ("pg_salt", "f1"));
        string xml = "<request>" + string.Concat(fields.Select(f => $"<{f.Key}>{f.Value}</{f.Key}>")) + "</request>";
        using var http = new HttpClient();

        for (int i = 0; i < Cases; i++)
        {
            HttpContent content = (i % 3) switch
            {
                0 => new FormUrlEncodedContent(mutator.Mutate(fields)),
                1 => new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("pg_xml", mutator.Mutate(xml)) }),
                _ => new StringContent(mutator.Mutate(xml), System.Text.Encoding.UTF8, "application/xml"),
            };

            using HttpResponseMessage response = await http.PostAsync(merchant.ResultUrl, content);
            string text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"seed {seed}, case {i}: HTTP {(int)response.StatusCode}: {text}");
            XElement reply = XDocument.Parse(text).Root!;
            Signatures.AssertSigned(reply, "result", Secret);
        }

        Assert.All(merchant.Handler.Results, r => Assert.Equal(61, r.PaymentId));
    }
}
