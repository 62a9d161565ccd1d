using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>The value type of a request field, as the spec declares it.</summary>
    public enum FieldValueType
    {
        /// <summary>Text.</summary>
        String = 0,

        /// <summary>A whole number.</summary>
        Integer = 1,

        /// <summary>A decimal number with '.' as the separator.</summary>
        Decimal = 2,

        /// <summary>A flag, sent as 1 or 0.</summary>
        Boolean = 3,

        /// <summary>One of <see cref="FieldInfo.AllowedValues"/>.</summary>
        Enum = 4,

        /// <summary>A date-time in <see cref="FieldInfo.Format"/>.</summary>
        DateTime = 5,
    }

    /// <summary>A request field as the spec describes it (generated; used by tools such as the CLI).</summary>
    public sealed class FieldInfo
    {
        /// <summary>Describes a field (called by generated code).</summary>
        public FieldInfo(string wireName, string memberName, FieldValueType type, bool required, string? description, IReadOnlyList<string>? allowedValues, string? format)
        {
            WireName = wireName;
            MemberName = memberName;
            Type = type;
            Required = required;
            Description = description;
            AllowedValues = allowedValues ?? Array.Empty<string>();
            Format = format;
        }

        /// <summary>The field's name on the wire, e.g. <c>pg_payment_id</c>.</summary>
        public string WireName { get; }

        /// <summary>The request property, e.g. <c>PaymentId</c>.</summary>
        public string MemberName { get; }

        /// <summary>The value type.</summary>
        public FieldValueType Type { get; }

        /// <summary>Whether the request needs it.</summary>
        public bool Required { get; }

        /// <summary>The spec's description, if any.</summary>
        public string? Description { get; }

        /// <summary>The wire values of an enum field; empty otherwise.</summary>
        public IReadOnlyList<string> AllowedValues { get; }

        /// <summary>The wire format of a date-time field.</summary>
        public string? Format { get; }
    }

    /// <summary>
    /// An operation as the spec describes it, and a way to send it from text values keyed by wire name. Generated
    /// per operation (e.g. <c>MobileBalanceClient.PayInfo</c>); tools build commands and forms from it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public sealed class OperationInfo
    {
        private readonly Func<FreedomPayConnection, FieldValues, CancellationToken, Task<FreedomPayResponse>> _send;

        /// <summary>Describes an operation (called by generated code).</summary>
        public OperationInfo(OperationDescriptor descriptor, string? summary, IReadOnlyList<FieldInfo> fields, Func<FreedomPayConnection, FieldValues, CancellationToken, Task<FreedomPayResponse>> send)
        {
            Descriptor = descriptor;
            Summary = summary;
            Fields = fields;
            _send = send;
        }

        /// <summary>Where and how the operation is sent.</summary>
        public OperationDescriptor Descriptor { get; }

        /// <summary>The spec's summary, if any.</summary>
        public string? Summary { get; }

        /// <summary>The fields the caller provides (not those the client fills itself).</summary>
        public IReadOnlyList<FieldInfo> Fields { get; }

        /// <summary>Builds the typed request from text values (keyed by wire name) and sends it.</summary>
        /// <exception cref="FreedomPayValidationException">A value is missing, malformed or breaks a rule; nothing was sent.</exception>
        public Task<FreedomPayResponse> SendAsync(FreedomPayConnection connection, FieldValues values, CancellationToken cancellationToken = default) =>
            _send(connection ?? throw new ArgumentNullException(nameof(connection)), values ?? throw new ArgumentNullException(nameof(values)), cancellationToken);
    }
}
