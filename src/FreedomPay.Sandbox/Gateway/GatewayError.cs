using System;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>A refusal the sandbox answers with a signed <c>pg_status=error</c> reply.</summary>
    internal sealed class GatewayError : Exception
    {
        public GatewayError(int code, string description)
            : base(description)
        {
            Code = code;
        }

        public int Code { get; }
    }
}
