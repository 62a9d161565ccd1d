using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace FreedomPay.TestSupport;

/// <summary>
/// The pg_sig rule written as plainly as possible (LINQ's OrderBy is a stable sort), for tests to check the SDK
/// against: md5("script;values by name;secret").
/// </summary>
public static class ReferenceSignature
{
    public static string Sign(string script, IEnumerable<KeyValuePair<string, string>> fields, string secret)
    {
        IEnumerable<string> values = fields
            .Where(f => f.Key != "pg_sig")
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Value);
        string text = string.Join(";", new[] { script }.Concat(values).Append(secret));
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
