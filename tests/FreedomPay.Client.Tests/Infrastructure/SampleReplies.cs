using System.Collections.Generic;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests.Infrastructure;

/// <summary>Genuine replies with nested elements, signed as the gateway signs them (nested values in place, by name).</summary>
internal static class SampleReplies
{
    /// <summary>A get_status3.php reply for payment <paramref name="paymentId"/> with one refund (payment 43) nested in pg_refund_payments.</summary>
    public static string StatusWithOneRefund(string paymentId)
    {
        // Signed text: script; top-level values by name, pg_refund_payments contributing its item's values by name.
        string signature = ReferenceSignature.Sign("get_status3.php", new KeyValuePair<string, string>[]
        {
            new("pg_payment_id", paymentId), new("pg_refund_payments", "-10;2023-05-31 16:26:36;43;success"), new("pg_salt", "abc"), new("pg_status", "ok"),
        }, FakeGateway.Secret);
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <response>
              <pg_status>ok</pg_status>
              <pg_payment_id>{paymentId}</pg_payment_id>
              <pg_refund_payments>
                <pg_refund_payment>
                  <pg_payment_id>43</pg_payment_id>
                  <pg_payment_status>success</pg_payment_status>
                  <pg_amount>-10</pg_amount>
                  <pg_payment_date>2023-05-31 16:26:36</pg_payment_date>
                </pg_refund_payment>
              </pg_refund_payments>
              <pg_salt>abc</pg_salt>
              <pg_sig>{signature}</pg_sig>
            </response>
            """;
    }
}
