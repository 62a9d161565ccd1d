using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;

namespace FreedomPay.Cli.Output
{
    /// <summary>"Did you mean": the option or command closest to a mistyped word, within a small edit distance.</summary>
    internal static class Suggestions
    {
        /// <summary>The closest name the command (and its parents' recursive options) knows, or null when none is close.</summary>
        public static string? For(string typed, Command command)
        {
            var names = new List<string>();
            names.AddRange(command.Subcommands.Select(c => c.Name));
            foreach (Option option in command.Options)
            {
                names.Add(option.Name);
                names.AddRange(option.Aliases);
            }

            for (Command? parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
            {
                names.AddRange(parent.Options.Where(o => o.Recursive).Select(o => o.Name));
            }

            int allowed = Math.Max(2, typed.Length / 3);
            return names
                .Where(name => !string.Equals(name, typed, StringComparison.Ordinal))
                .Select(name => (Name: name, Distance: Distance(typed, name)))
                .Where(c => c.Distance <= allowed)
                .OrderBy(c => c.Distance)
                .ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => c.Name)
                .FirstOrDefault();
        }

        /// <summary>Levenshtein distance (two rows: the words are command-line tokens, short).</summary>
        internal static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
