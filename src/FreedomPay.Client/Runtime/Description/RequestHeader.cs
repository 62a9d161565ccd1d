using System;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>A header the spec adds to an operation's requests (generated code creates them).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class RequestHeader
    {
        /// <summary>Describes a header.</summary>
        /// <param name="name">The header's name, e.g. <c>X-Request-Id</c>.</param>
        /// <param name="source">Where its value comes from.</param>
        /// <param name="value">The value of a <see cref="HeaderSource.Constant"/> header.</param>
        public RequestHeader(string name, HeaderSource source, string? value = null)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Source = source;
            Value = source == HeaderSource.Constant ? value ?? throw new ArgumentNullException(nameof(value)) : null;
        }

        /// <summary>The header's name.</summary>
        public string Name { get; }

        /// <summary>Where its value comes from.</summary>
        public HeaderSource Source { get; }

        /// <summary>The value of a constant header; null otherwise.</summary>
        public string? Value { get; }
    }
}
