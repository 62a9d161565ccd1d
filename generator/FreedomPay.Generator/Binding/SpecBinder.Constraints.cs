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
            var written = new Rules(reader.Int("min-length"), reader.Int("max-length"), reader.Decimal("min"), reader.Decimal("max"), reader.String("pattern"), reader.Int("scale"), BindCheck(reader, wire));
            Rules rules = CheckScale(reader, wire, type, DropMisplaced(reader, type, wire, written));
            CheckBounds(reader, type, wire, rules);
            return new ConstraintModel(rules.MinLength, rules.MaxLength, Invariant(rules.Min), Invariant(rules.Max), rules.Pattern, rules.Scale, rules.Check);
        }

        /// <summary>A field's rules as written, before they are checked.</summary>
        private readonly record struct Rules(int? MinLength, int? MaxLength, decimal? Min, decimal? Max, string? Pattern, int? Scale, string? Check);

        /// <summary><c>check: luhn</c> (a card number's check digit); any other word is FPG0016.</summary>
        private string? BindCheck(MappingReader reader, string wire)
        {
            if (reader.String("check") is not { } check)
            {
                return null;
            }

            if (check != "luhn")
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("check")!.Span, check, "check", "the only check is 'luhn' (a card number's check digit)");
                return null;
            }

            return check;
        }

        /// <summary>Reports and drops the rules that do not apply to the field's type (lengths to non-strings, bounds to non-numbers...).</summary>
        private Rules DropMisplaced(MappingReader reader, FieldType type, string wire, Rules rules)
        {
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
                NotFor("check", "strings");
                rules = rules with { MinLength = null, MaxLength = null, Pattern = null, Check = null };
            }

            if (type != FieldType.Integer && type != FieldType.Decimal)
            {
                NotFor("min", "integer and decimal values");
                NotFor("max", "integer and decimal values");
                rules = rules with { Min = null, Max = null };
            }

            if (type != FieldType.Decimal)
            {
                NotFor("scale", "decimal values");
                rules = rules with { Scale = null };
            }

            return rules;
        }

        /// <summary>A decimal's scale is 0 to 28 places, and its bounds have no more places than it allows.</summary>
        private Rules CheckScale(MappingReader reader, string wire, FieldType type, Rules rules)
        {
            if (type != FieldType.Decimal || rules.Scale is not { } places)
            {
                return rules;
            }

            if (places is < 0 or > 28)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("scale")!.Span, wire, $"scale {places} is not a number of decimal places from 0 to 28");
                return rules with { Scale = null };
            }

            foreach (var (key, value) in new[] { ("min", rules.Min), ("max", rules.Max) })
            {
                if (value is { } v && decimal.Round(v, places) != v)
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node(key)!.Span, wire, $"{key} {Invariant(v)} has more than the {places} decimal places 'scale' allows");
                }
            }

            return rules;
        }

        /// <summary>Reports rules that no value could meet: crossed bounds, an empty length, an integer's fractional bound, a bad pattern.</summary>
        private void CheckBounds(MappingReader reader, FieldType type, string wire, Rules rules)
        {
            if (rules.MinLength > rules.MaxLength)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("min-length")!.Span, wire, $"min-length {rules.MinLength} is greater than max-length {rules.MaxLength}");
            }

            if (rules.MaxLength == 0)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("max-length")!.Span, wire, "max-length 0 allows no value at all");
            }

            if (rules.Min > rules.Max)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("min")!.Span, wire, $"min {Invariant(rules.Min)} is greater than max {Invariant(rules.Max)}");
            }

            if (type == FieldType.Integer)
            {
                foreach (var (key, value) in new[] { ("min", rules.Min), ("max", rules.Max) })
                {
                    if (value is { } v && (decimal.Truncate(v) != v || v > long.MaxValue || v < long.MinValue))
                    {
                        _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node(key)!.Span, wire, $"{key} {Invariant(v)} is not a whole number, but the field is an integer");
                    }
                }
            }

            if (rules.Pattern is { } pattern && PatternProblem(pattern) is { } problem)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Node("pattern")!.Span, wire, "the pattern is not a valid regular expression: " + problem);
            }
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
