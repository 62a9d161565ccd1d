using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    internal sealed partial class SpecBinder
    {
        private static readonly string[] OperationKeys =
        {
            "method", "path", "summary", "description", "source", "safe-to-retry", "timeout", "signature-script", "verified", "note",
            "defaults", "constants", "request", "response", "one-of", "required-unless", "card-expiry", "idempotent", "extra-params", "kind", "headers", "deprecated",
        };

        private static readonly string[] ResponseKeys = { "signed", "elements", "verified", "note", "browser-step" };

        private EquatableArray<OperationModel> BindOperations(MappingReader root)
        {
            YMapping? mapping = root.MappingValue("operations", required: true);
            if (mapping is null)
            {
                return EquatableArray<OperationModel>.Empty;
            }

            var names = new MappingReader(_context, mapping, "'operations'", root.Entry("operations")!.Key.Span, knownKeys: null);
            var operations = new List<OperationModel>();
            foreach (YEntry entry in mapping.Entries)
            {
                if (names.Entry(entry.Key.Value) != entry)
                {
                    continue; // a duplicate operation name, already reported
                }

                if (entry.Value is not YMapping operationMapping)
                {
                    names.ReportWrongType(entry.Key.Value, entry.Value, "a mapping describing the operation");
                    continue;
                }

                OperationModel? operation = BindOperation(entry.Key, operationMapping);
                if (operation is not null)
                {
                    operations.Add(operation);
                }
            }

            if (mapping.Entries.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.MissingKey, root.Entry("operations")!.Key.Span, "'operations'", "at least one operation");
            }

            return operations.ToEquatableArray();
        }

        private OperationModel? BindOperation(YScalar nameNode, YMapping mapping)
        {
            string name = nameNode.Value;
            string where = $"operation '{name}'";
            var reader = new MappingReader(_context, mapping, where, nameNode.Span, OperationKeys);
            bool nameOk = CheckName(name, where, nameNode.Span);
            if (nameOk)
            {
                ClaimTypeName(name + "Request", "the request of " + where, nameNode.Span, "rename the operation, or the other type");
                ClaimTypeName(name + "Response", "the response of " + where, nameNode.Span, "rename the operation, or the other type");
            }

            string method = BindMethod(reader, name);
            (string? path, string? pathProblem, string scriptName) = BindPath(reader, name);
            decimal? timeout = BindTimeout(reader);
            string? summary = reader.String("summary");
            string? description = reader.String("description");
            if (summary is null && description is null)
            {
                _context.Report(DiagnosticDescriptors.MissingDescription, nameNode.Span, name);
            }

            var members = new MemberNames(_context, name + "Request", RequestReserved);
            EquatableArray<ConstantModel> constants = BindConstants(reader, members, name);
            EquatableArray<RequestFieldModel> request = BindRequest(reader, name, members);
            CheckSignatureFields(request, reader, name, nameNode.Span);
            CheckPostedNames(request, reader, name, nameNode.Span);
            EquatableArray<FieldGroupModel> groups = BindGroups(reader, request, name);
            if (pathProblem is null && path is not null)
            {
                CheckPathParameters(path, reader.Node("path")!.Span, request, name);
            }
            bool redirect = BindKind(reader, name);
            CheckJsonOperation(reader, name, request, redirect);
            EquatableArray<HeaderModel> headers = BindHeaders(reader, name);
            ResponseModel response = BindResponse(reader, name);

            if (!nameOk || path is null || pathProblem is not null)
            {
                return null;
            }

            return new OperationModel(
                Name: name,
                HttpMethod: method,
                Path: path.TrimStart('/'),
                Summary: summary,
                Description: description,
                SafeToRetry: reader.Bool("safe-to-retry", false),
                TimeoutMilliseconds: timeout is { } t ? (int)decimal.Round(t * 1000) : null,
                ScriptName: scriptName,
                Verified: reader.Bool("verified", true),
                Note: reader.String("note"),
                Source: reader.String("source"),
                Constants: constants,
                Request: request,
                Response: response,
                Groups: groups,
                ExtraParams: reader.Bool("extra-params", false),
                IsRedirect: redirect,
                Headers: headers,
                Deprecated: BindDeprecated(reader, $"operation '{name}'"),
                Idempotent: BindIdempotent(reader, headers, request));
        }

        /// <summary>
        /// <c>idempotent: request-id</c>: the gateway deduplicates the call by its request id, so the client may send it
        /// again under the same id. Needs a header the client fills with the id (<c>fill: request-id</c>).
        /// </summary>
        private bool BindIdempotent(MappingReader reader, EquatableArray<HeaderModel> headers, EquatableArray<RequestFieldModel> request)
        {
            if (reader.String("idempotent") is not { } by)
            {
                return false;
            }

            if (by != "request-id")
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("idempotent")!.Span, by, "idempotent", "the gateway deduplicates by its request id: write 'request-id'");
                return false;
            }

            if (!headers.Any(h => h.Source == HeaderSource.RequestId) && !request.Any(f => f.Fill == FillKind.RequestId))
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry("idempotent")!.Key.Span, "idempotent", "the call has no request id to repeat: add a header or a body field filled with one ('X-Request-Id: { fill: request-id }', 'request_id: { fill: request-id }')");
                return false;
            }

            return true;
        }

        /// <summary><c>method:</c>, POST by default; anything but POST and GET is reported.</summary>
        private string BindMethod(MappingReader reader, string name)
        {
            string method = (reader.String("method") ?? "POST").ToUpperInvariant();
            if (method != "POST" && method != "GET")
            {
                _context.Report(DiagnosticDescriptors.InvalidMethod, reader.Node("method")!.Span, reader.String("method")!, name);
            }

            return method;
        }

        /// <summary>
        /// <c>path:</c> (null when missing, with the problem that makes it unusable) and the script name that opens the
        /// signed text: <c>signature-script:</c>, or the path's last literal segment.
        /// </summary>
        private (string? Path, string? Problem, string ScriptName) BindPath(MappingReader reader, string name)
        {
            string? path = reader.String("path", required: true);
            string? problem = path is null ? null : CheckPath(path);
            if (problem is not null)
            {
                _context.Report(DiagnosticDescriptors.InvalidPath, reader.Node("path")!.Span, path!, name, problem);
            }

            string relativePath = path is null ? string.Empty : path.TrimStart('/');
            string scriptName = reader.String("signature-script") ?? relativePath.Split('/').LastOrDefault(IsLiteral) ?? string.Empty;
            if (reader.Has("signature-script") && (scriptName.Length == 0 || scriptName.Contains("/") || scriptName.Contains(";")))
            {
                _context.Report(DiagnosticDescriptors.SignatureRule, reader.Node("signature-script")!.Span, name, $"signature-script '{scriptName}' must be a script name such as 'pay' or 'init_payment.php' (no '/' or ';')");
            }

            return (path, problem, scriptName);
        }

        /// <summary><c>timeout:</c> in seconds, more than 0 and at most 600 (null, reported, otherwise).</summary>
        private decimal? BindTimeout(MappingReader reader)
        {
            decimal? timeout = reader.Decimal("timeout");
            if (timeout is { } seconds && (seconds <= 0 || seconds > 600))
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, reader.Node("timeout")!.Span, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "timeout", "give the seconds to wait for a reply, more than 0 and at most 600");
                return null;
            }

            return timeout;
        }

        /// <summary>
        /// <c>kind: call</c> (the default: a request with a reply) or <c>kind: redirect</c> (the signed address the
        /// buyer's browser goes to; nothing is sent, so there is no reply to describe and nothing to retry or wait for).
        /// </summary>
        private bool BindKind(MappingReader reader, string name)
        {
            string? kind = reader.String("kind");
            if (kind is null or "call")
            {
                return false;
            }

            if (kind != "redirect")
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("kind")!.Span, kind, "kind", "use 'call' (a request with a reply, the default) or 'redirect' (a signed address for the buyer's browser)");
                return false;
            }

            foreach (string key in new[] { "response", "safe-to-retry", "timeout" })
            {
                if (reader.Has(key))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, reader.Entry(key)!.Key.Span, name, $"'{key}' does not apply to a redirect operation: the client sends nothing, the buyer's browser goes to the address");
                }
            }

            return true;
        }

        /// <summary>The merchant id from the client's options: <c>/v1/merchant/{merchant-id}/card/init</c>.</summary>
        private const string MerchantIdParameter = "merchant-id";

        private static bool IsLiteral(string segment) => segment.Length > 0 && !segment.StartsWith("{", StringComparison.Ordinal);

        /// <summary>A field parameter names a required caller field (its value goes into the path instead of the body).</summary>
        private void CheckPathParameters(string path, SourceSpan span, EquatableArray<RequestFieldModel> request, string operationName)
        {
            foreach (string segment in path.Split('/').Where(s => s.StartsWith("{", StringComparison.Ordinal)))
            {
                string name = segment.Substring(1, segment.Length - 2);
                if (name == MerchantIdParameter)
                {
                    continue;
                }

                RequestFieldModel? field = request.FirstOrDefault(f => f.WireName == name && f.Fill == FillKind.None);
                if (field is null)
                {
                    string? suggestion = Naming.Suggest(name, request.Where(f => f.Fill == FillKind.None).Select(f => f.WireName).Concat(new[] { MerchantIdParameter }));
                    _context.Report(DiagnosticDescriptors.UnknownFieldReference, span, name, $"the path of operation '{operationName}' (parameters are {{{MerchantIdParameter}}} or request fields)", suggestion is null ? $"; add it under 'request:' (it becomes a required field whose value goes into the path)" : $"; did you mean '{suggestion}'?");
                }
                else if (!field.Required)
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, span, name, "a path parameter must be 'required: true' (a path has no empty segments)");
                }
            }
        }

        private static string? CheckPath(string path)
        {
            if (!path.StartsWith("/", StringComparison.Ordinal))
            {
                return "it must start with '/' (it is relative to the server URL)";
            }

            if (path.Length == 1 || path.EndsWith("/", StringComparison.Ordinal))
            {
                return "it must name a script, e.g. '/mfs/pay' (not end with '/')";
            }

            if (path.Contains("//"))
            {
                return "it contains an empty segment ('//')";
            }

            foreach (string segment in path.Substring(1).Split('/'))
            {
                // A whole segment in braces is a path parameter: {merchant-id} or a request field's wire name.
                bool parameter = segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}';
                string text = parameter ? segment.Substring(1, segment.Length - 2) : segment;
                foreach (char c in text)
                {
                    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
                    if (!ok)
                    {
                        return c is '{' or '}'
                            ? $"'{segment}' is not a path parameter; a parameter is a whole segment in braces, '{{merchant-id}}' or a request field's wire name such as '{{pg_card_id}}'"
                            : $"the character '{c}' is not allowed; paths use letters, digits, '/', '_', '-', '.' and whole-segment parameters in braces";
                    }
                }
            }

            return path.Split('/').Any(IsLiteral) ? null : "it needs at least one literal segment besides its parameters";
        }

        private EquatableArray<ConstantModel> BindConstants(MappingReader operation, MemberNames members, string operationName)
        {
            YMapping? mapping = operation.MappingValue("constants");
            if (mapping is null)
            {
                return EquatableArray<ConstantModel>.Empty;
            }

            var reader = new MappingReader(_context, mapping, $"'constants' of operation '{operationName}'", operation.Entry("constants")!.Key.Span, knownKeys: null);
            var constants = new List<ConstantModel>();
            foreach (YEntry entry in mapping.Entries)
            {
                if (reader.Entry(entry.Key.Value) != entry || !CheckWireName(entry.Key))
                {
                    continue;
                }

                members.ClaimWire(entry.Key.Value, entry.Key.Span);
                if (entry.Value is YScalar { IsNull: false } value)
                {
                    constants.Add(new ConstantModel(entry.Key.Value, value.Value));
                }
                else
                {
                    reader.ReportWrongType(entry.Key.Value, entry.Value, "a fixed text value");
                }
            }

            return constants.ToEquatableArray();
        }

        /// <summary>Two fields read from one posted form field would always hold the same value.</summary>
        private void CheckPostedNames(EquatableArray<RequestFieldModel> request, MappingReader operation, string name, SourceSpan nameSpan)
        {
            foreach (IGrouping<string, RequestFieldModel> twice in request.Where(f => f.PostedAs is not null).GroupBy(f => f.PostedAs!, System.StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                _context.Report(DiagnosticDescriptors.Duplicate, operation.Entry("request")?.Key.Span ?? nameSpan, "Posted form field", twice.Key, $"the request of operation '{name}' ('posted-as' of {string.Join(", ", twice.Select(f => f.WireName))})");
            }
        }

        private void CheckSignatureFields(EquatableArray<RequestFieldModel> request, MappingReader operation, string name, SourceSpan nameSpan)
        {
            bool signed = request.Any(f => f.Fill == FillKind.Signature);
            bool salted = request.Any(f => f.Fill == FillKind.Salt);
            if (signed && !salted)
            {
                SourceSpan span = operation.Entry("request")?.Key.Span ?? nameSpan;
                _context.Report(DiagnosticDescriptors.SignatureRule, span, name, "the request is signed ('fill: signature') but has no 'fill: salt' field; every signed request carries a fresh random salt");
            }
        }

        private ResponseModel BindResponse(MappingReader operation, string operationName)
        {
            YMapping? mapping = operation.MappingValue("response");
            if (mapping is null)
            {
                return new ResponseModel(true, EquatableArray<ResponseElementModel>.Empty);
            }

            string where = $"the response of operation '{operationName}'";
            var reader = new MappingReader(_context, mapping, where, operation.Entry("response")!.Key.Span, ResponseKeys);
            bool signed = reader.Bool("signed", true);
            EquatableArray<ResponseElementModel> elements = BindElements(reader, "elements", operationName, operationName + "Response", where);
            BrowserStepModel? step = BindBrowserStep(reader, elements, where);
            return new ResponseModel(signed, elements, reader.Bool("verified", true), reader.String("note"), step);
        }

        /// <summary>Wire names are sent as form field names and read as XML element names or JSON members.</summary>
        private bool CheckWireName(YScalar key)
        {
            bool ok = IsWireName(key.Value);
            if (!ok)
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, key.Span, key.Value, "a wire name", "wire names start with a letter, a digit or '_' and use letters, digits, '_', '-' and '.'");
            }

            return ok;
        }

        /// <summary>
        /// Letters, digits, '_', '-' and '.'; not starting with '-' or '.'. A leading digit is allowed: the Gateway Async
        /// API's reply has <c>3ds</c> (its C# name is then given with <c>name:</c>, FPG0012 says so).
        /// </summary>
        private static bool IsWireName(string name)
        {
            bool ok = name.Length > 0 && (char.IsLetterOrDigit(name[0]) || name[0] == '_');
            foreach (char c in name)
            {
                ok &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            }

            return ok;
        }
    }
}
