using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>Doc comment lines from spec text: summaries, remarks, the note on what the public docs do not confirm.</summary>
    internal static class DocText
    {
        /// <summary>Doc from spec text (its first paragraph is the summary, or <paramref name="fallback"/>) plus remarks.</summary>
        public static List<string> FromSpec(string? specText, string fallback, params string?[] remarks) =>
            FromSpec(specText, fallback, (IEnumerable<string?>)remarks);

        public static List<string> FromSpec(string? specText, string fallback, IEnumerable<string?> remarks)
        {
            List<string> paragraphs = CSharpText.Paragraphs(specText);
            string summary = paragraphs.Count > 0 ? paragraphs[0] : fallback;
            return CSharpText.Doc(new[] { summary }, paragraphs.Skip(1).Concat(remarks));
        }

        /// <summary>
        /// The doc of a field or element: the spec's description with <paramref name="facts"/> (wire name, rules) as a
        /// remark, or, without a description, the facts alone as the summary.
        /// </summary>
        public static List<string> Member(string? description, string facts, string? unverified) => string.IsNullOrWhiteSpace(description)
            ? CSharpText.Doc(facts, unverified)
            : FromSpec(description, facts, facts, unverified);

        public static string? Unverified(bool verified, string? note) => verified
            ? (note is null ? null : CSharpText.XmlEscape(Upper(note)))
            : "Not confirmed by the public FreedomPay documentation" + (note is null ? "." : ": " + CSharpText.XmlEscape(note));

        public static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text.Substring(1) : text;

        private static string Upper(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
    }

    /// <summary>C# spellings of the spec's value types.</summary>
    internal static class TypeNames
    {
        /// <param name="dateOnly">Whether the framework has <c>System.DateOnly</c> (a date's C# type; <c>DateTime</c> otherwise).</param>
        public static string Scalar(FieldType type, string? enumType, bool dateOnly) => type switch
        {
            FieldType.Date => dateOnly ? "global::System.DateOnly" : "global::System.DateTime",
            FieldType.String => "string",
            FieldType.Integer => "long",
            FieldType.Decimal => "decimal",
            FieldType.Boolean => "bool",
            FieldType.DateTime => "global::System.DateTime",
            FieldType.DateTimeOffset => "global::System.DateTimeOffset",
            FieldType.Enum => enumType!,
            _ => "string",
        };
    }
}
