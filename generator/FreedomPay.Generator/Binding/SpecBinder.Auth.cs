using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// The second protocol family: <c>encoding: json</c> bodies signed in a header (<c>auth:</c>) or, where a page
    /// says so, by their own <c>pg_sig</c> field (<c>auth: pg-sig</c>), and the request headers an operation adds
    /// (<c>headers:</c>). What the header schemes make meaningless (a <c>pg_sig</c> field, a redirect, a wrapped list
    /// in a JSON reply) is reported where it is written.
    /// </summary>
    internal sealed partial class SpecBinder
    {
        private static readonly string[] AuthKeys = { "scheme", "key-id", "key-id-type", "path-member" };
        private static readonly string[] HeaderKeys = { "value", "fill" };

        /// <summary>Headers the client writes itself: a spec cannot set them.</summary>
        private static readonly string[] ReservedHeaders = { "content-type", "content-length", "accept", "host", "x-jws-signature", "sign", "auth-id" };

        /// <summary>How an area signs: the scheme, and for a JWS the protected header's shape.</summary>
        private readonly record struct AuthModel(AuthScheme Scheme, string KeyId = "auth_id", bool KeyIdNumber = false, string PathMember = "uri");

        /// <summary>
        /// <c>auth: jws-hs512</c> or <c>auth: { scheme: jws-hs512, key-id: merchant_id, key-id-type: number,
        /// path-member: path }</c>. The header schemes sign JSON bodies only; a JSON body is signed by a header scheme or,
        /// said in so many words, by <c>pg-sig</c>.
        /// </summary>
        private AuthModel BindAuth(MappingReader root, RequestEncoding encoding)
        {
            YNode? node = root.Node("auth");
            string? scheme = null;
            MappingReader? reader = null;
            SourceSpan span = node?.Span ?? default;
            if (node is YScalar scalar)
            {
                scheme = scalar.Value;
            }
            else if (node is YMapping mapping)
            {
                reader = new MappingReader(_context, mapping, "'auth'", root.Entry("auth")!.Key.Span, AuthKeys);
                scheme = reader.String("scheme", required: true);
                span = reader.Node("scheme")?.Span ?? span;
            }
            else if (node is not null)
            {
                root.ReportWrongType("auth", node, "a scheme name or a mapping with 'scheme:' and 'key-id:'");
            }

            AuthScheme result = scheme switch
            {
                null or "pg-sig" => AuthScheme.PgSig,
                "jws-hs256" => AuthScheme.JwsHs256,
                "jws-hs512" => AuthScheme.JwsHs512,
                "sha256-sign" => AuthScheme.Sha256Sign,
                _ => Invalid(),
            };

            if (node is not null && result != AuthScheme.PgSig && encoding != RequestEncoding.Json)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, span, "auth", $"'{scheme}' signs JSON bodies: add 'encoding: json' to the area");
            }
            else if (encoding == RequestEncoding.Json && node is null)
            {
                // Most JSON areas sign in a header; a few pages sign the body's own pg_sig field (the JSON Status page).
                // Neither is assumed: the area says which.
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, root.Node("encoding")!.Span, "encoding", "a JSON area says how it is signed: add 'auth: jws-hs256', 'jws-hs512' or 'sha256-sign' (a header), or 'auth: pg-sig' (pg_salt and pg_sig fields in the body)");
            }

            _areaAuth = result;
            return reader is null ? new AuthModel(result) : BindJwsHeader(reader, result);

            AuthScheme Invalid()
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, span, scheme!, "auth", "use 'pg-sig' (the Merchant API's pg_sig, the default), 'jws-hs256' or 'jws-hs512' (a detached JWS in X-JWS-Signature) or 'sha256-sign' (the Sign header)");
                return AuthScheme.PgSig;
            }
        }

        /// <summary>Where each server's own <c>headers:</c> is written, to report a header an operation sets too.</summary>
        private readonly Dictionary<string, SourceSpan> _serverHeaderSpans = new Dictionary<string, SourceSpan>();

        /// <summary>
        /// A header a server adds to every call must not be one an operation sets as well: which value would be sent
        /// would depend on the server. Reported at the server's <c>headers:</c>.
        /// </summary>
        private void CheckServerHeaders(EquatableArray<ServerModel> servers, EquatableArray<OperationModel> operations)
        {
            foreach (ServerModel server in servers)
            {
                foreach (HeaderModel header in server.Headers)
                {
                    OperationModel? clash = operations.FirstOrDefault(op => op.Headers.Any(h => string.Equals(h.Name, header.Name, System.StringComparison.OrdinalIgnoreCase)));
                    if (clash is not null && _serverHeaderSpans.TryGetValue(server.Name, out SourceSpan span))
                    {
                        _context.Report(DiagnosticDescriptors.Duplicate, span, "Header", header.Name, $"server '{server.Name}' and operation '{clash.Name}' (a server's header goes with every call made to it; drop one)");
                    }
                }
            }
        }

        /// <summary>The scheme of the area being bound (what its operations' fields are checked against).</summary>
        private AuthScheme _areaAuth;

        /// <summary>Where each server's own <c>auth:</c> is written, to report its misuse once the area's scheme is known.</summary>
        private readonly Dictionary<string, SourceSpan> _serverAuthSpans = new Dictionary<string, SourceSpan>();

        /// <summary>
        /// A server's own scheme (<c>uz: { url: ..., auth: sha256-sign }</c>): the Card API signs with a JWS on .kz but
        /// with the Sign header on .uz, so one area serves both. Only a header scheme; checked against the area's by
        /// <see cref="CheckServerAuth"/>.
        /// </summary>
        private AuthScheme? BindServerAuth(YScalar node, string server)
        {
            _serverAuthSpans[server] = node.Span;
            switch (node.Value)
            {
                case "jws-hs256":
                    return AuthScheme.JwsHs256;
                case "jws-hs512":
                    return AuthScheme.JwsHs512;
                case "sha256-sign":
                    return AuthScheme.Sha256Sign;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, node.Span, node.Value, "auth of server '" + server + "'", "a server can only change how a JSON area is signed: 'jws-hs256', 'jws-hs512' or 'sha256-sign'");
                    return null;
            }
        }

        /// <summary>A server's own scheme needs an area signed in a header too (its bodies are JSON).</summary>
        private void CheckServerAuth(EquatableArray<ServerModel> servers, AuthScheme areaScheme)
        {
            if (areaScheme != AuthScheme.PgSig)
            {
                return;
            }

            foreach (ServerModel server in servers)
            {
                if (server.Auth is not null && _serverAuthSpans.TryGetValue(server.Name, out SourceSpan span))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, span, "auth of server '" + server.Name + "'", "the area signs with pg_sig; a server's own scheme needs a JSON area signed in a header ('encoding: json' and 'auth: jws-hs256', 'jws-hs512' or 'sha256-sign')");
                }
            }
        }

        /// <summary>
        /// The JWS protected header's shape: <c>key-id</c> (the merchant id's member, <c>auth_id</c>), <c>key-id-type</c>
        /// (<c>string</c>, as every docs example writes it, or <c>number</c>) and <c>path-member</c> (<c>uri</c> or the
        /// name the gateway reads). Only a JWS has them.
        /// </summary>
        private AuthModel BindJwsHeader(MappingReader reader, AuthScheme scheme)
        {
            var auth = new AuthModel(scheme);
            if (scheme is not (AuthScheme.JwsHs256 or AuthScheme.JwsHs512))
            {
                foreach (string key in new[] { "key-id", "key-id-type", "path-member" }.Where(reader.Has))
                {
                    _context.Report(DiagnosticDescriptors.KeyNotHere, reader.Entry(key)!.Key.Span, key, "'auth'", "only a JWS (jws-hs256, jws-hs512) has a protected header");
                }

                return auth;
            }

            if (reader.Node("key-id") is YScalar keyNode && CheckWireName(keyNode))
            {
                auth = auth with { KeyId = keyNode.Value };
            }

            if (reader.Node("path-member") is YScalar pathNode && CheckWireName(pathNode))
            {
                auth = auth with { PathMember = pathNode.Value };
            }

            string? keyIdType = reader.String("key-id-type");
            if (keyIdType is "number")
            {
                auth = auth with { KeyIdNumber = true };
            }
            else if (keyIdType is not (null or "string"))
            {
                _context.Report(DiagnosticDescriptors.MalformedValue, reader.Node("key-id-type")!.Span, keyIdType, "key-id-type", "use 'string' (the merchant id as a JSON string, as the docs' examples write it) or 'number'");
            }

            if (auth.KeyId == auth.PathMember)
            {
                _context.Report(DiagnosticDescriptors.Duplicate, (reader.Node("path-member") ?? reader.Node("key-id"))!.Span, "JWS header member", auth.PathMember, "'auth' (key-id and path-member name one member)");
            }

            return auth;
        }

        /// <summary>An operation's <c>headers:</c>.</summary>
        private EquatableArray<HeaderModel> BindHeaders(MappingReader operation, string name) =>
            BindHeaderMapping(operation, $"the headers of operation '{name}'");

        /// <summary><c>headers:</c> of an operation or a server: name to a constant text, or to <c>{ fill: request-id }</c> (a UUID per call).</summary>
        private EquatableArray<HeaderModel> BindHeaderMapping(MappingReader owner, string where)
        {
            YMapping? mapping = owner.MappingValue("headers");
            if (mapping is null)
            {
                return EquatableArray<HeaderModel>.Empty;
            }

            var names = new MappingReader(_context, mapping, where, owner.Entry("headers")!.Key.Span, knownKeys: null);
            var headers = new List<HeaderModel>();
            foreach (YEntry entry in mapping.Entries)
            {
                if (names.Entry(entry.Key.Value) != entry)
                {
                    continue; // a duplicate, already reported
                }

                string header = entry.Key.Value;
                if (header.Length == 0 || !header.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    _context.Report(DiagnosticDescriptors.MalformedValue, entry.Key.Span, header, "a header name", "header names use letters, digits and '-', e.g. X-Action");
                    continue;
                }

                if (ReservedHeaders.Contains(header.ToLowerInvariant()))
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, entry.Key.Span, header, "the client writes this header itself (content type, the area's signature)");
                    continue;
                }

                if (entry.Value is YScalar { IsNull: false } constant)
                {
                    headers.Add(new HeaderModel(header, HeaderSource.Constant, constant.Value));
                    continue;
                }

                if (entry.Value is not YMapping valueMapping)
                {
                    names.ReportWrongType(header, entry.Value, "the header's text, or a mapping with 'value:' or 'fill: request-id'");
                    continue;
                }

                var reader = new MappingReader(_context, valueMapping, $"header '{header}'", entry.Key.Span, HeaderKeys);
                string? value = reader.String("value");
                string? fill = reader.String("fill");
                if (fill is not null && fill != "request-id")
                {
                    _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("fill")!.Span, fill, "fill", "use 'request-id' (a new UUID per call, kept when a safe call is retried)");
                }
                else if ((value is null) == (fill is null))
                {
                    _context.Report(DiagnosticDescriptors.MissingKey, entry.Key.Span, $"header '{header}'", "either 'value:' or 'fill: request-id'");
                }
                else
                {
                    headers.Add(fill is null ? new HeaderModel(header, HeaderSource.Constant, value) : new HeaderModel(header, HeaderSource.RequestId, null));
                }
            }

            return headers.ToEquatableArray();
        }

        /// <summary>What a JSON area's header signature makes meaningless in an operation.</summary>
        private void CheckJsonOperation(MappingReader operation, string name, EquatableArray<RequestFieldModel> request, bool redirect)
        {
            if (_scope.Encoding != RequestEncoding.Json)
            {
                return;
            }

            if (_areaAuth != AuthScheme.PgSig && request.FirstOrDefault(f => f.Fill is FillKind.Signature or FillKind.Salt) is { } field)
            {
                _context.Report(DiagnosticDescriptors.SignatureRule, operation.Entry("request")?.Key.Span ?? default, name, $"'{field.WireName}' is filled with a {(field.Fill == FillKind.Salt ? "salt" : "pg_sig signature")}, but this JSON area is signed in a header ('auth:'); drop the field, or sign with 'auth: pg-sig'");
            }

            if (redirect)
            {
                _context.Report(DiagnosticDescriptors.ImpossibleConstraint, operation.Node("kind")!.Span, name, "a JSON area has no signed browser addresses; 'kind: redirect' needs a pg_sig area");
            }
        }
    }
}
