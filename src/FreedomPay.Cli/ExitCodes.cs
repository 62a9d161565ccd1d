namespace FreedomPay.Cli
{
    /// <summary>The tool's exit codes (documented in README.md).</summary>
    internal static class ExitCodes
    {
        public const int Success = 0;

        /// <summary>A failure that fits no other code (e.g. the demo's payment did not end as paid).</summary>
        public const int Failure = 1;

        /// <summary>Bad command line, missing credentials, or a request that breaks the spec's rules (nothing was sent).</summary>
        public const int Usage = 2;

        /// <summary>The gateway answered pg_status=error.</summary>
        public const int Gateway = 3;

        /// <summary>The reply's signature is wrong or the reply is not a valid gateway reply.</summary>
        public const int SignatureOrProtocol = 4;

        /// <summary>The connection failed or the reply did not come in time (for pay and approve: outcome unknown).</summary>
        public const int Network = 5;

        /// <summary>A call that moves money answered a status this client does not know: treat as not paid, check the status.</summary>
        public const int UnknownStatus = 6;

        /// <summary><c>freedompay verify</c>: a reply departs from its spec (an undescribed or missing element, a value that breaks it).</summary>
        public const int SpecDrift = 7;

        /// <summary>Interrupted (Ctrl+C).</summary>
        public const int Canceled = 130;
    }
}
