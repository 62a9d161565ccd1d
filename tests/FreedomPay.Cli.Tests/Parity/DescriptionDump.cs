using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;

namespace FreedomPay.Cli.Tests.Parity;

/// <summary>
/// A canonical text of a runtime description (operation descriptors, field tables, reply shapes), property by
/// property, public and internal, found by reflection so that a property added to the runtime is compared without
/// anyone listing it here. Delegates (how a typed request or reply is built) are left out: they are the one thing a
/// compiled client and a spec bound at run time make differently.
/// </summary>
internal static class DescriptionDump
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public static string Of(object? value)
    {
        var text = new StringBuilder();
        Write(text, value, 0, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth, HashSet<object> open)
    {
        if (depth > 16)
        {
            text.Append("<too deep>");
            return;
        }

        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string s:
                text.Append('"').Append(s).Append('"');
                return;
            case Delegate:
                text.Append("<delegate>");
                return;
            case Enum or bool or Uri or TimeSpan or char:
                text.Append(value);
                return;
            case IFormattable formattable:
                text.Append(formattable.ToString(null, CultureInfo.InvariantCulture));
                return;
            case IEnumerable items:
                text.Append('[');
                int i = 0;
                foreach (object? item in items)
                {
                    text.Append('\n').Append(' ', (depth + 1) * 2).Append(i++).Append(": ");
                    Write(text, item, depth + 1, open);
                }

                text.Append(i == 0 ? "]" : "\n" + new string(' ', depth * 2) + "]");
                return;
        }

        Type type = value.GetType();
        if (!open.Add(value))
        {
            text.Append('<').Append(type.Name).Append(" (above)>");
            return;
        }

        text.Append(Name(type)).Append(" {");
        foreach (PropertyInfo property in type.GetProperties(Instance).Where(p => p.GetIndexParameters().Length == 0).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append(' ', (depth + 1) * 2).Append(property.Name).Append(": ");
            object? propertyValue;
            try
            {
                propertyValue = property.GetValue(value);
            }
            catch (TargetInvocationException ex)
            {
                propertyValue = "<throws " + ex.InnerException?.GetType().Name + ">";
            }

            Write(text, propertyValue, depth + 1, open);
        }

        text.Append('\n').Append(' ', depth * 2).Append('}');
        open.Remove(value);
    }

    /// <summary>The runtime's own type names; the CLI's stand-ins for generated types are named by what they stand for.</summary>
    private static string Name(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
}
