using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Commands;
using FreedomPay.Cli.Specs;

namespace FreedomPay.Cli
{
    /// <summary>The freedompay command line: builds the command tree and runs it against an environment.</summary>
    internal static class FreedomPayCli
    {
        public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
        {
            IReadOnlyList<AreaEntry>? ownAreas = SpecOption.Load(SpecOption.Paths(args), environment);
            if (ownAreas is null)
            {
                environment.Error.WriteLine("error: the spec has errors (above, at their line and column); nothing was run.");
                return ExitCodes.Usage;
            }

            RootCommand root = Build(environment, ownAreas);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    environment.Error.WriteLine("error: " + error.Message + DidYouMean(error.Message, parse.CommandResult.Command));
                }

                environment.Error.WriteLine($"Run '{CommandPath(parse.CommandResult)} --help' for usage.");
                return ExitCodes.Usage;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>" Did you mean '--amount'?" for an unrecognized word close to a known option or command; empty otherwise.</summary>
        private static string DidYouMean(string message, Command command)
        {
            const string Unrecognized = "Unrecognized command or argument '";
            if (!message.StartsWith(Unrecognized, StringComparison.Ordinal) || !message.EndsWith("'.", StringComparison.Ordinal))
            {
                return string.Empty;
            }

            string typed = message.Substring(Unrecognized.Length, message.Length - Unrecognized.Length - 2);
            return Output.Suggestions.For(typed, command) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;
        }

        /// <summary>The full command as typed, e.g. <c>freedompay mobile-balance init</c> (not the last word alone).</summary>
        private static string CommandPath(CommandResult command)
        {
            var names = new List<string>();
            for (SymbolResult? result = command; result is CommandResult current; result = current.Parent)
            {
                names.Insert(0, current.Parent is null ? "freedompay" : current.Command.Name);
            }

            return string.Join(" ", names);
        }

        /// <param name="environment">Where output goes.</param>
        /// <param name="ownAreas">Areas read from <c>--spec</c> files: commands of their own, and served by the sandbox.</param>
        public static RootCommand Build(CliEnvironment environment, IReadOnlyList<AreaEntry>? ownAreas = null)
        {
            ownAreas ??= Array.Empty<AreaEntry>();
            var root = new RootCommand("freedompay: the FreedomPay gateway from the command line, and an embedded sandbox.");
            root.Options.Add(SpecOption.Create());
            root.Subcommands.Add(DemoCommand.Create(environment));
            root.Subcommands.Add(SandboxCommand.Create(environment, ownAreas));
            // A --spec area named like a packaged one is the user's own description of it: it takes the packaged one's place.
            List<AreaEntry> areas = AreaCatalog.All.Where(packaged => !ownAreas.Any(own => own.Name == packaged.Name)).Concat(ownAreas).ToList();
            root.Subcommands.Add(Verify.VerifyCommand.Create(environment, areas));
            foreach (AreaEntry area in areas)
            {
                root.Subcommands.Add(OperationCommands.ForArea(area, environment));
            }

            return root;
        }
    }
}
