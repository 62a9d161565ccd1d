using System;

namespace FreedomPay.Sandbox
{
    /// <summary>
    /// How the sandbox's replies depart from their specs on demand (<see cref="FreedomPaySandboxOptions.Drift"/>,
    /// <c>freedompay sandbox --drift</c>), as the real gateway's may when FreedomPay changes them without notice: so
    /// that the client's drift telemetry and <c>freedompay verify</c> can be tried end to end.
    /// </summary>
    [Flags]
    public enum SandboxDrift
    {
        /// <summary>Replies as the specs describe them (the default).</summary>
        None = 0,

        /// <summary>An element the spec does not describe, added to every successful reply.</summary>
        ExtraElement = 1,

        /// <summary>The first required element after the status left out (the client refuses such a reply).</summary>
        MissingElement = 2,

        /// <summary>The first enum element after the status given a value the spec does not list.</summary>
        UnknownEnumValue = 4,

        /// <summary>Date-times with offset written in UTC with <c>Z</c> (<c>2019-08-24T14:15:22Z</c>), as the v5 docs print them.</summary>
        UtcDateTimes = 8,

        /// <summary>In JSON replies, numbers written as strings (<c>"amount": "100.00"</c>).</summary>
        NumbersAsStrings = 16,

        /// <summary>Every drift the client still reads (all but <see cref="MissingElement"/>).</summary>
        Readable = ExtraElement | UnknownEnumValue | UtcDateTimes | NumbersAsStrings,

        /// <summary>Every drift.</summary>
        All = Readable | MissingElement,
    }
}
