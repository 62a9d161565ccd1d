using System;
using System.Collections.Generic;
using System.Linq;

namespace FreedomPay.Sandbox
{
    /// <summary>What the sandbox concluded about a request's <c>pg_sig</c>.</summary>
    public enum SignatureVerdict
    {
        /// <summary>The signature matched the merchant's secret.</summary>
        Valid,

        /// <summary>A signature was sent and did not match.</summary>
        Invalid,

        /// <summary>No <c>pg_sig</c> (or no <c>pg_salt</c>) was sent.</summary>
        Missing,

        /// <summary>The merchant id is unknown, so there was no secret to check against.</summary>
        UnknownMerchant,
    }

    /// <summary>One API request the sandbox answered, as the dashboard lists it. Field values are not kept.</summary>
    /// <param name="At">When it arrived.</param>
    /// <param name="Operation">The operation as its spec names it (<c>MobileBalance.Pay</c>), or the path of a route no spec describes.</param>
    /// <param name="Script">The operation's script name, e.g. <c>pay</c> or <c>init_payment.php</c>.</param>
    /// <param name="MerchantId">The pg_merchant_id sent, if any.</param>
    /// <param name="Signature">The signature verdict.</param>
    /// <param name="Status">The reply's pg_status (<c>ok</c>, <c>error</c>, <c>need_approve</c>).</param>
    /// <param name="ErrorCode">The reply's pg_error_code, when it is an error.</param>
    /// <param name="Fields">The names of the fields sent (values are not kept).</param>
    public sealed record SandboxRequest(DateTimeOffset At, string Operation, string Script, string? MerchantId, SignatureVerdict Signature, string Status, string? ErrorCode, IReadOnlyList<string> Fields);
}

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>The latest API requests, newest last, bounded so that a long-running sandbox does not grow.</summary>
    internal sealed class RequestLog
    {
        private const int Capacity = 200;
        private readonly object _gate = new object();
        private readonly Queue<SandboxRequest> _requests = new Queue<SandboxRequest>();

        public IReadOnlyList<SandboxRequest> All
        {
            get
            {
                lock (_gate)
                {
                    return _requests.ToArray();
                }
            }
        }

        public void Add(SandboxRequest request)
        {
            lock (_gate)
            {
                _requests.Enqueue(request);
                while (_requests.Count > Capacity)
                {
                    _requests.Dequeue();
                }
            }
        }

        public static SandboxRequest Describe(DateTimeOffset at, SandboxRoute route, GatewayRequest request, string? merchantId, SignatureVerdict verdict, SandboxReply reply)
        {
            var (status, errorCode) = reply.Outcome(route.Errors);
            return new SandboxRequest(
                at,
                route.DisplayName,
                route.Script,
                merchantId,
                verdict,
                status,
                errorCode,
                request.Fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).ToArray());
        }
    }
}
