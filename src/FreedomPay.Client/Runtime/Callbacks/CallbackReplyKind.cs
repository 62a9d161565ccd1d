namespace FreedomPay.Runtime
{
    /// <summary>What the merchant's server answers a callback with (the spec's <c>reply:</c>).</summary>
    public enum CallbackReplyKind
    {
        /// <summary>Signed XML with <c>pg_status</c> ok, rejected or error (<c>FreedomPay.CallbackReply</c>): Result notify, Check.</summary>
        SignedXml = 0,

        /// <summary>Plain HTTP 200, no body the gateway reads (Payout notify: "respond with status 200").</summary>
        Http200 = 1,

        /// <summary>
        /// Nothing the gateway reads: a request of the buyer's browser (Redirect back to the success or failure URL),
        /// answered with the shop's own page.
        /// </summary>
        None = 2,
    }
}
