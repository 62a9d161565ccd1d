using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Commands;
using FreedomPay.Cli.Output;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Verify
{
    /// <summary>
    /// <c>freedompay verify --plan plan.json</c>: calls the operations a plan names, with the ids the plan gives, against
    /// the gateway the credentials reach (the merchant's test server), and compares each reply with its spec. Only
    /// operations the spec marks safe to retry are called (status, list, balance, read): verify never moves money.
    /// It prints one row per departure with the spec line to edit (or <c>--json</c>) and exits 7 when there is one.
    /// </summary>
    internal static class VerifyCommand
    {
        /// <summary>The largest plan read.</summary>
        private const int MaxPlanBytes = 256 * 1024;

        public static Command Create(CliEnvironment environment, IReadOnlyList<AreaEntry> areas)
        {
            var plan = new Option<string>("--plan") { Description = "A JSON file: {\"calls\": [{\"operation\": \"Purchase.Status\", \"values\": {\"pg_payment_id\": \"123\"}}]}.", Required = true };
            var connection = new ConnectionOptions();
            var command = new Command("verify", "Call the operations a plan names (safe-to-retry ones only) and compare each reply with its spec; exit 7 on drift.") { plan };
            connection.AddTo(command);
            command.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    IReadOnlyList<PlannedCall> calls = ReadPlan(parse.GetValue(plan)!, areas);
                    var results = new List<CallResult>();
                    foreach (PlannedCall call in calls)
                    {
                        results.Add(await RunAsync(call, connection, parse, environment, cancellationToken).ConfigureAwait(false));
                    }

                    Print(results, parse.GetValue(connection.Json), environment.Out);
                    return results.Any(r => r.Drifts.Count > 0 || r.Failure is not null) ? ExitCodes.SpecDrift : ExitCodes.Success;
                }
                catch (Exception ex)
                {
                    return ErrorReporter.Report(ex, environment.Error);
                }
            });
            return command;
        }

        private sealed record PlannedCall(AreaEntry Area, OperationInfo Operation, IReadOnlyDictionary<string, string> Values);

        private sealed record CallResult(PlannedCall Call, IReadOnlyList<Drift> Drifts, string? Failure);

        private static async Task<CallResult> RunAsync(PlannedCall call, ConnectionOptions connection, ParseResult parse, CliEnvironment environment, CancellationToken cancellationToken)
        {
            using FreedomPayClient client = connection.CreateClient(parse, environment, call.Area.DefaultServer, call.Operation.Fields, call.Operation.Descriptor.SecretName);
            try
            {
                PgResponse reply = await call.Operation.SendForReplyAsync(client.Connection, call.Values, cancellationToken).ConfigureAwait(false);
                return new CallResult(call, ReplyConformance.Check(call.Operation.Descriptor, reply.Root), null);
            }
            catch (FreedomPaySignatureException ex)
            {
                return new CallResult(call, Array.Empty<Drift>(), "the reply's signature was refused: " + ex.Message);
            }
            catch (FreedomPayGatewayException ex)
            {
                return new CallResult(call, Array.Empty<Drift>(), $"the gateway refused the call (error {ex.ErrorCode}): nothing to compare; check the plan's ids and the key");
            }
            catch (FreedomPayProtocolException ex)
            {
                return new CallResult(call, Array.Empty<Drift>(), "the reply could not be read: " + ex.Message);
            }
        }

        /// <summary>The plan's calls, each an operation the tool knows and the spec marks safe to retry.</summary>
        private static IReadOnlyList<PlannedCall> ReadPlan(string path, IReadOnlyList<AreaEntry> areas)
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > MaxPlanBytes)
            {
                throw new UsageException(file.Exists ? $"The plan {path} is larger than {MaxPlanBytes / 1024} KB." : $"The plan {path} does not exist.");
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllBytes(file.FullName), new JsonDocumentOptions { MaxDepth = 8 });
            }
            catch (JsonException ex)
            {
                throw new UsageException($"The plan {path} is not JSON: {ex.Message}");
            }

            using (document)
            {
                if (!document.RootElement.TryGetProperty("calls", out JsonElement calls) || calls.ValueKind != JsonValueKind.Array)
                {
                    throw new UsageException($"The plan {path} has no \"calls\" array.");
                }

                return calls.EnumerateArray().Select((call, i) => PlannedCallOf(call, i, areas)).ToList();
            }
        }

        private static PlannedCall PlannedCallOf(JsonElement call, int index, IReadOnlyList<AreaEntry> areas)
        {
            string? name = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("operation", out JsonElement operation) && operation.ValueKind == JsonValueKind.String ? operation.GetString() : null;
            AreaEntry? area = name is null ? null : areas.FirstOrDefault(a => a.Operations.Any(o => o.Descriptor.DisplayName == name));
            OperationInfo? info = area?.Operations.First(o => o.Descriptor.DisplayName == name);
            if (area is null || info is null)
            {
                throw new UsageException($"Call {index + 1} of the plan names no operation the tool knows ('{name}'): use Area.Operation, e.g. Purchase.Status.");
            }

            if (!info.Descriptor.SafeToRetry)
            {
                throw new UsageException($"Call {index + 1}: {name} changes something (its spec does not mark it safe-to-retry), and verify never moves money.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (call.TryGetProperty("values", out JsonElement given) && given.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty value in given.EnumerateObject())
                {
                    values[value.Name] = value.Value.ValueKind == JsonValueKind.String ? value.Value.GetString()! : value.Value.GetRawText();
                }
            }

            return new PlannedCall(area, info, values);
        }

        private static void Print(IReadOnlyList<CallResult> results, bool json, TextWriter output)
        {
            var rows = results.SelectMany(r => r.Failure is { } failure
                ? new[] { new Row(r.Call.Operation.Descriptor.DisplayName, string.Empty, "not checked", failure, Line(r.Call, null)) }
                : r.Drifts.Select(d => new Row(d.Operation, d.Element, d.Kind, d.Detail, Line(r.Call, d.Element)))).ToList();
            if (json)
            {
                output.WriteLine(JsonSerializer.Serialize(rows.Select(r => new Dictionary<string, string?> { ["operation"] = r.Operation, ["element"] = r.Element, ["drift"] = r.Kind, ["detail"] = r.Detail, ["spec"] = r.Spec }).ToList()));
                return;
            }

            foreach (CallResult result in results.Where(r => r.Failure is null && r.Drifts.Count == 0))
            {
                output.WriteLine($"ok     {result.Call.Operation.Descriptor.DisplayName}: the reply is as its spec describes it");
            }

            foreach (Row row in rows)
            {
                output.WriteLine($"DRIFT  {row.Operation}  {row.Element}  {row.Kind}: {row.Detail}  ({row.Spec})");
            }

            output.WriteLine(rows.Count == 0 ? "verify: no drift" : $"verify: {rows.Count} departure(s) from the spec");
        }

        private sealed record Row(string Operation, string Element, string Kind, string Detail, string Spec);

        /// <summary>"spec/freedompay.purchase.yaml:412", or the area when its YAML is not at hand.</summary>
        private static string Line(PlannedCall call, string? element)
        {
            AreaEntry area = AreaCatalog.WithSpec(call.Area);
            if (area.SpecFile is not { } file || area.SpecText is not { } text)
            {
                return "spec of area " + call.Area.Name;
            }

            return SpecLines.Find(text, call.Operation.Descriptor.Name, element ?? string.Empty) is { } line ? file + ":" + line : file;
        }
    }
}
