using System.Collections.Generic;
using System.Linq;

namespace FreedomPay
{
    /// <summary>One broken rule of a request field.</summary>
    /// <param name="WireName">The field's name on the wire, e.g. <c>pg_amount</c>.</param>
    /// <param name="MemberName">The request property, e.g. <c>Amount</c>.</param>
    /// <param name="Rule">What is wrong, e.g. "must be between 0.01 and 99999999, but is 0".</param>
    public sealed record FieldError(string WireName, string MemberName, string Rule)
    {
        /// <inheritdoc/>
        public override string ToString() => $"{WireName} ({MemberName}) {Rule}";
    }

    /// <summary>The request breaks rules of the API description; nothing was sent.</summary>
    public sealed class FreedomPayValidationException : FreedomPayException
    {
        /// <summary>Creates the exception for an operation and its broken rules.</summary>
        public FreedomPayValidationException(string operation, IReadOnlyList<FieldError> errors)
            : base($"The {operation} request is invalid, so nothing was sent: {string.Join("; ", errors.Select(e => e.ToString()))}. Fix the listed fields and call again.")
        {
            Operation = operation;
            Errors = errors;
        }

        /// <summary>Every broken rule.</summary>
        public IReadOnlyList<FieldError> Errors { get; }
    }
}
