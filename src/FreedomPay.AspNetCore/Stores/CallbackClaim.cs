using System;

namespace FreedomPay.AspNetCore
{
    /// <summary>What <see cref="IFreedomPayCallbackStore.ClaimAsync"/> found.</summary>
    public enum CallbackClaimStatus
    {
        /// <summary>The caller holds the claim: it runs the handler, then completes or releases it.</summary>
        Claimed,

        /// <summary>Another owner holds an unexpired claim: its handler is running.</summary>
        InProgress,

        /// <summary>The callback was answered before; <see cref="CallbackClaim.Reply"/> holds that reply.</summary>
        Answered,
    }

    /// <summary>The outcome of a claim: its status and, when answered, the reply kept.</summary>
    public sealed class CallbackClaim
    {
        private CallbackClaim(CallbackClaimStatus status, byte[]? reply)
        {
            Status = status;
            Reply = reply;
        }

        /// <summary>The caller holds the claim.</summary>
        public static CallbackClaim Claimed { get; } = new CallbackClaim(CallbackClaimStatus.Claimed, null);

        /// <summary>Another owner holds the claim.</summary>
        public static CallbackClaim InProgress { get; } = new CallbackClaim(CallbackClaimStatus.InProgress, null);

        /// <summary>What the claim found.</summary>
        public CallbackClaimStatus Status { get; }

        /// <summary>The kept reply when <see cref="Status"/> is <see cref="CallbackClaimStatus.Answered"/>, otherwise null.</summary>
        public byte[]? Reply { get; }

        /// <summary>The callback was answered with <paramref name="reply"/>.</summary>
        public static CallbackClaim Answered(byte[] reply) =>
            new CallbackClaim(CallbackClaimStatus.Answered, reply ?? throw new ArgumentNullException(nameof(reply)));
    }
}
