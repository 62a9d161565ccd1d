using System;
using System.Collections.Generic;
using System.CommandLine;
using FreedomPay.Cli.Commands;

namespace FreedomPay.Cli.Specs
{
    /// <summary>
    /// <c>--spec path.yaml</c> (repeatable, any position): areas described in YAML of one's own, added to the
    /// operation commands and served by <c>freedompay sandbox</c>. The files are read before the command tree is
    /// built, because their operations become commands.
    /// </summary>
    internal static class SpecOption
    {
        public const string Name = "--spec";

        /// <summary>The option as the parser sees it (on every command), for help and so that it is accepted.</summary>
        public static Option<string[]> Create() => new Option<string[]>(Name)
        {
            Description = "A spec file of your own (YAML, as spec/README.md describes): its operations become commands and `sandbox` serves them. Repeatable.",
            Recursive = true,
            HelpName = "path.yaml",
        };

        /// <summary>The paths given, found before parsing: <c>--spec a.yaml</c> and <c>--spec=a.yaml</c>.</summary>
        public static IReadOnlyList<string> Paths(string[] args)
        {
            var paths = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--")
                {
                    break;
                }

                if (args[i] == Name && i + 1 < args.Length)
                {
                    paths.Add(args[++i]);
                }
                else if (args[i].StartsWith(Name + "=", StringComparison.Ordinal))
                {
                    paths.Add(args[i].Substring(Name.Length + 1));
                }
            }

            return paths;
        }

        /// <summary>Loads every spec; null (with the diagnostics printed) when any is wrong.</summary>
        public static IReadOnlyList<AreaEntry>? Load(IReadOnlyList<string> paths, CliEnvironment environment)
        {
            var areas = new List<AreaEntry>();
            bool failed = false;
            foreach (string path in paths)
            {
                var (area, diagnostics) = SpecLoader.Load(path);
                foreach (string diagnostic in diagnostics)
                {
                    environment.Error.WriteLine(diagnostic);
                }

                if (area is null)
                {
                    failed = true;
                }
                else
                {
                    areas.Add(area);
                }
            }

            return failed ? null : areas;
        }
    }
}
