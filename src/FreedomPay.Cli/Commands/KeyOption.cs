using System;
using System.Collections.Generic;
using System.CommandLine;
using FreedomPay.Cli.Output;

namespace FreedomPay.Cli.Commands
{
    /// <summary><c>--key NAME=VALUE</c>: the keys areas are signed with besides the main one (the spec's <c>secret: NAME</c>).</summary>
    internal static class KeyOption
    {
        public static Option<string[]> Create(string description) => new("--key")
        {
            Description = description,
            Recursive = true,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        /// <summary>The value given for <paramref name="name"/>, if any.</summary>
        /// <exception cref="UsageException">A value is not NAME=VALUE.</exception>
        public static string? Find(string[]? given, string name)
        {
            foreach (KeyValuePair<string, string> key in Parse(given))
            {
                if (string.Equals(key.Key, name, StringComparison.Ordinal))
                {
                    return key.Value;
                }
            }

            return null;
        }

        /// <summary>Every NAME=VALUE given; the message of a malformed one never repeats its value.</summary>
        public static IEnumerable<KeyValuePair<string, string>> Parse(string[]? given)
        {
            foreach (string item in given ?? Array.Empty<string>())
            {
                int equals = item.IndexOf('=');
                if (equals <= 0 || equals == item.Length - 1)
                {
                    throw new UsageException("--key takes NAME=VALUE, e.g. --key payout=... (the name the area's spec gives under 'secret:').");
                }

                yield return new KeyValuePair<string, string>(item.Substring(0, equals), item.Substring(equals + 1));
            }
        }
    }
}
