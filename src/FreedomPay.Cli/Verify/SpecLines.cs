using System;

namespace FreedomPay.Cli.Verify
{
    /// <summary>
    /// Where in a spec's YAML an operation's reply element is written, to name the line to edit: the operation's
    /// entry under <c>operations:</c>, then each element of the path under its <c>response:</c> in turn. A name the
    /// text does not have (an undescribed element) gives the line of the nearest described parent.
    /// </summary>
    internal static class SpecLines
    {
        /// <summary>The 1-based line, or null when the operation is not in <paramref name="yaml"/>.</summary>
        public static int? Find(string yaml, string operation, string elementPath)
        {
            string[] lines = yaml.Replace("\r\n", "\n").Split('\n');
            int at = Index(lines, 0, "operations:", indent: 0);
            at = at < 0 ? -1 : Index(lines, at + 1, operation + ":", indent: 2);
            if (at < 0)
            {
                return null;
            }

            int found = at;
            int response = Index(lines, at + 1, "response:", indent: 4, stopAtIndent: 2);
            if (response >= 0)
            {
                int from = response + 1;
                foreach (string name in elementPath.Split('/'))
                {
                    int line = IndexAnyIndent(lines, from, name + ":", minimumIndent: Indent(lines[from - 1]) + 1);
                    if (line < 0)
                    {
                        break;
                    }

                    found = line;
                    from = line + 1;
                }
            }

            return found + 1;
        }

        private static int Index(string[] lines, int from, string key, int indent, int stopAtIndent = -1)
        {
            for (int i = from; i < lines.Length; i++)
            {
                int current = Indent(lines[i]);
                if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (current == indent && lines[i].TrimStart().StartsWith(key, StringComparison.Ordinal))
                {
                    return i;
                }

                if (stopAtIndent >= 0 && current <= stopAtIndent)
                {
                    return -1;
                }
            }

            return -1;
        }

        private static int IndexAnyIndent(string[] lines, int from, string key, int minimumIndent)
        {
            for (int i = from; i < lines.Length; i++)
            {
                string trimmed = lines[i].TrimStart();
                if (trimmed.Length == 0 || trimmed.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (Indent(lines[i]) < minimumIndent)
                {
                    return -1;
                }

                if (trimmed.StartsWith(key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
    }
}
