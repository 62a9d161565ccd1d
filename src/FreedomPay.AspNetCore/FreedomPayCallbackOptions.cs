namespace FreedomPay.AspNetCore
{
    /// <summary>Settings of the callback endpoints.</summary>
    public sealed class FreedomPayCallbackOptions
    {
        /// <summary>The merchant's secret key: callbacks are verified with it and replies signed with it.</summary>
        public string SecretKey { get; set; } = string.Empty;

        /// <summary>
        /// Answer a repeated callback for the same payment with the reply given the first time, without calling the
        /// handler again (default true). The memory is this process's: with several instances, make the handler
        /// look its decision up in your own store instead.
        /// </summary>
        public bool RememberReplies { get; set; } = true;
    }
}
