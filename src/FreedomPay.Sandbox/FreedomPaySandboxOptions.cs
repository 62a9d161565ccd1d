using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Runtime;
using System.Security.Cryptography;

namespace FreedomPay.Sandbox
{
    /// <summary>A merchant the sandbox accepts: its id and secret key.</summary>
    public sealed record SandboxMerchant(string MerchantId, string SecretKey)
    {
        /// <summary>
        /// Further keys by name, for areas whose spec names a key of their own (<c>secret: payout</c>): the client's
        /// <c>FreedomPayClientOptions.SecretKeys</c> must hold the same. A merchant without the payout key has payouts
        /// disabled (error 1019), as a real merchant has until FreedomPay's manager enables them.
        /// </summary>
        public IReadOnlyDictionary<string, string> SecretKeys { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The key of that name: null for the main key, or null when the merchant has no such key.</summary>
        public string? SecretFor(string? name) => name is null ? SecretKey : SecretKeys.TryGetValue(name, out string? key) ? key : null;

        /// <summary>Shows the merchant with the secrets redacted.</summary>
        public override string ToString() => $"SandboxMerchant {{ MerchantId = {MerchantId}, SecretKey = ***{string.Concat(SecretKeys.Keys.Select(k => ", SecretKeys[" + k + "] = ***"))} }}";
    }

    /// <summary>What a test phone does when it is charged.</summary>
    public enum TestPhoneBehavior
    {
        /// <summary>The operator sends an SMS code (<c>need_approve</c>); Approve with the code charges it.</summary>
        NeedsApproval,

        /// <summary>The balance is charged at once (<c>ok</c>).</summary>
        ChargesAtOnce,

        /// <summary>The operator declines the charge (insufficient balance).</summary>
        Declines,
    }

    /// <summary>A phone the sandbox can charge.</summary>
    /// <param name="Phone">Digits with the country code, without '+'.</param>
    /// <param name="Operator">The operator's payment system code, e.g. <c>KCELLKZT</c>.</param>
    /// <param name="Behavior">What happens when the phone is charged.</param>
    /// <param name="FirstCode">The first SMS code for this phone (later codes are random); null for random.</param>
    public sealed record TestPhone(string Phone, string Operator, TestPhoneBehavior Behavior, string? FirstCode = null);

    /// <summary>Settings of a <see cref="FreedomPaySandbox"/>. The defaults match the real gateway where it is documented.</summary>
    public sealed class FreedomPaySandboxOptions
    {
        /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>The merchants the sandbox accepts. Default: one merchant, id 54321, with a random secret and a random payout key.</summary>
        public IList<SandboxMerchant> Merchants { get; } = new List<SandboxMerchant>
        {
            new SandboxMerchant("54321", NewSecret()) { SecretKeys = new Dictionary<string, string> { ["payout"] = NewSecret() } },
        };

        /// <summary>
        /// The test phones. Defaults: the documented ones, +77017777777 (Kcell) and +77027777777 (Activ), which
        /// need an SMS code (111111); and two sandbox-only ones: 77077777777 (Beeline) charges at once,
        /// 77000000000 (Tele2) declines.
        /// </summary>
        public IList<TestPhone> Phones { get; } = new List<TestPhone>
        {
            new TestPhone("77017777777", "KCELLKZT", TestPhoneBehavior.NeedsApproval, "111111"),
            new TestPhone("77027777777", "ACTIVKZT", TestPhoneBehavior.NeedsApproval, "111111"),
            new TestPhone("77077777777", "BEELINEKZT", TestPhoneBehavior.ChargesAtOnce),
            new TestPhone("77000000000", "TELE2KZT", TestPhoneBehavior.Declines),
        };

        /// <summary>
        /// The test cards of the hosted card page (any future expiry, any three-digit CVC). Defaults:
        /// 4405645000006150 approves (the card the FreedomPay docs use in their examples); this sandbox's own
        /// 4000000000000002 is declined and 4000000000003220 asks for the 3-D Secure code 111111 first.
        /// </summary>
        public IList<TestCard> Cards { get; } = new List<TestCard>
        {
            new TestCard("4405645000006150", TestCardBehavior.Approves),
            new TestCard("4000000000000002", TestCardBehavior.Declines),
            new TestCard("4000000000003220", TestCardBehavior.Challenges),
        };

        /// <summary>Wrong codes allowed before the payment fails. Default 3.</summary>
        public int MaxApprovalAttempts { get; set; } = 3;

        /// <summary>How long an SMS code is valid. Default 5 minutes.</summary>
        public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Minimum time between two codes for one payment. Default 30 seconds.</summary>
        public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How many new codes resend_code may send per payment. Default 3.</summary>
        public int MaxResends { get; set; } = 3;

        /// <summary>Time between Result notify attempts. Default 30 minutes, as the real gateway.</summary>
        public TimeSpan ResultRetryInterval { get; set; } = TimeSpan.FromMinutes(30);

        /// <summary>Result notify attempts in all (the real gateway keeps trying for 2 hours). Default 5.</summary>
        public int ResultMaxAttempts { get; set; } = 5;

        /// <summary>
        /// How replies depart from their specs (none by default): an element the spec does not describe, an enum value
        /// it does not list, a required element left out, <c>Z</c> date-times, JSON numbers as strings. For trying the
        /// client's drift telemetry (<c>freedompay.client.spec_drift</c>) and <c>freedompay verify</c>.
        /// </summary>
        public SandboxDrift Drift { get; set; }

        /// <summary>How long after it is accepted a payout is made and its Payout notify sent. Default 1 second.</summary>
        public TimeSpan PayoutDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>
        /// How long a Card API request (block, unblock, close, refund transaction) stays processing before its
        /// RequestStatus says done. Default 1 second.
        /// </summary>
        public TimeSpan CardRequestProcessing { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>How long the merchant's Check URL may take to answer before the payment counts as refused. Default 10 seconds.</summary>
        public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// How many payments the sandbox remembers (default 10,000); beyond that the oldest are forgotten (asking for
        /// one answers "payment not found"), and the SMS inbox and Result notify records are cut back alike. Payments
        /// also expire: after pg_lifetime, or 86400 seconds (the documented default) when init gives none.
        /// </summary>
        public int MaxPayments { get; set; } = 10_000;

        /// <summary>The areas added with <see cref="AddArea"/>.</summary>
        public IList<IReadOnlyList<OperationInfo>> Areas { get; } = new List<IReadOnlyList<OperationInfo>>();

        /// <summary>
        /// Serves an area's operations from their description (e.g. <c>OrdersClient.Operations</c>, generated from your
        /// own YAML): the signature and the spec's field rules are checked, and a signed reply is built from the described
        /// elements. A path the sandbox already serves (the Mobile balance operations) keeps its stateful emulation.
        /// </summary>
        public FreedomPaySandboxOptions AddArea(IReadOnlyList<OperationInfo> operations)
        {
            if (operations is null || operations.Any(o => o is null))
            {
                throw new ArgumentException("An area is a list of operations (the generated client's Operations).", nameof(operations));
            }

            Areas.Add(operations);
            return this;
        }

        /// <summary>The clock (tests pass a fake one to expire codes without waiting).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        private static string NewSecret() => RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 24);
    }
}
