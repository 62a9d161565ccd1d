using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// Turns the YAML tree of one spec file into the <see cref="ApiArea"/> model, reporting every problem at its
    /// YAML position. It never throws for bad input: a spec with errors yields diagnostics and no area.
    /// The format is documented in spec/README.md; keep the two in step.
    /// </summary>
    internal sealed partial class SpecBinder
    {
        private static readonly string[] RootKeys = { "area", "summary", "description", "servers", "encoding", "auth", "secret", "errors", "defaults", "fields", "elements", "enums", "operations", "callbacks", "request-id-format" };
        private static readonly string[] ErrorKeys = { "status", "error-value", "code", "description", "unsigned-codes", "http-status" };

        /// <summary>Codes of the one unsigned reply the docs describe: the merchant was not identified (101 Merchant API, 9998 Gateway API).</summary>
        private static readonly EquatableArray<string> DefaultUnsignedCodes = new[] { "101", "9998" }.ToEquatableArray();
        private static readonly string[] ServerKeys = { "url", "default", "auth", "headers" };
        private static readonly string[] SecretKeys = { "name", "verified", "note" };

        private readonly SpecContext _context;

        /// <summary>Every generated type name of the area, with what declared it, for collision checks.</summary>
        private readonly Dictionary<string, string> _typeNames = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly EnumRegistry _enums;

        /// <summary>What the area declares once (<see cref="AreaScope"/>): set by <see cref="BindFile"/> before any operation is bound.</summary>
        private AreaScope _scope = AreaScope.Empty;

        private SpecBinder(string filePath)
        {
            _context = new SpecContext(filePath);
            _enums = new EnumRegistry(_context);
        }

        public static SpecResult Bind(string filePath, string text)
        {
            var binder = new SpecBinder(filePath);
            var (area, declaration) = binder.BindFile(text);
            SpecContext context = binder._context;
            return new SpecResult(
                filePath,
                context.HasErrors ? null : area,
                declaration,
                context.Diagnostics.ToEquatableArray());
        }

        private (ApiArea? Area, AreaDeclaration? Declaration) BindFile(string text)
        {
            YamlReadResult read = YamlTreeReader.Read(text);
            if (read.Error is not null)
            {
                _context.Report(DiagnosticDescriptors.YamlSyntax, read.ErrorSpan, read.Error);
                return (null, null);
            }

            if (read.Root is null || read.Root is YScalar { IsNull: true })
            {
                _context.Report(DiagnosticDescriptors.EmptySpec, SourceSpan.None, Path.GetFileName(_context.FilePath));
                return (null, null);
            }

            if (read.Root is not YMapping rootMapping)
            {
                _context.Report(DiagnosticDescriptors.WrongType, read.Root.Span, "(document)", "the spec file", "a mapping with 'area:' and 'operations:'", MappingReader.Describe(read.Root));
                return (null, null);
            }

            var root = new MappingReader(_context, rootMapping, "the spec root", FirstLine(rootMapping.Span), RootKeys);
            string? areaName = root.String("area", required: true);
            AreaDeclaration? declaration = areaName is null ? null : DeclareArea(areaName, root.Node("area")!.Span);

            // An area describes operations (calls to the gateway), callbacks (calls from it), or both; servers
            // only matter when there are operations.
            bool hasCallbacks = root.Has("callbacks");
            bool hasOperations = root.Has("operations") || !hasCallbacks;
            EquatableArray<ServerModel> servers = hasOperations || root.Has("servers") ? BindServers(root) : EquatableArray<ServerModel>.Empty;
            RequestEncoding encoding = BindEncoding(root);
            AuthModel auth = BindAuth(root, encoding);
            CheckServerAuth(servers, auth.Scheme);
            ErrorShape errors = BindErrors(root, encoding);
            _scope = BindAreaScope(root, encoding);
            EquatableArray<OperationModel> operations = hasOperations ? BindOperations(root) : EquatableArray<OperationModel>.Empty;
            CheckServerHeaders(servers, operations);
            EquatableArray<CallbackModel> callbacks = BindCallbacks(root);

            if (areaName is null)
            {
                return (null, declaration);
            }

            var secret = BindSecret(root);
            var info = new AreaInfo(
                Name: areaName,
                SpecFileName: Path.GetFileName(_context.FilePath),
                Summary: root.String("summary"),
                Description: root.String("description"),
                Servers: servers,
                Encoding: encoding,
                Errors: errors,
                Secret: secret.Name,
                Auth: auth.Scheme,
                AuthKeyId: auth.KeyId,
                SecretVerified: secret.Verified,
                SecretNote: secret.Note,
                AuthKeyIdNumber: auth.KeyIdNumber,
                AuthPathMember: auth.PathMember,
                RequestIdVersion: BindRequestIdVersion(root));
            var area = new ApiArea(info, operations, _enums.All(), callbacks, RequestClasses());
            return (area, declaration);
        }

        /// <summary>The area's name, claimed with the types named after it (its client and server list); null when the name is unusable.</summary>
        private AreaDeclaration? DeclareArea(string areaName, SourceSpan areaSpan)
        {
            if (!CheckName(areaName, "area", areaSpan))
            {
                return null;
            }

            ClaimTypeName(areaName + "Client", "the client of area '" + areaName + "'", areaSpan);
            ClaimTypeName(areaName + "Servers", "the server list of area '" + areaName + "'", areaSpan);
            return new AreaDeclaration(areaName, _context.FilePath, areaSpan);
        }

                private EquatableArray<ServerModel> BindServers(MappingReader root)
        {
            YMapping? mapping = root.MappingValue("servers", required: true);
            if (mapping is null)
            {
                return EquatableArray<ServerModel>.Empty;
            }

            var names = new MappingReader(_context, mapping, "'servers'", root.Entry("servers")!.Key.Span, knownKeys: null);
            var servers = new List<ServerModel>();
            var defaults = new List<YEntry>();
            foreach (YEntry entry in mapping.Entries)
            {
                // A duplicate name is already reported.
                if (names.Entry(entry.Key.Value) == entry && BindServer(names, entry) is { } server)
                {
                    servers.Add(server);
                    if (server.IsDefault)
                    {
                        defaults.Add(entry);
                    }
                }
            }

            if (defaults.Count > 1)
            {
                _context.Report(DiagnosticDescriptors.Duplicate, defaults[1].Key.Span, "Default server", defaults[1].Key.Value, "'servers' (only one server can have 'default: true')");
            }

            if (servers.Count == 0)
            {
                if (!_context.HasErrors)
                {
                    _context.Report(DiagnosticDescriptors.MissingKey, root.Entry("servers")!.Key.Span, "'servers'", "a server URL");
                }
            }
            else if (defaults.Count == 0)
            {
                // No explicit default: the first server listed is the default.
                servers[0] = servers[0] with { IsDefault = true };
            }

            return servers.ToEquatableArray();
        }

        /// <summary>One server: a URL, or <c>{ url, default }</c>; null (reported) when the URL is not an absolute http(s) one.</summary>
        private ServerModel? BindServer(MappingReader names, YEntry entry)
        {
            string? url = null;
            bool isDefault = false;
            YScalar? auth = null;
            EquatableArray<HeaderModel> headers = EquatableArray<HeaderModel>.Empty;
            if (entry.Value is YScalar { IsNull: false } scalar)
            {
                url = scalar.Value;
            }
            else if (entry.Value is YMapping serverMapping)
            {
                var server = new MappingReader(_context, serverMapping, $"server '{entry.Key.Value}'", entry.Key.Span, ServerKeys);
                url = server.String("url", required: true);
                isDefault = server.Bool("default", false);
                auth = server.Node("auth") as YScalar;
                if (server.Node("auth") is { } authNode && auth is null)
                {
                    server.ReportWrongType("auth", authNode, "a scheme name (jws-hs256, jws-hs512 or sha256-sign)");
                }

                // Headers a server's protocol adds to every call made to it (the .uz Card API's Request-Id).
                headers = BindHeaderMapping(server, $"the headers of server '{entry.Key.Value}'");
                if (headers.Count > 0)
                {
                    _serverHeaderSpans[entry.Key.Value] = server.Entry("headers")!.Key.Span;
                }
            }
            else
            {
                names.ReportWrongType(entry.Key.Value, entry.Value, "a URL or a mapping with 'url:'");
            }

            if (url is null)
            {
                return null;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || (uri.Scheme != "https" && uri.Scheme != "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, entry.Value.Span, url, "url of server '" + entry.Key.Value + "'", "use an absolute http or https URL without query or fragment, e.g. https://api.freedompay.kz/");
                return null;
            }

            string csName = Naming.ToPascalCase(entry.Key.Value);
            if (!CheckName(csName, $"server '{entry.Key.Value}'", entry.Key.Span))
            {
                return null;
            }

            string normalized = uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri.AbsoluteUri : uri.AbsoluteUri + "/";
            return new ServerModel(entry.Key.Value, csName, normalized, isDefault, auth is null ? null : BindServerAuth(auth, entry.Key.Value), headers);
        }

        private RequestEncoding BindEncoding(MappingReader root)
        {
            string? value = root.String("encoding");
            switch (value)
            {
                case null:
                case "multipart":
                    return RequestEncoding.Multipart;
                case "urlencoded":
                    return RequestEncoding.UrlEncoded;
                case "json":
                    return RequestEncoding.Json;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, root.Node("encoding")!.Span, value, "encoding", "use 'multipart' (multipart/form-data), 'urlencoded' (application/x-www-form-urlencoded) or 'json' (application/json, signed in a header)");
                    return RequestEncoding.Multipart;
            }
        }

        /// <summary>
        /// <c>request-id-format:</c> the kind of UUID a <c>fill: request-id</c> makes: random (v4), or time-ordered (v7,
        /// RFC 9562), as the v5 APIs' examples and the Partner API's invoice page ask.
        /// </summary>
        private int BindRequestIdVersion(MappingReader root)
        {
            string? value = root.String("request-id-format");
            switch (value)
            {
                case null:
                case "uuid-v4":
                    return 4;
                case "uuid-v7":
                    return 7;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, root.Node("request-id-format")!.Span, value, "request-id-format", "use 'uuid-v4' (random) or 'uuid-v7' (time-ordered: a millisecond timestamp, then random bits; RFC 9562)");
                    return 4;
            }
        }

        /// <summary>
        /// <c>secret:</c> names the client options' key that signs the area (<c>SecretKeys["payout"]</c>); the names
        /// are those the runtime accepts (lowercase letters, digits, '-', starting with a letter).
        /// </summary>
        /// <summary>
        /// <c>secret: payout</c>, or <c>secret: { name: payout, verified: false, note: ... }</c> when the docs do not
        /// confirm that the area has a key of its own. Null name when the area signs with the main key.
        /// </summary>
        private (string? Name, bool Verified, string? Note) BindSecret(MappingReader root)
        {
            YNode? node = root.Node("secret");
            string? value;
            SourceSpan span;
            bool verified = true;
            string? note = null;
            if (node is YMapping mapping)
            {
                var secret = new MappingReader(_context, mapping, "'secret'", root.Entry("secret")!.Key.Span, SecretKeys);
                value = secret.String("name", required: true);
                span = secret.Node("name")?.Span ?? node.Span;
                verified = secret.Bool("verified", true);
                note = secret.String("note");
            }
            else
            {
                value = root.String("secret");
                span = node?.Span ?? SourceSpan.None;
            }

            if (value is null)
            {
                return (null, true, null);
            }

            bool valid = value.Length > 0 && value[0] >= 'a' && value[0] <= 'z' && value.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
            if (!valid)
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, span, value, "secret", "name the key with lowercase letters, digits and '-', starting with a letter, e.g. 'payout' (the client reads it from SecretKeys[\"payout\"])");
                return (null, true, null);
            }

            return (value, verified, note);
        }

        private ErrorShape BindErrors(MappingReader root, RequestEncoding encoding)
        {
            YMapping? mapping = root.MappingValue("errors");
            if (mapping is null)
            {
                return new ErrorShape("pg_status", "error", "pg_error_code", "pg_error_description", DefaultUnsignedCodes, EquatableArray<int>.Empty);
            }

            var errors = new MappingReader(_context, mapping, "'errors'", root.Entry("errors")!.Key.Span, ErrorKeys);
            // 'status: none': the replies have no outcome element (the Gateway Async API's status is the payment's own).
            string status = ElementPath(errors, "status") ?? "pg_status";
            return new ErrorShape(
                status == "none" ? string.Empty : status,
                errors.String("error-value") ?? "error",
                ElementPath(errors, "code") ?? "pg_error_code",
                ElementPath(errors, "description") ?? "pg_error_description",
                BindUnsignedCodes(errors),
                BindErrorStatuses(errors, encoding));
        }

        /// <summary>An element of the error shape: a name, or a path of names joined by '/' (<c>error/code</c>).</summary>
        private string? ElementPath(MappingReader errors, string key)
        {
            if (errors.Node(key) is not YScalar { IsNull: false } node)
            {
                return errors.String(key);
            }

            foreach (string step in node.Value.Split('/'))
            {
                if (!IsWireName(step))
                {
                    _context.Report(DiagnosticDescriptors.MalformedValue, node.Span, node.Value, "errors." + key, "an element name, or names joined by '/' for an element inside an object (error/code); names use letters, digits, '_', '-' and '.'");
                    return null;
                }
            }

            return node.Value;
        }

        /// <summary>'http-status': HTTP statuses (400-499) whose JSON body is an error reply.</summary>
        private EquatableArray<int> BindErrorStatuses(MappingReader errors, RequestEncoding encoding)
        {
            YNode? node = errors.Node("http-status");
            if (node is null)
            {
                return EquatableArray<int>.Empty;
            }

            if (node is not YSequence sequence)
            {
                errors.ReportWrongType("http-status", node, "a list of HTTP statuses, such as [422]");
                return EquatableArray<int>.Empty;
            }

            if (encoding != RequestEncoding.Json)
            {
                _context.Report(DiagnosticDescriptors.KeyNotHere, node.Span, "errors.http-status", "an area whose replies are XML", "only JSON areas (encoding: json) answer errors with an HTTP status and a body to read");
                return EquatableArray<int>.Empty;
            }

            var statuses = new List<int>();
            foreach (YNode item in sequence.Items)
            {
                if (item is YScalar { IsNull: false } scalar && int.TryParse(scalar.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int status) && status is >= 400 and <= 499)
                {
                    statuses.Add(status);
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.MalformedValue, item.Span, MappingReader.Describe(item).Trim('\''), "errors.http-status", "an HTTP status from 400 to 499, such as 422 (a 5xx may come from anything on the way, so it is never read as the gateway's refusal)");
                }
            }

            return statuses.ToEquatableArray();
        }

        /// <summary>'unsigned-codes': a list of error codes (digits); an empty list trusts no unsigned error at all.</summary>
        private EquatableArray<string> BindUnsignedCodes(MappingReader errors)
        {
            YNode? node = errors.Node("unsigned-codes");
            if (node is null)
            {
                return DefaultUnsignedCodes;
            }

            if (node is not YSequence sequence)
            {
                errors.ReportWrongType("unsigned-codes", node, "a list of error codes, such as [101, 9998]");
                return DefaultUnsignedCodes;
            }

            var codes = new List<string>();
            foreach (YNode item in sequence.Items)
            {
                if (item is YScalar { IsNull: false } code && code.Value.Length is > 0 and <= 9 && code.Value.All(c => c >= '0' && c <= '9'))
                {
                    codes.Add(code.Value);
                }
                else
                {
                    _context.Report(DiagnosticDescriptors.MalformedValue, item.Span, MappingReader.Describe(item).Trim('\''), "unsigned-codes", "an error code is a whole number, such as 101");
                }
            }

            return codes.ToEquatableArray();
        }

        /// <summary>Checks a C# name; reports FPG0012 at <paramref name="span"/> and returns false when unusable.</summary>
        private bool CheckName(string name, string what, SourceSpan span)
        {
            string? problem = Naming.CheckIdentifier(name);
            if (problem is null)
            {
                return true;
            }

            _context.Report(DiagnosticDescriptors.InvalidIdentifier, span, name, what, problem);
            return false;
        }

        /// <summary>Records a generated type name; reports FPG0013 when another part of the area already uses it.</summary>
        /// <param name="remedy">What to change, said to the spec's author: the key that names this type.</param>
        private bool ClaimTypeName(string typeName, string what, SourceSpan span, string remedy = MemberNames.SetName)
        {
            if (_typeNames.TryGetValue(typeName, out string? owner))
            {
                _context.Report(DiagnosticDescriptors.NameCollision, span, typeName, what, owner, remedy);
                return false;
            }

            _typeNames.Add(typeName, what);
            return true;
        }

        /// <summary>The remedy for a nested class whose name collides: the 'class:' that names it, or one to add.</summary>
        private static string ClassRemedy(bool hasClassKey) => hasClassKey
            ? "change 'class:' to another name to tell them apart"
            : "add 'class:' with another name (the name was made from the field's) to tell them apart";

        private static SourceSpan FirstLine(SourceSpan span) =>
            new SourceSpan(span.Start, span.Start, span.StartLine, span.StartColumn, span.StartLine, span.StartColumn);
    }
}
