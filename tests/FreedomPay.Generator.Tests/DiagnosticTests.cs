using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// Broken specs and what the generator says about them: the diagnostic id, and its position in the YAML file,
/// marked in each case by '«' just before the offending text (the marker is removed before the run).
/// </summary>
public sealed class DiagnosticTests
{
    private const string Marker = "«";

    /// <summary>A valid spec the cases start from.</summary>
    private const string Valid = """
        area: Demo
        servers:
          kz: https://api.example.test/
        operations:
          Ping:
            path: /ping
            summary: Checks the connection.
            request:
              pg_merchant_id: { fill: merchant-id }
              pg_order_id: { max-length: 10 }
              pg_salt: { fill: salt }
              pg_sig: { fill: signature }
            response:
              elements:
                pg_status: { values: [ok, error] }
        """;

    /// <summary>A valid JSON area the JSON cases start from.</summary>
    private const string Json = """
        area: Demo
        servers:
          kz: https://api.example.test/
        encoding: json
        auth: jws-hs256
        operations:
          Ping:
            path: /ping
            summary: Checks the connection.
            request:
              merchant_id: { fill: merchant-id }
              order_id: { max-length: 10 }
            response:
              elements:
                status: { values: [ok, error] }
        """;

    public static IEnumerable<object[]> Cases() => new (string Name, string Id, string Spec)[]
    {
        ("yaml syntax", "FPG0001", "area: Demo\nservers: [a, b\n«"),
        ("alias without anchor", "FPG0001", "area: «*nowhere\n"),
        // YamlDotNet's scanner throws InvalidOperationException on this one (found by RobustnessTests); no position
        // is asserted because it is wherever the parser last stood.
        ("scanner failure", "FPG0001", Valid.Replace("pg_status: { values: [ok, error] }", "pg_status: { values[: ok }")),
        ("second document", "FPG0001", "area: Demo\n«---\narea: Other\n"),
        ("empty file", "FPG0002", string.Empty),
        ("only a comment", "FPG0002", "# nothing here\n"),
        ("unknown root key", "FPG0003", Valid.Replace("operations:", "«operatons:")),
        ("unknown field key", "FPG0003", Valid.Replace("{ max-length: 10 }", "{ «maxlength: 10 }")),
        ("unknown operation key", "FPG0003", Valid.Replace("    summary:", "    «sumary:")),
        ("missing area", "FPG0004", Valid.Replace("area: Demo\n", "«")),
        ("missing path", "FPG0004", Valid.Replace("    path: /ping\n", string.Empty).Replace("  Ping:", "  «Ping:")),
        ("empty operations", "FPG0004", "area: Demo\nservers:\n  kz: https://a.test/\n«operations: {}\n"),
        ("list item without item key", "FPG0004", Valid.Replace("pg_status: { values: [ok, error] }", "«pg_list: { type: list, item-type: string }")),
        ("area is a list", "FPG0005", Valid.Replace("area: Demo", "area: «[Demo]")),
        ("required is yes", "FPG0005", Valid.Replace("{ max-length: 10 }", "{ required: «yes }")),
        ("operation is text", "FPG0005", "area: Demo\nservers:\n  kz: https://a.test/\noperations:\n  Ping: «hello\n"),
        ("unsigned codes not a list", "FPG0005", Valid.Replace("operations:", "errors:\n  unsigned-codes: «101\noperations:")),
        ("duplicate operation", "FPG0006", Valid + "\n  «Ping:\n    path: /ping2\n    summary: x\n"),
        ("duplicate field", "FPG0006", Valid.Replace("      pg_salt:", "      «pg_order_id: string\n      pg_salt:")),
        ("duplicate rule of a field", "FPG0006", Valid.Replace("{ max-length: 10 }", "{ max-length: 10, «max-length: 12 }")),
        // Past eight keys a mapping is read through a dictionary rather than scanned: the same check, the other path.
        ("duplicate field of a long request", "FPG0006", Valid.Replace("      pg_salt:", string.Concat(Enumerable.Range(1, 9).Select(i => $"      pg_extra_{i}: {{ max-length: 5 }}\n")) + "      «pg_extra_4: string\n      pg_salt:")),
        ("duplicate enum value", "FPG0006", Valid.Replace("[ok, error]", "[ok, «ok]")),
        ("duplicate default server", "FPG0006", Valid.Replace("  kz: https://api.example.test/", "  kz: { url: \"https://a.test/\", default: true }\n  «uz: { url: \"https://b.test/\", default: true }")),
        ("put method", "FPG0007", Valid.Replace("    path: /ping", "    method: «PUT\n    path: /ping")),
        ("path without slash", "FPG0008", Valid.Replace("path: /ping", "path: «ping")),
        ("path with query", "FPG0008", Valid.Replace("path: /ping", "path: «/ping?x=1")),
        ("unknown type", "FPG0009", Valid.Replace("{ max-length: 10 }", "{ type: «strng }")),
        ("unknown callback reply", "FPG0016", "area: Demo\ncallbacks:\n  Back:\n    summary: x\n    reply: «page\n    fields:\n      pg_order_id: string\n"),
        ("unknown operation kind", "FPG0016", Valid.Replace("    path: /ping", "    kind: «callback\n    path: /ping")),
        ("a reply on a redirect", "FPG0011", Valid.Replace("    path: /ping", "    kind: redirect\n    path: /ping").Replace("    response:", "    «response:")),
        ("repeated list", "FPG0011", Valid.Replace("pg_status: { values: [ok, error] }", "pg_list: { type: list, item: pg_x, item-type: string, «repeated: true }")),
        ("required repeated element", "FPG0011", Valid.Replace("pg_status: { values: [ok, error] }", "pg_x: { repeated: true, «required: true }")),
        ("item on an object", "FPG0011", Valid.Replace("pg_status: { values: [ok, error] }", "pg_o: { type: object, «item: pg_x, elements: { pg_a: string } }")),
        ("list without fields", "FPG0004", Valid.Replace("{ max-length: 10 }", "{ type: list }").Replace("      pg_order_id:", "      «pg_order_id:")),
        ("object shorthand", "FPG0004", Valid.Replace("{ max-length: 10 }", "«object")),
        ("fields on a string", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ «fields: { a: string } }")),
        ("max-items on an object", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: object, «max-items: 2, fields: { a: string } }")),
        ("max-items zero", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: list, max-items: «0, fields: { a: string } }")),
        ("sensitive on a list", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: list, «sensitive: true, fields: { a: string } }")),
        ("payment id in an item", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: list, fields: { «a: { type: integer, role: payment-id } } }")),
        ("lists nested four deep", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: list, fields: { a: { type: object, fields: { b: { type: object, fields: { «c: { type: object, fields: { d: string } } } } } } } }")),
        ("item class named like the request", "FPG0013", Valid.Replace("{ max-length: 10 }", "{ type: list, class: «PingRequest, fields: { a: string } }")),
        ("fill in an item", "FPG0025", Valid.Replace("{ max-length: 10 }", "{ type: list, fields: { «a: { fill: salt } } }")),
        ("enum without values", "FPG0010", Valid.Replace("{ max-length: 10 }", "{ type: enum }").Replace("      pg_order_id:", "      «pg_order_id:")),
        ("min above max", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: integer, min: «10, max: 1 }")),
        ("bad regex", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ pattern: «\"[a-\" }")),
        ("max-length on an integer", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: integer, «max-length: 10 }")),
        ("min on a string", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ «min: 1 }")),
        ("one-of naming an unknown field", "FPG0021", Valid.Replace("    request:\n", "    one-of:\n      - [pg_order_id, «pg_ordr]\n    request:\n")),
        ("one-of naming a filled field", "FPG0021", Valid.Replace("    request:\n", "    one-of:\n      - [pg_order_id, «pg_salt]\n    request:\n")),
        ("one-of with one field", "FPG0005", Valid.Replace("    request:\n", "    one-of:\n      - «[pg_order_id]\n    request:\n")),
        ("one-of naming a field twice", "FPG0006", Valid.Replace("    request:\n", "    one-of:\n      - [pg_order_id, «pg_order_id]\n    request:\n")),
        ("required field in a group", "FPG0011", Valid.Replace("pg_order_id: { max-length: 10 }", "pg_order_id: { required: true }\n      pg_card: string").Replace("    request:\n", "    required-unless:\n      «pg_order_id: pg_card\n    request:\n")),
        ("required-unless not a mapping", "FPG0005", Valid.Replace("    request:\n", "    required-unless: «[pg_order_id]\n    request:\n")),
        ("check on an integer", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: integer, «check: luhn }")),
        ("unknown check", "FPG0016", Valid.Replace("{ max-length: 10 }", "{ check: «mod97 }")),
        ("card-expiry naming an unknown field", "FPG0021", Valid.Replace("pg_order_id: { max-length: 10 }", "pg_order_id: { max-length: 10 }\n      pg_card_month: string").Replace("    request:\n", "    card-expiry: { month: pg_card_month, year: «pg_card_yr }\n    request:\n")),
        ("card-expiry on an integer field", "FPG0011", Valid.Replace("pg_order_id: { max-length: 10 }", "pg_order_id: { max-length: 10 }\n      pg_card_month: string\n      pg_card_year: integer").Replace("    request:\n", "    card-expiry: { month: pg_card_month, year: «pg_card_year }\n    request:\n")),
        ("card-expiry naming one field twice", "FPG0006", Valid.Replace("pg_order_id: { max-length: 10 }", "pg_order_id: { max-length: 10 }\n      pg_card_month: string").Replace("    request:\n", "    card-expiry: { month: pg_card_month, year: «pg_card_month }\n    request:\n")),
        ("card-expiry not a mapping", "FPG0005", Valid.Replace("    request:\n", "    card-expiry: «[pg_order_id]\n    request:\n")),
        ("browser step naming no element", "FPG0026", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: Page, when: pg_secure, url: «pg_ur }\n")),
        ("browser step condition not a boolean", "FPG0011", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: Page, when: «pg_url, url: pg_url }\n")),
        ("browser step field naming no element", "FPG0026", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: Page, when: pg_secure, url: pg_url, fields: { MD: «pg_mdx } }\n")),
        ("browser step named like a property", "FPG0013", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: «Md, when: pg_secure, url: pg_url }\n")),
        ("browser step lower-case name", "FPG0012", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: «page, when: pg_secure, url: pg_url }\n")),
        ("browser step method PUT", "FPG0016", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: Page, when: pg_secure, url: pg_url, method: «PUT }\n")),
        ("browser step without a url", "FPG0004", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      «browser-step: { name: Page, when: pg_secure }\n")),
        ("browser step return field clashing with a field", "FPG0024", Valid.Replace("        pg_status: { values: [ok, error] }", "        pg_status: { values: [ok, error] }\n        pg_secure: boolean\n        pg_url: string\n        pg_md: string").Replace("    response:\n", "    response:\n      browser-step: { name: Page, when: pg_secure, url: pg_url, fields: { MD: pg_md }, return-field: «MD }\n")),
        ("posted-as on an integer", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: integer, «posted-as: MD }")),
        ("posted-as with a bad name", "FPG0024", Valid.Replace("{ max-length: 10 }", "{ posted-as: «M.D }")),
        ("two fields posted as one name", "FPG0006", Valid.Replace("pg_order_id: { max-length: 10 }", "pg_order_id: { posted-as: MD }\n      pg_md: { posted-as: md }").Replace("    request:\n", "    «request:\n")),
        ("path parameter naming no field", "FPG0021", Valid.Replace("path: /ping", "path: «/v1/{pg_ordr}/ping")),
        ("path parameter on an optional field", "FPG0011", Valid.Replace("path: /ping", "path: «/v1/{pg_order_id}/ping")),
        ("braces inside a segment", "FPG0008", Valid.Replace("path: /ping", "path: «/v1/x{pg_order_id}/ping")),
        ("a path of parameters only", "FPG0008", Valid.Replace("path: /ping", "path: «/{merchant-id}")),
        ("scale on a string", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ «scale: 2 }")),
        ("scale out of range", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: decimal, scale: «29 }")),
        ("min finer than the scale", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: decimal, scale: 2, min: «0.005 }")),
        ("format on a string", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ «format: yyyy }")),
        ("min-length above max-length", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ min-length: «5, max-length: 2 }")),
        ("keyword as a name", "FPG0012", Valid.Replace("{ max-length: 10 }", "{ name: «class }")),
        ("name starting with a digit", "FPG0012", Valid.Replace("{ max-length: 10 }", "{ name: «1st }")),
        ("lower-case operation", "FPG0012", Valid.Replace("  Ping:", "  «ping:")),
        ("lower-case area", "FPG0012", Valid.Replace("area: Demo", "area: «demo")),
        ("two fields, one C# name", "FPG0013", Valid.Replace("      pg_salt:", "      «order_id: string\n      pg_salt:")),
        ("enum value named Unknown", "FPG0013", Valid.Replace("[ok, error]", "{ ok: Ok, error: «Unknown }")),
        ("property named like an inherited member", "FPG0013", Valid.Replace("{ max-length: 10 }", "{ name: «GetHashCode }")),
        ("reply element named like a shape factory", "FPG0013", Valid.Replace("pg_status: { values: [ok, error] }", "pg_status: { values: [ok, error] }\n        «pg_text_element: string")),
        ("enum named like a request class", "FPG0013", Valid.Replace("pg_status: { values: [ok, error] }", "pg_status: { values: [ok, error], enum: «PingRequest }")),
        ("signed without salt", "FPG0014", Valid.Replace("      pg_salt: { fill: salt }\n", string.Empty).Replace("    request:", "    «request:")),
        ("two signature fields", "FPG0014", Valid.Replace("      pg_sig: { fill: signature }", "      pg_sig: { fill: signature }\n      «pg_sig2: { fill: signature }")),
        ("script name with a slash", "FPG0014", Valid.Replace("    path: /ping", "    path: /ping\n    signature-script: «a/b")),
        ("unknown encoding", "FPG0016", Valid.Replace("operations:", "encoding: «xml\noperations:")),
        ("idempotent without a request id", "FPG0011", Json.Replace("    path: /ping", "    path: /ping\n    «idempotent: request-id")),
        ("idempotent by something else", "FPG0016", Json.Replace("    path: /ping", "    path: /ping\n    idempotent: «order-id")),
        ("json encoding signed with pg_sig", "FPG0011", Valid.Replace("operations:", "encoding: «json\noperations:")),
        ("header auth without json", "FPG0011", Valid.Replace("operations:", "auth: «jws-hs256\noperations:")),
        ("unknown auth scheme", "FPG0016", Valid.Replace("operations:", "encoding: json\nauth: { scheme: «hs999 }\noperations:")),
        ("json area that does not say how it is signed", "FPG0011", Json.Replace("encoding: json\nauth: jws-hs256", "encoding: «json")),
        ("salt in a json area", "FPG0014", Json.Replace("      order_id:", "      pg_salt: { fill: salt }\n      order_id:").Replace("    request:", "    «request:")),
        ("redirect in a json area", "FPG0011", Json.Replace("    path: /ping", "    path: /ping\n    kind: «redirect").Replace("\n    response:\n      elements:\n        status: { values: [ok, error] }", string.Empty)),
        ("wrapped list in a json reply", "FPG0011", Json.Replace("status: { values: [ok, error] }", "status: { values: [ok, error] }\n        items: { type: «list, item: x, item-type: string }")),
        ("unknown header fill", "FPG0016", Json.Replace("    request:", "    headers:\n      X-Request-Id: { fill: «uuid7 }\n    request:")),
        ("header the client writes", "FPG0011", Json.Replace("    request:", "    headers:\n      «X-JWS-Signature: forged\n    request:")),
        ("header with a space", "FPG0024", Json.Replace("    request:", "    headers:\n      «\"X Action\": read\n    request:")),
        ("secret name with capitals", "FPG0024", Valid.Replace("operations:", "secret: «Payout_Key\noperations:")),
        ("relative server url", "FPG0024", Valid.Replace("https://api.example.test/", "«/relative")),
        ("unknown fill", "FPG0016", Valid.Replace("{ fill: salt }", "{ fill: «token }")),
        ("server signed with pg_sig", "FPG0016", Json.Replace("  kz: https://api.example.test/", "  kz: https://api.example.test/\n  uz: { url: \"https://uz.example.test/\", auth: «pg-sig }")),
        ("server scheme in a pg_sig area", "FPG0011", Valid.Replace("  kz: https://api.example.test/", "  kz: https://api.example.test/\n  uz: { url: \"https://uz.example.test/\", auth: «sha256-sign }")),
        ("server header an operation sets too", "FPG0006", Json.Replace("  kz: https://api.example.test/", "  kz: https://api.example.test/\n  uz: { url: \"https://uz.example.test/\", «headers: { X-Action: read } }").Replace("    request:", "    headers:\n      X-Action: ping\n    request:")),
        ("server header with a space", "FPG0024", Json.Replace("  kz: https://api.example.test/", "  kz: https://api.example.test/\n  uz: { url: \"https://uz.example.test/\", headers: { «\"X Y\": a } }")),
        ("server header fill unknown", "FPG0016", Json.Replace("  kz: https://api.example.test/", "  kz: https://api.example.test/\n  uz: { url: \"https://uz.example.test/\", headers: { Request-Id: { fill: «uuid } } }")),
        ("server scheme not a name", "FPG0005", Json.Replace("  kz: https://api.example.test/", "  kz: https://api.example.test/\n  uz: { url: \"https://uz.example.test/\", auth: «[sha256-sign] }")),
        ("unknown request id format", "FPG0016", Json.Replace("operations:", "request-id-format: «uuid-v5\noperations:")),
        ("http status in an XML area", "FPG0025", Valid.Replace("operations:", "errors:\n  http-status: «[422]\noperations:")),
        ("http status of a server error", "FPG0024", Json.Replace("operations:", "errors:\n  http-status: [422, «500]\noperations:")),
        ("http status not a list", "FPG0005", Json.Replace("operations:", "errors:\n  http-status: «422\noperations:")),
        ("error code path with an empty step", "FPG0024", Json.Replace("operations:", "errors:\n  code: «error//code\noperations:")),
        ("wire name starting with a digit and no C# name", "FPG0012", Json.Replace("status: { values: [ok, error] }", "status: { values: [ok, error] }\n        «3ds: string")),
        ("unsigned code not a number", "FPG0024", Valid.Replace("operations:", "errors:\n  unsigned-codes: [101, «abc]\noperations:")),
        ("wire name with a space", "FPG0024", Valid.Replace("      pg_salt:", "      «\"pg bad\": string\n      pg_salt:")),
        ("fill with a type", "FPG0025", Valid.Replace("{ fill: salt }", "{ fill: salt, «type: string }")),
        ("two payment ids in a request", "FPG0006", Valid.Replace("{ max-length: 10 }", "{ role: payment-id }").Replace("      pg_salt:", "      «pg_other_id: { role: payment-id }\n      pg_salt:")),
        ("payment id on a flag", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ type: boolean, role: «payment-id }")),
        ("unknown sensitivity", "FPG0016", Valid.Replace("{ max-length: 10 }", "{ sensitive: «maybe }")),
        ("unknown role", "FPG0016", Valid.Replace("{ max-length: 10 }", "{ role: «owner }")),
        ("sensitive on a filled field", "FPG0025", Valid.Replace("{ fill: salt }", "{ fill: salt, «sensitive: true }")),
        ("unknown key under defaults", "FPG0003", Valid.Replace("operations:", "defaults:\n  «reqest: {}\noperations:")),
        ("unknown key of an area enum", "FPG0003", Valid.Replace("operations:", "enums:\n  St:\n    values: [a]\n    «title: x\noperations:")),
        ("area enum without values", "FPG0010", Valid.Replace("operations:", "enums:\n  «St: { description: x }\noperations:")),
        ("shared field without a definition", "FPG0019", Valid.Replace("      pg_salt:", "      «pg_payment_id:\n      pg_salt:")),
        ("shared element without a definition", "FPG0019", Valid.Replace("pg_status: { values: [ok, error] }", "pg_status: { values: [ok, error] }\n        «pg_payment_id:")),
        ("deprecated with no text", "FPG0024", Valid.Replace("    summary: Checks the connection.\n", "    summary: Checks the connection.\n    deprecated: «\"\"\n")),
        ("deprecated required field", "FPG0011", Valid.Replace("{ max-length: 10 }", "{ required: true, «deprecated: use pg_payment_id }")),
        ("deprecated filled field", "FPG0025", Valid.Replace("pg_salt: { fill: salt }", "pg_salt: { fill: salt, «deprecated: no }")),
        ("shared enum with other values", "FPG0017", Valid.Replace("pg_status: { values: [ok, error] }", "pg_status: { values: [ok, error], enum: St }\n        pg_state: { values: [ok], enum: «St }")),
    }.Select(c => new object[] { c.Name, c.Id, c.Spec });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_the_error_at_its_yaml_position(string name, string expectedId, string specWithMarker)
    {
        int marker = specWithMarker.IndexOf(Marker, System.StringComparison.Ordinal);
        string spec = specWithMarker.Replace(Marker, string.Empty);
        var (result, _) = GeneratorHarness.Run(spec, "/specs/demo.yaml");

        Diagnostic[] errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        string all = string.Join("\n", GeneratorHarness.Describe(result.Diagnostics));
        Diagnostic? match = errors.FirstOrDefault(d => d.Id == expectedId);
        Assert.True(match is not null, $"{name}: expected {expectedId}, got:\n{all}");
        Assert.Empty(result.GeneratedSources);
        Assert.Null(result.Exception);
        Assert.All(result.Diagnostics, d => Assert.Equal("/specs/demo.yaml", d.Location.GetLineSpan().Path));
        if (marker >= 0)
        {
            var expected = Position(spec, marker);
            var actual = match!.Location.GetLineSpan().StartLinePosition;
            Assert.True(expected == (actual.Line, actual.Character), $"{name}: {expectedId} at ({actual.Line + 1},{actual.Character + 1}), expected ({expected.Line + 1},{expected.Column + 1}):\n{all}");
            Assert.Equal(marker, match.Location.SourceSpan.Start);
        }
    }

    [Fact]
    public void Unknown_keys_suggest_the_closest_known_key()
    {
        var (result, _) = GeneratorHarness.Run(Valid.Replace("{ max-length: 10 }", "{ requird: true }"), "/specs/demo.yaml");

        Assert.Equal("Unknown key 'requird' in field 'pg_order_id' of operation 'Ping'; did you mean 'required'?", Assert.Single(result.Diagnostics).GetMessage());
    }

    [Fact]
    public void A_request_field_indented_one_level_too_shallow_is_told_to_go_under_request()
    {
        var (result, _) = GeneratorHarness.Run(Valid.Replace("      pg_order_id: { max-length: 10 }\n", string.Empty).Replace("    request:\n", "    pg_order_id: { max-length: 10 }\n    request:\n"), "/specs/demo.yaml");

        Assert.Equal("Unknown key 'pg_order_id' in operation 'Ping'; it looks like a request field: indent it under 'request:'", Assert.Single(result.Diagnostics).GetMessage());
    }

    [Fact]
    public void A_path_parameter_that_is_no_field_says_to_add_it_under_request()
    {
        var (result, _) = GeneratorHarness.Run(Valid.Replace("path: /ping", "path: /v1/{pg_card}/ping"), "/specs/demo.yaml");

        Assert.Equal(
            "'pg_card' in the path of operation 'Ping' (parameters are {merchant-id} or request fields) is not a request field the caller gives; add it under 'request:' (it becomes a required field whose value goes into the path)",
            Assert.Single(result.Diagnostics).GetMessage());
    }

    [Fact]
    public void A_request_id_fill_on_a_body_field_is_filled_by_the_client_and_an_unknown_fill_lists_it()
    {
        var (filled, _) = GeneratorHarness.Run(Valid.Replace("pg_order_id: { max-length: 10 }", "request_id: { fill: request-id }"), "/specs/demo.yaml");
        var (unknown, _) = GeneratorHarness.Run(Valid.Replace("{ max-length: 10 }", "{ fill: uuid }"), "/specs/demo.yaml");

        Assert.Empty(filled.Diagnostics);
        Assert.Contains("RequestIdField(\"request_id\")", filled.GeneratedSources.Single(s => s.HintName == "Demo.Ping.g.cs").SourceText.ToString());
        Diagnostic error = Assert.Single(unknown.Diagnostics);
        Assert.Equal("FPG0016", error.Id);
        Assert.Contains("'request-id' (a UUID per call)", error.GetMessage());
    }

    [Theory]
    [InlineData("{ type: list, class: PingRequest, fields: { a: string } }", "change 'class:' to another name to tell them apart")]
    [InlineData("{ type: list, class: Line, fields: { a: string } }\n      pg_x: { type: object, class: Line, fields: { b: string } }", "change 'class:' to another name to tell them apart")]
    [InlineData("{ type: object, class: PingX, fields: { a: string } }\n      pg_x: { type: object, fields: { b: string } }", "add 'class:' with another name (the name was made from the field's) to tell them apart")]
    [InlineData("{ name: GetHashCode }", "set 'name:' to tell them apart")]
    public void A_name_collision_names_the_key_to_change(string field, string remedy)
    {
        var (result, _) = GeneratorHarness.Run(Valid.Replace("{ max-length: 10 }", field), "/specs/demo.yaml");

        Diagnostic error = result.Diagnostics.First(d => d.Id == "FPG0013");
        Assert.EndsWith(remedy, error.GetMessage());
    }

    [Fact]
    public void A_comma_inside_an_unquoted_flow_value_is_explained()
    {
        var (result, _) = GeneratorHarness.Run(Valid.Replace("{ max-length: 10 }", "{ description: The order, as sent }"), "/specs/demo.yaml");

        Assert.Equal(
            "Unknown key 'as sent' in field 'pg_order_id' of operation 'Ping'. It looks like the rest of a text value: inside { } a ',' ends a value, so quote the text",
            Assert.Single(result.Diagnostics).GetMessage());
    }

    [Fact]
    public void Unknown_types_list_the_allowed_ones_and_suggest_one()
    {
        var (result, _) = GeneratorHarness.Run(Valid.Replace("{ max-length: 10 }", "{ type: integr }"), "/specs/demo.yaml");

        Assert.Equal(
            "Unknown type 'integr' for field 'pg_order_id' of operation 'Ping'; use one of: string, integer, decimal, boolean, enum, datetime, datetime-offset, date, list, object; did you mean 'integer'?",
            Assert.Single(result.Diagnostics).GetMessage());
    }

    [Fact]
    public void An_operation_without_description_is_a_warning_and_still_generates()
    {
        var (result, output) = GeneratorHarness.Run(Valid.Replace("    summary: Checks the connection.\n", string.Empty), "/specs/demo.yaml");

        Diagnostic warning = Assert.Single(result.Diagnostics);
        Assert.Equal("FPG0018", warning.Id);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Demo.Ping.g.cs");
    }

    [Fact]
    public void Two_files_declaring_one_area_are_reported_at_the_second_files_area_line()
    {
        var (result, _) = GeneratorHarness.Run(new[] { new SpecFile("/specs/a.yaml", Valid), new SpecFile("/specs/b.yaml", "# copy\n" + Valid) });

        Diagnostic duplicate = Assert.Single(result.Diagnostics);
        Assert.Equal("FPG0015", duplicate.Id);
        Assert.Equal("/specs/b.yaml", duplicate.Location.GetLineSpan().Path);
        Assert.Equal(1, duplicate.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(result.GeneratedSources, s => s.HintName == "Demo.Ping.g.cs"); // the first file still generates
    }

    [Fact]
    public void Several_errors_in_one_file_are_all_reported()
    {
        string spec = Valid.Replace("path: /ping", "path: ping").Replace("{ max-length: 10 }", "{ type: strng }").Replace("operations:", "encoding: xml\noperations:");

        var (result, _) = GeneratorHarness.Run(spec, "/specs/demo.yaml");

        Assert.Equal(new[] { "FPG0008", "FPG0009", "FPG0016" }, result.Diagnostics.Select(d => d.Id).OrderBy(id => id));
    }

    [Fact]
    public void Yaml_files_not_marked_as_specs_are_ignored()
    {
        var driver = GeneratorHarness.CreateDriver(System.Array.Empty<SpecFile>())
            .AddAdditionalTexts(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText("/other/config.yaml", "not: [a spec")));

        var result = driver.RunGenerators(GeneratorHarness.EmptyCompilation()).GetRunResult().Results.Single();

        Assert.Empty(result.Diagnostics);
        Assert.Empty(result.GeneratedSources);
    }

    private static (int Line, int Column) Position(string text, int index)
    {
        int line = 0, column = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }
}
