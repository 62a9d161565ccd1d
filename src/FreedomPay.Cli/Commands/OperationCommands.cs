using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// One command per API area and one subcommand per operation, built from the generated catalog: options named
    /// after the request properties (kebab-case), required and typed as the spec says, help from its descriptions.
    /// </summary>
    internal static class OperationCommands
    {
        public static Command ForArea(AreaEntry area, CliEnvironment environment)
        {
            string article = "AEIOUaeiou".IndexOf(area.Name[0]) >= 0 ? "an" : "a";
            string? secretName = area.Operations.Count == 0 ? null : area.Operations[0].Descriptor.SecretName;
            string keys = secretName is null ? string.Empty : $", its '{secretName}' key from ${ConnectionOptions.NamedKeyVariable(secretName)}";
            var connection = new ConnectionOptions(secretName);
            var command = new Command(Naming.Kebab(area.Name), $"Call {article} {area.Name} operation (credentials from ${ConnectionOptions.MerchantVariable} and ${ConnectionOptions.SecretVariable}{keys}).");
            connection.AddTo(command);
            foreach (OperationInfo operation in area.Operations)
            {
                command.Subcommands.Add(ForOperation(area, operation, connection, environment));
            }

            return command;
        }

        private static Command ForOperation(AreaEntry area, OperationInfo operation, ConnectionOptions connection, CliEnvironment environment)
        {
            var command = new Command(Naming.Kebab(operation.Descriptor.Name), operation.Summary ?? operation.Descriptor.Name);
            var fields = new List<(RequestField Field, Option Option)>();
            foreach (RequestField field in operation.Fields.CallerFields)
            {
                Option option = field.Kind switch
                {
                    FieldKind.Boolean => Flag(field),
                    FieldKind.List or FieldKind.Object => NestedOption.For(field),
                    _ => Valued(field),
                };
                command.Options.Add(option);
                fields.Add((field, option));
            }

            command.SetAction((parse, cancellationToken) => RunAsync(area, operation, fields, connection, parse, environment, cancellationToken));
            return command;
        }

        /// <summary>
        /// A status the spec does not list (Unknown in the typed API) is never a success for a call that moves money:
        /// the payment may not have happened. The reply is printed; the exit code says to check the status.
        /// </summary>
        private static int UnknownStatusOf(OperationInfo operation, FreedomPayResponse response, CliEnvironment environment)
        {
            OperationDescriptor descriptor = operation.Descriptor;
            string? status = response.Raw.Root.GetString(descriptor.Errors.StatusElement);
            if (descriptor.SafeToRetry || descriptor.IsKnownStatus(status))
            {
                return ExitCodes.Success;
            }

            environment.Error.WriteLine($"error: {descriptor.Errors.StatusElement} '{status}' is not a status this client knows ({string.Join(", ", descriptor.StatusValues!)}): treat the payment as not paid and check its status before doing anything else.");
            return ExitCodes.UnknownStatus;
        }

        private static Option Valued(RequestField field)
        {
            var option = new Option<string>("--" + Naming.Kebab(field.MemberName))
            {
                Description = Describe(field),
                Required = field.Required,
                HelpName = field.Kind switch
                {
                    FieldKind.Integer => "integer",
                    FieldKind.Decimal => "decimal",
                    FieldKind.DateTime or FieldKind.DateTimeOffset => field.Format ?? "date-time",
                    FieldKind.Enum => "value",
                    _ => "text",
                },
            };
            if (field.Kind == FieldKind.Enum)
            {
                // The values in --help, next to the option (short lists) or after its description (long ones).
                option.AcceptOnlyFromAmong(field.AllowedValues.ToArray());
                string values = string.Join("|", field.AllowedValues);
                if (values.Length <= 32)
                {
                    option.HelpName = values;
                }
                else
                {
                    option.Description += " One of: " + string.Join(", ", field.AllowedValues) + ".";
                }
            }

            return option;
        }

        private static Option Flag(RequestField field) => new Option<bool>("--" + Naming.Kebab(field.MemberName))
        {
            Description = Describe(field) + " A flag: sent as 1 when given.",
            Required = field.Required,
        };

        private static string Describe(RequestField field) =>
            (field.Description is null ? string.Empty : field.Description + " ") + $"[{field.WireName}]";

        private static async Task<int> RunAsync(
            AreaEntry area,
            OperationInfo operation,
            IReadOnlyList<(RequestField Field, Option Option)> fields,
            ConnectionOptions connection,
            ParseResult parse,
            CliEnvironment environment,
            CancellationToken cancellationToken)
        {
            try
            {
                var values = new Dictionary<string, string>();
                foreach (var (field, option) in fields)
                {
                    if (parse.GetResult(option) is null)
                    {
                        continue;
                    }

                    if (field.Kind is FieldKind.List or FieldKind.Object)
                    {
                        NestedOption.AddValues(field, NestedOption.Values(option, parse), values);
                        continue;
                    }

                    values[field.WireName] = option is Option<bool> flag
                        ? (parse.GetValue(flag) ? "1" : "0")
                        : parse.GetValue((Option<string>)option) ?? string.Empty;
                }

                using FreedomPayClient client = connection.CreateClient(parse, environment, area.DefaultServer, operation.Fields);
                FreedomPayResponse response;
                using (WaitingIndicator.Start(environment, operation.Descriptor.DisplayName))
                {
                    response = await operation.SendAsync(client.Connection, values, cancellationToken).ConfigureAwait(false);
                }

                ReplyPrinter.Print(response.Raw, operation.Descriptor, parse.GetValue(connection.Json), environment.Out);
                return UnknownStatusOf(operation, response, environment);
            }
            catch (System.Exception ex)
            {
                if (parse.GetValue(connection.Json) && ex is FreedomPayException failure)
                {
                    // A script asked for JSON: the failure as a JSON object on stdout too (the message stays on stderr).
                    ReplyPrinter.PrintError(failure, environment.Out);
                }

                return ErrorReporter.Report(ex, environment.Error);
            }
        }
    }
}
