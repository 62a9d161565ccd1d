using System;
using System.Collections.Concurrent;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The replies of the JSON APIs' requests, by merchant and request id: what the docs promise ("if the same
    /// request_id is sent more than once, the API guarantees idempotent behavior and returns the original response")
    /// and what the Gateway Async API's "read request" reads. Bounded: the oldest are forgotten first.
    /// </summary>
    internal sealed class RequestMemory
    {
        /// <summary>How many request ids are remembered, with their replies.</summary>
        private const int MaxRemembered = 10_000;

        private readonly ConcurrentDictionary<string, RememberedReply> _replies = new ConcurrentDictionary<string, RememberedReply>(StringComparer.Ordinal);
        private readonly ConcurrentQueue<string> _byAge = new ConcurrentQueue<string>();

        /// <summary>The first reply to this merchant's request id, if it is remembered.</summary>
        public bool TryGet(string merchantId, string requestId, out RememberedReply reply) => _replies.TryGetValue(Key(merchantId, requestId), out reply!);

        /// <summary>Keeps the first reply to a request id (a later one under the same id does not replace it).</summary>
        public void Remember(string merchantId, string requestId, RememberedReply reply)
        {
            string key = Key(merchantId, requestId);
            if (_replies.TryAdd(key, reply))
            {
                _byAge.Enqueue(key);
                while (_byAge.Count > MaxRemembered && _byAge.TryDequeue(out string? oldest))
                {
                    _replies.TryRemove(oldest, out _);
                }
            }
        }

        private static string Key(string merchantId, string requestId) => merchantId + "\n" + requestId;
    }

    /// <summary>A request's first reply: the hash of its body (a repeat must send the same), the JSON sent, its HTTP status, and whether it was a refusal.</summary>
    internal sealed record RememberedReply(byte[] BodyHash, string Json, int Status, bool Failed);
}
