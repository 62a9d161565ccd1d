using System;
using System.Globalization;
using System.Text.RegularExpressions;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Binding
{
    /// <summary>Validation rules of request fields: lengths, bounds, patterns, and the combinations that cannot hold.</summary>
    internal sealed partial class SpecBinder
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> PatternProblems = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        private ConstraintModel BindConstraints(MappingReader reader, FieldType type, string wire)
        {
            int? minLength = reader.Int("min-length");
            int? maxLength = reader.Int("max-length");
            decimal? min = reader.Decimal("min");
            decimal? max = reader.Decimal("max");
            string? pattern = reader.String("pattern");
            int? scale = reader.Int("scale");

            void NotFor(string key, string appliesTo)
            {
                if (reader.Has(key))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, wire, $"'{key}' applies to {appliesTo} only, and this field is {type.ToString().ToLowerInvariant()}");
                }
            }

            if (type != FieldType.String)
            {
                NotFor("min-length", "strings");
                NotFor("max-length", "strings");
                NotFor("pattern", "strings");
                minLength = maxLength = null;
                pattern = null;
            }

            if (type != FieldType.Integer && type != FieldType.Decimal)
            {
                NotFor("min", "integer and decimal values");
                NotFor("max", "integer and decimal values");
                min = max = null;
            }

            if (type != FieldType.Decimal)
            {
                NotFor("scale", "decimal values");
                scale = null;
            }
            else if (scale is < 0 or > 28)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("scale")!.Span, wire, $"scale {scale} is not a number of decimal places from 0 to 28");
                scale = null;
            }
            else if (scale is { } places)
            {
                foreach (var (key, value) in new[] { ("min", min), ("max", max) })
                {
                    if (value is { } v && decimal.Round(v, places) != v)
                    {
                        _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node(key)!.Span, wire, $"{key} {Invariant(v)} has more than the {places} decimal places 'scale' allows");
                    }
                }
            }

            if (minLength > maxLength)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("min-length")!.Span, wire, $"min-length {minLength} is greater than max-length {maxLength}");
            }

            if (maxLength == 0)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("max-length")!.Span, wire, "max-length 0 allows no value at all");
            }

            if (min > max)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("min")!.Span, wire, $"min {Invariant(min)} is greater than max {Invariant(max)}");
            }

            if (type == FieldType.Integer)
            {
                foreach (var (key, value) in new[] { ("min", min), ("max", max) })
                {
                    if (value is { } v && (decimal.Truncate(v) != v || v > long.MaxValue || v < long.MinValue))
                    {
                        _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node(key)!.Span, wire, $"{key} {Invariant(v)} is not a whole number, but the field is an integer");
                    }
                }
            }

            if (pattern is not null && PatternProblem(pattern) is { } problem)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("pattern")!.Span, wire, "the pattern is not a valid regular expression: " + problem);
            }

            return new ConstraintModel(minLength, maxLength, Invariant(min), Invariant(max), pattern, scale);
        }

        private static string? Invariant(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

        /// <summary>
        /// Why a pattern does not parse, or null. Parsing a regex costs more than binding the rest of an operation, and
        /// specs repeat a few patterns many times: the answer is kept per pattern text for the process.
        /// </summary>
        private static string? PatternProblem(string pattern) => PatternProblems.GetOrAdd(pattern, p =>
        {
            try
            {
                _ = new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                return string.Empty;
            }
            catch (ArgumentException ex)
            {
                return ex.Message;
            }
        }) is { Length: > 0 } message ? message : null;
    }
}
