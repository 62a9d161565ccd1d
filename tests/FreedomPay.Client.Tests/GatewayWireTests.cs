using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Tests;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// Every Gateway API (Sync) operation on the wire: the path its docs page gives, the script name it is signed for
/// (checked with the test-side signature rule, not the client's), every caller field in the spec's order, and the
/// gateway's unsigned 9998 ("merchant not identified") read like the Merchant API's 101.
/// </summary>
public sealed class GatewayWireTests
{
    /// <summary>Path and signature script of each operation, as the docs pages write them (not read from the spec).</summary>
    private static readonly Dictionary<string, (string Path, string Script)> Docs = new()
    {
        ["GatewayPayments.Pay"] = ("/g2g/payment", "payment"),                          // api-9586997
        ["GatewayPayments.CompleteThreeDs"] = ("/g2g/paymentAcs", "paymentAcs"),        // api-9586999, kg api-13677808
        ["GatewayPayments.PayByToken"] = ("/g2g/payment", "payment"),                   // api-9888724
        ["GatewayPayments.PayWithApplePay"] = ("/g2g/payment", "payment"),              // api-9856298
        ["GatewayPayments.PayWithGooglePay"] = ("/g2g/payment", "payment"),             // api-9890798
        ["GatewayPayments.Recurrent"] = ("/g2g/recurrent", "recurrent"),                // api-18494941
        ["GatewayPayments.Cancel"] = ("/g2g/cancel", "cancel"),                         // api-9587002
        ["GatewayPayments.Clearing"] = ("/g2g/clearing", "clearing"),                   // api-9587001
        ["GatewayPayments.Refund"] = ("/g2g/refund", "refund"),                         // api-9587003
        ["GatewayPayments.Status"] = ("/g2g/status_v2", "status_v2"),                   // api-13528554
        ["GatewayCards.Add"] = ("/g2g/cardstorage/add", "add"),                         // api-9886819
        ["GatewayCards.CompleteThreeDs"] = ("/g2g/cardstorage/payment_acs", "payment_acs"), // api-9888280
        ["GatewayCards.List"] = ("/g2g/cardstorage/list", "list"),                      // api-9888586
        ["GatewayCards.Remove"] = ("/g2g/cardstorage/remove", "remove"),                // api-9888332
        ["GatewayTransfers.Transfer"] = ("/g2g/p2p/transfer", "transfer"),              // api-9885527
        ["GatewayTransfers.CompleteThreeDs"] = ("/g2g/p2p/transfer_acs", "transfer_acs"), // api-9886434
        ["GatewayTransfers.Rates"] = ("/g2g/p2p/rates", "rates"),                       // api-9886534
        ["GatewayTransfers.Status"] = ("/g2g/p2p/status", "status"),                    // api-9886515
        ["GatewayPayouts.ToCard"] = ("/g2g/p2p2nonreg", "p2p2nonreg"),                  // api-9586998
        ["GatewayPayouts.ToToken"] = ("/g2g/reg2reg", "reg2reg"),                       // api-9881026
        ["GatewayPayouts.ToIban"] = ("/g2g/to_iban", "to_iban"),                        // api-9880408
        ["GatewayPayouts.Balance"] = ("/g2g/balance_status", "balance_status"),         // api-9884858
        ["GatewayPayouts.Status"] = ("/g2g/payout_status2", "payout_status2"),          // api-9881016
    };

    private static IEnumerable<OperationInfo> Gateway() => GatewayPayments.GatewayPaymentsClient.Operations
        .Concat(GatewayCards.GatewayCardsClient.Operations).Concat(GatewayTransfers.GatewayTransfersClient.Operations).Concat(GatewayPayouts.GatewayPayoutsClient.Operations);

    public static TheoryData<string> Operations() => new(Gateway().Select(o => o.Descriptor.DisplayName));

    [Fact]
    public void Every_packaged_Gateway_operation_has_its_docs_path_in_this_test()
    {
        Assert.Equal(Docs.Keys.Order(), Gateway().Select(o => o.Descriptor.DisplayName).Order());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_posts_to_its_docs_path_signed_for_its_script_and_reads_an_unsigned_9998_as_a_gateway_error(string displayName)
    {
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.Document("response", ("pg_status", "error"), ("pg_error_code", "9998"), ("pg_error_description", "Merchant not found")));
        OperationInfo operation = Gateway().Single(o => o.Descriptor.DisplayName == displayName);
        Dictionary<string, string> values = SampleValues.For(operation);

        var ex = await Assert.ThrowsAsync<FreedomPayGatewayException>(() => operation.SendAsync(test.Client.Connection, values));

        (string path, string script) = Docs[displayName];
        CapturedRequest sent = test.Gateway.Single;
        Assert.Equal(("POST", path), (sent.Method.Method, sent.Uri.AbsolutePath));
        Assert.Equal(ReferenceSignature.Sign(script, sent.Fields.Where(f => f.Key != "pg_sig"), FakeGateway.Secret), sent["pg_sig"]);
        Assert.Equal(("pg_merchant_id", "pg_salt", "pg_sig"), (sent.Names.First(), sent.Names.SkipLast(1).Last(), sent.Names.Last()));
        // Every value given is sent, in the spec's order (a nested object's fields under its name).
        Assert.Equal(
            operation.Fields.All.Where(f => f.Role == FieldRole.Constant).Select(f => f.WireName).Concat(values.Keys),
            sent.Names.Skip(1).SkipLast(2));
        Assert.Equal(("9998", false), (ex.ErrorCode, ex.IsSigned));
    }
}
