using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// A list or nested object of a request on the command line: one option value per item, its fields written as a
    /// query string (<c>--receipt-positions "count=2&amp;name=Mouse pad&amp;price=750"</c>, repeated for each item),
    /// turned into the form names the runtime reads (<c>pg_receipt_positions[0][count]</c>).
    /// </summary>
    internal static class NestedOption
    {
        public static Option For(RequestField field)
        {
            string keys = string.Join(", ", field.Items!.CallerFields.Select(f => f.WireName));
            string name = "--" + Naming.Kebab(field.MemberName);
            string description = (field.Description is null ? string.Empty : field.Description + " ")
                + (field.Kind == FieldKind.List ? "Repeat for each item: " : "The object: ") + $"key=value&key=value with keys {keys}. [{field.WireName}]";
            return field.Kind == FieldKind.List
                ? new Option<string[]>(name) { Description = description, Required = field.Required, HelpName = "key=value&...", AllowMultipleArgumentsPerToken = false }
                : new Option<string>(name) { Description = description, Required = field.Required, HelpName = "key=value&..." };
        }

        /// <summary>The option's values: one per item of a list, the one of an object.</summary>
        public static string[]? Values(Option option, ParseResult parse) => option is Option<string[]> list
            ? parse.GetValue(list)
            : parse.GetValue((Option<string>)option) is { } one ? new[] { one } : null;

        /// <summary>Adds <c>wire[i][key]</c> (a list) or <c>wire[key]</c> (an object) for each key=value pair.</summary>
        public static void AddValues(RequestField field, string[]? items, Dictionary<string, string> values)
        {
            if (items is null)
            {
                return;
            }

            for (int i = 0; i < items.Length; i++)
            {
                string prefix = field.Kind == FieldKind.List ? $"{field.WireName}[{i.ToString(CultureInfo.InvariantCulture)}]" : field.WireName;
                foreach (string pair in items[i].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    int equals = pair.IndexOf('=', StringComparison.Ordinal);
                    string key = equals < 0 ? pair : pair[..equals];
                    values[$"{prefix}[{key.Trim()}]"] = equals < 0 ? string.Empty : pair[(equals + 1)..];
                }
            }
        }
    }
}
