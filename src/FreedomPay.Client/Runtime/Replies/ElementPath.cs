using System;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// An element named by a path: element names joined by '/' (<c>error/code</c>, the Gateway Async API's nested error
    /// code). A name without '/' is a child of the root, as before. Each step is one <see cref="PgElement.Find"/>, so a
    /// path costs its length, and a duplicate on the way is refused as ambiguous.
    /// </summary>
    internal static class ElementPath
    {
        public const char Separator = '/';

        /// <summary>The element at <paramref name="path"/> under <paramref name="root"/>, or null when a step is missing.</summary>
        public static PgElement? Find(PgElement root, string path)
        {
            PgElement? current = root;
            int start = 0;
            while (current is not null)
            {
                int end = path.IndexOf(Separator, start);
                if (end < 0)
                {
                    return current.Find(start == 0 ? path : path.Substring(start));
                }

                current = current.Find(path.Substring(start, end - start));
                start = end + 1;
            }

            return null;
        }

        /// <summary>Whether <paramref name="path"/>'s first step is <paramref name="name"/>.</summary>
        public static bool StartsWith(string path, string name)
        {
            int end = path.IndexOf(Separator);
            return end < 0 ? string.Equals(path, name, StringComparison.Ordinal) : end == name.Length && string.CompareOrdinal(path, 0, name, 0, end) == 0;
        }
    }
}
