namespace FreedomPay.Runtime
{
    /// <summary>Where a request header's value comes from (the spec's <c>headers:</c>).</summary>
    public enum HeaderSource
    {
        /// <summary>The same text on every call (<c>value:</c>), e.g. <c>X-Action: gateway.payment.read</c>.</summary>
        Constant = 0,

        /// <summary>
        /// A new UUID per call (<c>fill: request-id</c>), kept when a safe call is retried so that the gateway can
        /// recognise the repeat; calls that move money are never retried, so each has its own.
        /// </summary>
        RequestId = 1,
    }
}
