namespace FreedomPay.Runtime
{
    /// <summary>How a value is shown in logs, traces, <c>ToString()</c> and tool output (the spec's <c>sensitive:</c>).</summary>
    public enum FieldSensitivity
    {
        /// <summary>Shown as it is.</summary>
        None = 0,

        /// <summary>Only its first four and last two characters are shown (phone numbers): <c>7701*****77</c>.</summary>
        Partial = 1,

        /// <summary>Never shown: <c>***</c>.</summary>
        Hidden = 2,
    }
}
