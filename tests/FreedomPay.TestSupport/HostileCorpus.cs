using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FreedomPay.TestSupport;

/// <summary>
/// The hostile corpus: messages shaped to crash, stall or mislead a parser, built the same way on every run (they
/// are too large to keep as files, and each one is a recipe of a few lines). Each case names the attack, the body,
/// how it is sent (content type) and whether a genuine secret signs it. The client tests send the replies through
/// the whole client; the callback tests post the callbacks to a merchant app; the benchmarks time the 1 MB ones.
/// Every case must end in a documented exception (client) or a signed error reply (callbacks), quickly.
/// </summary>
public static class HostileCorpus
{
    /// <summary>About one mebibyte: the size of the quadratic shapes.</summary>
    public const int Megabyte = 1024 * 1024;

    /// <summary>Replies a gateway (or someone between shop and gateway) could send to the client.</summary>
    public static IEnumerable<HostileCase> Replies()
    {
        yield return new("deep nesting, 100k elements", Nested("response", 100_000), "FreedomPayProtocolException");
        yield return new("deep nesting, 40 levels", Nested("response", 40), "FreedomPayProtocolException");
        yield return new("sibling elements in reverse name order, 1 MB", ReverseSiblings("response", Megabyte), "FreedomPayProtocolException");
        yield return new("alternating text and CDATA nodes in one element, 1 MB", AlternatingText("response", Megabyte), "FreedomPaySignatureException");
        yield return new("thousands of attributes on one element", ManyAttributes("response", 20_000), "FreedomPaySignatureException");
        yield return new("a 1 MB element name", Utf8($"<response><{new string('n', Megabyte)}>1</{new string('n', Megabyte)}></response>"), "FreedomPaySignatureException");
        yield return new("entity expansion (billion laughs)", Utf8(BillionLaughs), "FreedomPayProtocolException");
        yield return new("external entity", Utf8("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><response><pg_status>&e;</pg_status></response>"), "FreedomPayProtocolException");
        yield return new("5 MB reply, over the 4 MiB cap", Utf8("<response><pg_status>ok</pg_status><pg_x>" + new string('x', 5 * Megabyte) + "</pg_x></response>"), "FreedomPayProtocolException");
        yield return new("unclosed root after 1 MB", Utf8("<response>" + string.Concat(Enumerable.Repeat("<a>1</a>", Megabyte / 8))), "FreedomPayProtocolException");
        yield return new("trailing garbage after the root", Utf8("<response><pg_status>ok</pg_status></response><response/>"), "FreedomPayProtocolException");
        yield return new("not UTF-8", new byte[] { 0x3C, 0x72, 0xFF, 0xFE, 0x3E }, "FreedomPayProtocolException");
        yield return new("empty body", Array.Empty<byte>(), "FreedomPayProtocolException");
    }

    /// <summary>JSON replies to a JSON area's call: the same rules, the same outcome (a documented exception, bounded work).</summary>
    public static IEnumerable<HostileCase> JsonReplies()
    {
        yield return new("JSON nested 100k objects deep", Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000)), "FreedomPayProtocolException");
        yield return new("JSON nested 40 arrays deep", Utf8("{\"a\":" + new string('[', 40) + new string(']', 40) + "}"), "FreedomPayProtocolException");
        yield return new("JSON array of 1M numbers", Utf8("{\"a\":[" + string.Join(",", Enumerable.Repeat("1", Megabyte / 2)) + "]}"), "FreedomPayProtocolException");
        yield return new("JSON with a 1 MB property name", Utf8("{\"" + new string('n', Megabyte) + "\":1,\"status\":\"ok\"}"), "FreedomPayProtocolException");
        yield return new("JSON 5 MB string, over the 4 MiB cap", Utf8("{\"status\":\"ok\",\"x\":\"" + new string('x', 5 * Megabyte) + "\"}"), "FreedomPayProtocolException");
        yield return new("JSON duplicate status", Utf8("{\"status\":\"ok\",\"status\":\"error\"}"), "FreedomPayProtocolException");
        yield return new("JSON top-level array", Utf8("[{\"status\":\"ok\"}]"), "FreedomPayProtocolException");
        yield return new("JSON trailing garbage", Utf8("{\"status\":\"ok\"} {}"), "FreedomPayProtocolException");
        yield return new("JSON unterminated string", Utf8("{\"status\":\"ok"), "FreedomPayProtocolException");
        yield return new("JSON with a lone surrogate escape", Utf8("{\"status\":\"\\ud800\"}"), "FreedomPayProtocolException");
        yield return new("XML where JSON is expected", Utf8("<response><status>ok</status></response>"), "FreedomPayProtocolException");
        yield return new("empty JSON body", Array.Empty<byte>(), "FreedomPayProtocolException");
    }

    /// <summary>
    /// Callbacks anyone on the internet can send to the merchant's endpoints, as (content type, body). None is
    /// validly signed; each must be answered with a signed <c>error</c>, never an HTTP 500, and never reach the handler.
    /// </summary>
    public static IEnumerable<HostileCallback> Callbacks()
    {
        byte[] deep = Nested("request", 100_000);
        yield return new("XML body of 100k nested elements (~700 KB)", "application/xml", deep);
        yield return new("XML body of 100k nested elements under the cap (~60 KB, 8k levels)", "application/xml", Nested("request", 8_000));
        yield return new("pg_xml form field of 100k nested elements", "application/x-www-form-urlencoded", Utf8("pg_xml=" + Uri.EscapeDataString(Encoding.UTF8.GetString(Nested("request", 40_000)))));
        yield return new("sibling elements in reverse name order, 1 MB", "application/xml", ReverseSiblings("request", Megabyte));
        yield return new("alternating text and CDATA nodes, 1 MB", "application/xml", AlternatingText("request", Megabyte));
        yield return new("more than 1024 form fields", "application/x-www-form-urlencoded", Utf8(string.Join("&", Enumerable.Range(0, 2000).Select(i => $"f{i}=1"))));
        yield return new("a 4 MB field value", "application/x-www-form-urlencoded", Utf8("pg_order_id=" + new string('7', 4 * Megabyte)));
        yield return new("broken multipart (no closing boundary)", "multipart/form-data; boundary=XyZ", Utf8("--XyZ\r\nContent-Disposition: form-data; name=\"pg_order_id\"\r\n\r\n1\r\n--XyZ\r\nContent-Disposition: form-data; name=\"pg_result\"\r\n\r\n1"));
        yield return new("multipart without a boundary", "multipart/form-data", Utf8("--a\r\n\r\nx"));
        yield return new("multipart with 400 tiny parts (under the size cap, over the field cap)", "multipart/form-data; boundary=b", Utf8(string.Concat(Enumerable.Range(0, 400).Select(i => $"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\n1\r\n")) + "--b--\r\n"));
        yield return new("bad percent-encoding", "application/x-www-form-urlencoded", Utf8("pg_order_id=%zz%&pg_result=%"));
        yield return new("XML with a DTD", "application/xml", Utf8(BillionLaughs));
        yield return new("an 8 MB body", "application/x-www-form-urlencoded", Utf8("pg_order_id=" + new string('1', 8 * Megabyte)));
        yield return new("duplicate pg_sig fields", "application/x-www-form-urlencoded", Utf8("pg_order_id=1&pg_payment_id=1&pg_amount=1&pg_currency=KZT&pg_result=1&pg_salt=a&pg_sig=0&pg_sig=1"));
        yield return new("unknown content type", "application/octet-stream", new byte[] { 1, 2, 3 });
    }

    /// <summary><c>&lt;root&gt;&lt;a&gt;&lt;a&gt;...1...&lt;/a&gt;&lt;/a&gt;&lt;/root&gt;</c>, <paramref name="depth"/> levels below the root.</summary>
    public static byte[] Nested(string root, int depth)
    {
        var xml = new StringBuilder(depth * 7 + 64).Append('<').Append(root).Append('>');
        xml.Insert(xml.Length, "<a>", depth).Append('1').Insert(xml.Length, "</a>", depth);
        return Utf8(xml.Append("</").Append(root).Append('>').ToString());
    }

    /// <summary>Siblings <c>e99999 ... e00000</c>: the worst order for an insertion sort by name.</summary>
    public static byte[] ReverseSiblings(string root, int bytes)
    {
        int count = bytes / 18;
        var xml = new StringBuilder(bytes + 64).Append('<').Append(root).Append('>');
        for (int i = count - 1; i >= 0; i--)
        {
            xml.Append("<e").Append(i.ToString("D6")).Append(">1</e").Append(i.ToString("D6")).Append('>');
        }

        return Utf8(xml.Append("</").Append(root).Append('>').ToString());
    }

    /// <summary>One element whose text is many short text and CDATA nodes: the worst case for <c>text += value</c>.</summary>
    public static byte[] AlternatingText(string root, int bytes)
    {
        int pairs = bytes / 14;
        var xml = new StringBuilder(bytes + 64).Append('<').Append(root).Append("><pg_status>");
        for (int i = 0; i < pairs; i++)
        {
            xml.Append("ab<![CDATA[c]]>");
        }

        return Utf8(xml.Append("</pg_status></").Append(root).Append('>').ToString());
    }

    public static byte[] ManyAttributes(string root, int count)
    {
        var xml = new StringBuilder(count * 10 + 64).Append('<').Append(root);
        for (int i = 0; i < count; i++)
        {
            xml.Append(" a").Append(i).Append("=\"1\"");
        }

        return Utf8(xml.Append("><pg_status>ok</pg_status></").Append(root).Append('>').ToString());
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <response><pg_status>&lol3;</pg_status></response>
        """;
}

/// <summary>
/// A hostile reply: what it attacks, its bytes, and the exception a safe call ends in: a protocol error when the reader
/// refuses it, a signature error when it is well-formed within the limits but (of course) not signed.
/// </summary>
public sealed record HostileCase(string Name, byte[] Body, string Expected)
{
    public override string ToString() => Name;
}

/// <summary>A hostile callback: what it attacks, how it is sent, its bytes.</summary>
public sealed record HostileCallback(string Name, string ContentType, byte[] Body)
{
    public override string ToString() => Name;
}
