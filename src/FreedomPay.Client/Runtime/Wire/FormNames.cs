using System.Globalization;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Form names of nested values as PHP-style form readers (the gateway's) nest them: a field of an object or item
    /// is <c>parent[name]</c>, an item of a list is <c>list[index]</c>.
    /// </summary>
    internal static class FormNames
    {
        /// <summary><paramref name="name"/> itself at the top (no parent), else <c>parent[name]</c>.</summary>
        public static string Child(string? parent, string name) => parent is null ? name : parent + "[" + name + "]";

        /// <summary><c>list[index]</c>.</summary>
        public static string Item(string list, int index) => list + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
