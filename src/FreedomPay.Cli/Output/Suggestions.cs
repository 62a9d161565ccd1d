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

            // The generator's own "did you mean" (the same edit distance its diagnostics use for spec keys).
            return FreedomPay.Generator.Binding.Naming.Suggest(typed, names.Where(name => !string.Equals(name, typed, StringComparison.Ordinal)));
        }
    }
}
