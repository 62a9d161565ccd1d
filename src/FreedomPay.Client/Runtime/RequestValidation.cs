using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Collects the rule violations of one request (generated <c>Validate</c> methods call these checks). Messages
    /// name the field by wire and C# name and state the rule; they never repeat text values, which may be codes
    /// or phone numbers.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct RequestValidation
    {
        private List<FieldError>? _errors;

        /// <summary>The violations found so far.</summary>
        public IReadOnlyList<FieldError> Errors => (IReadOnlyList<FieldError>?)_errors ?? System.Array.Empty<FieldError>();

        /// <summary>A required text value must be present and not empty.</summary>
        public void Required(string wireName, string memberName, string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(wireName, memberName, "is required and must not be empty");
            }
        }

        /// <summary>A required value that the language could not make a required member (C# before 11).</summary>
        public void Required(string wireName, string memberName, bool isPresent)
        {
            if (!isPresent)
            {
                Add(wireName, memberName, "is required");
            }
        }

        /// <summary>Text length (in UTF-16 characters) within the bounds given.</summary>
        public void Length(string wireName, string memberName, string? value, int? min, int? max)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            int length = value!.Length;
            if (min.HasValue && length < min.Value)
            {
                Add(wireName, memberName, $"must be at least {min.Value} characters long, but has {length}");
            }

            if (max.HasValue && length > max.Value)
            {
                Add(wireName, memberName, $"must be at most {max.Value} characters long, but has {length}");
            }
        }

        /// <summary>An integer within the bounds given.</summary>
        public void Range(string wireName, string memberName, long? value, long? min, long? max)
        {
            if (value.HasValue && ((min.HasValue && value.Value < min.Value) || (max.HasValue && value.Value > max.Value)))
            {
                Add(wireName, memberName, Bounds(min?.ToString(CultureInfo.InvariantCulture), max?.ToString(CultureInfo.InvariantCulture)) + ", but is " + value.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        /// <summary>A decimal within the bounds given.</summary>
        public void Range(string wireName, string memberName, decimal? value, decimal? min, decimal? max)
        {
            if (value.HasValue && ((min.HasValue && value.Value < min.Value) || (max.HasValue && value.Value > max.Value)))
            {
                Add(wireName, memberName, Bounds(min?.ToString(CultureInfo.InvariantCulture), max?.ToString(CultureInfo.InvariantCulture)) + ", but is " + value.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        /// <summary>
        /// Text matching the spec's pattern. Generated code anchors it as <c>\A(?:pattern)\z</c> (the whole value, up to
        /// its true end); the message shows the spec's pattern.
        /// </summary>
        public void Pattern(string wireName, string memberName, string? value, Regex pattern)
        {
            if (!string.IsNullOrEmpty(value) && !pattern.IsMatch(value))
            {
                Add(wireName, memberName, $"must match the pattern {SpecPattern(pattern.ToString())}");
            }
        }

        private static string SpecPattern(string anchored) =>
            anchored.StartsWith(@"\A(?:", StringComparison.Ordinal) && anchored.EndsWith(@")\z", StringComparison.Ordinal)
                ? anchored.Substring(5, anchored.Length - 8)
                : anchored;

        /// <summary>An enum value that has a wire value (not Unknown, not an undefined number).</summary>
        public void Enum(string wireName, string memberName, bool isInvalid, string allowed)
        {
            if (isInvalid)
            {
                Add(wireName, memberName, "must be one of the defined values (" + allowed + ")");
            }
        }

        /// <summary>Throws one exception listing every violation, if there are any.</summary>
        public void ThrowIfInvalid(string operation)
        {
            if (_errors is not null)
            {
                throw new FreedomPayValidationException(operation, _errors);
            }
        }

        private void Add(string wireName, string memberName, string rule) =>
            (_errors ??= new List<FieldError>()).Add(new FieldError(wireName, memberName, rule));

        private static string Bounds(string? min, string? max) =>
            min is null ? $"must be at most {max}" : max is null ? $"must be at least {min}" : $"must be between {min} and {max}";
    }
}
