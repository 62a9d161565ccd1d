using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FreedomPay.TestSupport;

/// <summary>
/// The pg_sig rule written as plainly as the reference code states it, for tests to check the SDK against (the
/// SDK's own code streams, sorts per level and only builds flat names in rare corners; this builds them always):
/// a form is read into nested groups as PHP reads <c>a[k1][k2]</c>; each value gets the flat name parent + key +
/// its 1-based position as three digits (<c>pg_sig</c> counted, then skipped); values sorted by flat name (ordinal);
/// md5("script;values;secret"). XML is flattened a second time, as the reference's XML variant does.
/// </summary>
public static partial class ReferenceSignature
{
    /// <summary>Form fields in the order sent.</summary>
    public static string Sign(string script, IEnumerable<KeyValuePair<string, string>> fields, string secret) =>
        Md5(script, Flatten(ReadForm(fields), string.Empty), secret);

    /// <summary>An XML message given as its root's children: (name, text) or (name, children).</summary>
    public static string SignXml(string script, IReadOnlyList<Node> children, string secret)
    {
        List<KeyValuePair<string, string>> once = Flatten(children, string.Empty);
        var twice = once.Select((pair, i) => new KeyValuePair<string, string>(pair.Key + (i + 1).ToString("D3"), pair.Value)).ToList();
        return Md5(script, twice, secret);
    }

    /// <summary>A message node: a value, or a group of nodes.</summary>
    public sealed record Node(string Name, string? Value, IReadOnlyList<Node>? Children = null)
    {
        public static Node Leaf(string name, string value) => new(name, value);

        public static Node Group(string name, params Node[] children) => new(name, null, children);
    }

    private static List<Node> ReadForm(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var root = new List<Node>();
        foreach (KeyValuePair<string, string> field in fields)
        {
            Match match = Bracketed().Match(field.Key);
            string[] keys = match.Success
                ? new[] { match.Groups[1].Value }.Concat(match.Groups[2].Captures.Select(c => c.Value)).ToArray()
                : new[] { field.Key };
            List<Node> level = root;
            foreach (string key in keys[..^1])
            {
                Node? group = level.FirstOrDefault(n => n.Name == key && n.Children is not null);
                if (group is null)
                {
                    group = new Node(key, null, new List<Node>());
                    level.Add(group);
                }

                level = (List<Node>)group.Children!;
            }

            level.Add(Node.Leaf(keys[^1], field.Value));
        }

        return root;
    }

    private static List<KeyValuePair<string, string>> Flatten(IReadOnlyList<Node> nodes, string parent)
    {
        var flat = new List<KeyValuePair<string, string>>();
        for (int i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Name == "pg_sig")
            {
                continue;
            }

            string name = parent + nodes[i].Name + (i + 1).ToString("D3");
            if (nodes[i].Children is { } children)
            {
                flat.AddRange(Flatten(children, name));
            }
            else
            {
                flat.Add(new KeyValuePair<string, string>(name, nodes[i].Value!));
            }
        }

        return flat;
    }

    private static string Md5(string script, IEnumerable<KeyValuePair<string, string>> flat, string secret)
    {
        IEnumerable<string> values = flat.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value);
        string text = string.Join(";", new[] { script }.Concat(values).Append(secret));
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [GeneratedRegex(@"^([^\[\]]+)(?:\[([^\[\]]*)\])+$")]
    private static partial Regex Bracketed();
}
