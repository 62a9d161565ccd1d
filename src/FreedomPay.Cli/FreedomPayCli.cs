using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Commands;

namespace FreedomPay.Cli
{
    /// <summary>The freedompay command line: builds the command tree and runs it against an environment.</summary>
    internal static class FreedomPayCli
    {
        public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken)
        {
            RootCommand root = Build(environment);
            ParseResult parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var error in parse.Errors)
                {
                    environment.Error.WriteLine("error: " + error.Message);
                }

                environment.Error.WriteLine($"Run 'freedompay {string.Join(" ", parse.CommandResult.Command.Name == root.Name ? string.Empty : parse.CommandResult.Command.Name)} --help' for usage.".Replace("  ", " "));
                return ExitCodes.Usage;
            }

            return await parse.InvokeAsync(new InvocationConfiguration { Output = environment.Out, Error = environment.Error, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }

        public static RootCommand Build(CliEnvironment environment)
        {
            var root = new RootCommand("freedompay: the FreedomPay gateway from the command line, and an embedded sandbox.");
            root.Subcommands.Add(DemoCommand.Create(environment));
            root.Subcommands.Add(SandboxCommand.Create(environment));
            foreach (AreaEntry area in AreaCatalog.All)
            {
                root.Subcommands.Add(OperationCommands.ForArea(area, environment));
            }

            return root;
        }
    }
}
