using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// Requests the client would refuse to send (a field left out, a malformed value): the merchant id, salt and the
/// spec's constants, then the given values, signed by the reference rule.
/// </summary>
internal static class RawGateway
{
    public static async Task<XElement> PostAsync(SandboxFixture f, OperationInfo operation, IReadOnlyDictionary<string, string> values, string? secret = null, string? merchantId = null)
    {
        SandboxMerchant merchant = f.Sandbox.Merchant;
        var fields = new List<KeyValuePair<string, string>> { new("pg_merchant_id", merchantId ?? merchant.MerchantId), new("pg_salt", "raw-salt") };
        fields.AddRange(operation.Fields.All.Where(f => f.Role == FieldRole.Constant).Select(f => new KeyValuePair<string, string>(f.WireName, f.ConstantValue!)));
        // Path parameters take their values out of the fields: {merchant-id} and request fields.
        string path = string.Join("/", operation.Descriptor.Path.Split('/').Select(segment =>
            segment == "{merchant-id}" ? merchantId ?? merchant.MerchantId
            : segment.StartsWith('{') ? Uri.EscapeDataString(values[segment[1..^1]])
            : segment));
        fields.AddRange(values.Where(v => !operation.Descriptor.Path.Contains("{" + v.Key + "}", StringComparison.Ordinal)));
        fields.Add(new("pg_sig", ReferenceSignature.Sign(operation.Descriptor.ScriptName, fields, secret ?? merchant.SecretKey)));
        using var http = new HttpClient { BaseAddress = f.Sandbox.BaseAddress };
        using HttpResponseMessage response = await http.PostAsync(path, new FormUrlEncodedContent(fields));
        // Whitespace kept: a value that is only whitespace ("\n") is signed as it is, and XDocument drops it by default.
        return XDocument.Parse(await response.Content.ReadAsStringAsync(), LoadOptions.PreserveWhitespace).Root!;
    }

    /// <summary>Whether a flat reply carries a valid signature for the operation's script.</summary>
    public static bool IsSigned(XElement reply, OperationInfo operation, SandboxMerchant merchant) =>
        reply.Element("pg_sig")?.Value is { } signature
        && signature == ReferenceSignature.Sign(operation.Descriptor.ScriptName, reply.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value)), merchant.SecretKey);
}
