using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using FreedomPay.TestSupport;

namespace FreedomPay.AspNetCore.Tests;

/// <summary>Signing callbacks as FreedomPay would and checking replies, with the independent reference signature.</summary>
internal static class Signatures
{
    /// <summary>The fields given, plus a pg_sig over them for the script.</summary>
    public static List<KeyValuePair<string, string>> Signed(string script, string secret, params (string Name, string Value)[] fields)
    {
        var list = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).ToList();
        list.Add(new("pg_sig", ReferenceSignature.Sign(script, list, secret)));
        return list;
    }

    public static void AssertSigned(XElement reply, string script, string secret)
    {
        var elements = reply.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value));
        Assert.Equal(ReferenceSignature.Sign(script, elements, secret), reply.Element("pg_sig")!.Value);
    }
}
