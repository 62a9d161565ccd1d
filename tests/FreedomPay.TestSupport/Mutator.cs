using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FreedomPay.TestSupport;

/// <summary>
/// Turns a genuine message into a hostile one, reproducibly from a seed: byte flips, cuts, repeats, injected markup
/// (nesting, CDATA, entities, a DTD), renamed and duplicated elements. The fuzz runs use it with a fixed seed and a
/// random one, and print the seed of any failing case so that it can be replayed.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly string[] Fragments =
    {
        "<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x10FFFF;", "&lol;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE r [<!ENTITY e \"x\">]>", "<a>", "</a>", "<pg_sig>0</pg_sig>", "<pg_status>error</pg_status>", "<pg_error_code>1004</pg_error_code>",
        "\u0000", "\uFFFE", "\uD800", " ", "\r\n", "\t", "%", "%zz", "=", "&&", "pg_", "pg_sig", "pg_status", "ok", "error",
    };

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>One to four mutations of <paramref name="text"/>.</summary>
    public string Mutate(string text)
    {
        int rounds = _random.Next(1, 5);
        for (int i = 0; i < rounds; i++)
        {
            text = Once(text);
        }

        return text;
    }

    private string Once(string text)
    {
        int at = text.Length == 0 ? 0 : _random.Next(text.Length);
        switch (_random.Next(10))
        {
            case 0: // flip a character
                return text.Length == 0 ? text : text.Remove(at, 1).Insert(at, ((char)_random.Next(0, 0x3000)).ToString());
            case 1: // cut a range out
                return text.Length == 0 ? text : text.Remove(at, _random.Next(1, Math.Min(64, text.Length - at) + 1));
            case 2: // truncate
                return text.Substring(0, at);
            case 3: // insert a fragment of markup or encoding
                return text.Insert(at, Fragments[_random.Next(Fragments.Length)]);
            case 4: // repeat a range many times
            {
                int length = Math.Min(_random.Next(1, 40), text.Length - at);
                return length <= 0 ? text : text.Insert(at, string.Concat(Enumerable.Repeat(text.Substring(at, length), _random.Next(2, 2000))));
            }

            case 5: // deep nesting at a random place
            {
                int depth = _random.Next(10, 3000);
                return text.Insert(at, new StringBuilder().Insert(0, "<n>", depth).Append('x').Insert(3 * depth + 1, "</n>", depth).ToString());
            }

            case 6: // many siblings
                return text.Insert(at, string.Concat(Enumerable.Range(0, _random.Next(10, 5000)).Select(i => $"<e{_random.Next(100000)}>v</e{i}>")));
            case 7: // rename an element: find "<pg_" and change the next character
            {
                int tag = text.IndexOf("<pg_", at, StringComparison.Ordinal);
                return tag < 0 || tag + 4 >= text.Length ? text : text.Remove(tag + 4, 1).Insert(tag + 4, ((char)_random.Next('a', 'z' + 1)).ToString());
            }

            case 8: // duplicate a whole line (an element, in the indented documents)
            {
                string[] lines = text.Split('\n');
                int line = _random.Next(lines.Length);
                return string.Join("\n", lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
            }

            default: // swap two halves
                return text.Substring(at) + text.Substring(0, at);
        }
    }

    /// <summary>A mutated form field list: names and values changed, fields dropped, repeated or added.</summary>
    public List<KeyValuePair<string, string>> Mutate(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var result = fields.ToList();
        int rounds = _random.Next(1, 4);
        for (int i = 0; i < rounds && result.Count > 0; i++)
        {
            int index = _random.Next(result.Count);
            switch (_random.Next(5))
            {
                case 0:
                    result[index] = new(result[index].Key, Mutate(result[index].Value));
                    break;
                case 1:
                    result[index] = new(Mutate(result[index].Key), result[index].Value);
                    break;
                case 2:
                    result.RemoveAt(index);
                    break;
                case 3:
                    result.Add(result[index]);
                    break;
                default:
                    result.AddRange(Enumerable.Range(0, _random.Next(1, 400)).Select(n => new KeyValuePair<string, string>("x" + n, "y")));
                    break;
            }
        }

        return result;
    }
}
