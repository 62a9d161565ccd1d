using System;
using System.Threading;
using FreedomPay.Cli;

// The freedompay tool. Everything testable lives in FreedomPayCli; this only connects it to the process.
return await FreedomPayCli.RunAsync(args, new CliEnvironment(Console.Out, Console.Error, Environment.GetEnvironmentVariable, ErrorIsTerminal: !Console.IsErrorRedirected), CancellationToken.None);
