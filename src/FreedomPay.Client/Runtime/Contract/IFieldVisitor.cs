using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Receives a request's values, each with the index of its <see cref="RequestField"/> in the request's
    /// <see cref="RequestFieldTable"/>. The runtime's visitors validate, write, describe and find the payment id;
    /// they are structs, so visiting neither boxes values nor allocates.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public interface IFieldVisitor
    {
        /// <summary>A text value (null when not set).</summary>
        void Text(int field, string? value);

        /// <summary>A whole number (null when not set).</summary>
        void Integer(int field, long? value);

        /// <summary>A decimal (null when not set).</summary>
        void Decimal(int field, decimal? value);

        /// <summary>A flag (null when not set).</summary>
        void Boolean(int field, bool? value);

        /// <summary>A date-time (null when not set).</summary>
        void DateTime(int field, DateTime? value);

        /// <summary>A date-time with its offset from UTC (null when not set).</summary>
        void DateTimeOffset(int field, DateTimeOffset? value);

        /// <summary>
        /// The merchant's own parameters (the spec's <c>extra-params</c>): names that do not start with <c>pg_</c>, sent
        /// and signed with the described fields; null when there are none.
        /// </summary>
        void Extra(IReadOnlyDictionary<string, string>? values);

        /// <summary>A list of items (null when not set), each with its own fields; an item may be null only by mistake.</summary>
        void List(int field, IReadOnlyList<FreedomPayRequestPart?>? items);

        /// <summary>A nested object with its own fields (null when not set).</summary>
        void Object(int field, FreedomPayRequestPart? value);

        /// <summary>An enum value as its number: 1, 2, ... are the field's <see cref="RequestField.AllowedValues"/>; 0 is Unknown.</summary>
        void Enum(int field, int? value);
    }
}
