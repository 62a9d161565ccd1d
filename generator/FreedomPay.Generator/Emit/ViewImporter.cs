using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Reflection;
using Scriban.Runtime;

namespace FreedomPay.Generator.Emit
{
    /// <summary>
    /// Puts a view's properties into a template's globals under Scriban's snake_case names, like
    /// <c>ScriptObject.Import(object)</c>, but reflects over each view type once per process rather than once per
    /// render (Scriban's import reads every member's attributes each time).
    /// </summary>
    internal static class ViewImporter
    {
        private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Members =
            new ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]>();

        public static void Import(ScriptObject globals, object view)
        {
            foreach (var (name, property) in Members.GetOrAdd(view.GetType(), Describe))
            {
                globals.SetValue(name, property.GetValue(view), readOnly: true);
            }
        }

        private static (string Name, PropertyInfo Property)[] Describe(Type type) => type
            .GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null)
            .Select(p => (StandardMemberRenamer.Default(p), p))
            .ToArray();
    }
}
