using System;
using System.Collections.Generic;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>Enums: their values (a list or a mapping), C# names, and registration under one name per area.</summary>
    internal sealed partial class SpecBinder
    {
        /// <summary>Every generated enum has <c>Unknown = 0</c>.</summary>
        private static readonly ReservedNames EnumReserved = new ReservedNames("Unknown");

        /// <summary>Reads 'values', registers the enum under its name and returns that name (null when it is unusable).</summary>
        /// <param name="shared">Declared <c>shared: true</c> under the area's <c>enums:</c>.</param>
        private string? BindEnum(MappingReader reader, string where, string enumName, string? description, SourceSpan nameSpan, bool shared = false)
        {
            if (!CheckName(enumName, $"the enum of {where}", nameSpan))
            {
                return null;
            }

            YNode? valuesNode = reader.Node("values");
            var values = new EnumValues(this, where, enumName);
            if (!ReadEnumValues(reader, valuesNode, values))
            {
                return null;
            }

            if (values.Bound.Count == 0)
            {
                if (!values.AnyWritten)
                {
                    _context.Report(DiagnosticDescriptors.EmptyEnum, valuesNode?.Span ?? reader.Owner, where);
                }

                return null;
            }

            var model = new EnumModel(enumName, description, values.Bound.ToEquatableArray(), shared);
            if (!_enums.Contains(enumName) && !ClaimTypeName(enumName, $"the enum of {where}", nameSpan, "change 'enum:' to another name to tell them apart"))
            {
                return null;
            }

            _enums.Register(model, where, nameSpan);
            return enumName;
        }

        /// <summary>
        /// The values as written: a list of wire values, or a mapping of wire value to a C# name or to
        /// <c>{ name, description }</c>. False when 'values' is neither (reported).
        /// </summary>
        private bool ReadEnumValues(MappingReader reader, YNode? valuesNode, EnumValues values)
        {
            switch (valuesNode)
            {
                case YSequence sequence:
                    foreach (YNode item in sequence.Items)
                    {
                        if (item is YScalar { IsNull: false } wire)
                        {
                            values.Add(wire, Naming.ToPascalCase(wire.Value), null, wire.Span);
                        }
                        else
                        {
                            reader.ReportWrongType("values", item, "a list of wire values");
                        }
                    }

                    return true;
                case YMapping mapping:
                    foreach (YEntry entry in mapping.Entries)
                    {
                        ReadEnumValue(reader, entry, values);
                    }

                    return true;
                case null:
                    return true;
                default:
                    reader.ReportWrongType("values", valuesNode, "a list of wire values or a mapping of wire value to C# name");
                    return false;
            }
        }

        private void ReadEnumValue(MappingReader reader, YEntry entry, EnumValues values)
        {
            switch (entry.Value)
            {
                case YScalar { IsNull: true }:
                    values.Add(entry.Key, Naming.ToPascalCase(entry.Key.Value), null, entry.Key.Span);
                    break;
                case YScalar name:
                    values.Add(entry.Key, name.Value, null, name.Span);
                    break;
                case YMapping details:
                    var detail = new MappingReader(_context, details, $"enum value '{entry.Key.Value}'", entry.Key.Span, new[] { "name", "description" });
                    values.Add(entry.Key, detail.String("name") ?? Naming.ToPascalCase(entry.Key.Value), detail.String("description"), detail.Node("name")?.Span ?? entry.Key.Span);
                    break;
                default:
                    reader.ReportWrongType(entry.Key.Value, entry.Value, "a C# name or a mapping with 'name:' and 'description:'");
                    break;
            }
        }

        /// <summary>The values of one enum as they are read: each wire value once, each C# name once (both reported otherwise).</summary>
        private sealed class EnumValues
        {
            private readonly SpecBinder _binder;
            private readonly string _where;
            private readonly HashSet<string> _wireSeen = new HashSet<string>(StringComparer.Ordinal);
            private readonly MemberNames _names;

            public EnumValues(SpecBinder binder, string where, string enumName)
            {
                _binder = binder;
                _where = where;
                _names = new MemberNames(binder._context, enumName, EnumReserved);
            }

            public List<EnumValueModel> Bound { get; } = new List<EnumValueModel>();

            /// <summary>Whether any value was written (an enum whose values all failed is not reported as empty).</summary>
            public bool AnyWritten => _wireSeen.Count > 0;

            public void Add(YScalar wire, string csName, string? description, SourceSpan nameAt)
            {
                if (!_wireSeen.Add(wire.Value))
                {
                    _binder._context.Report(DiagnosticDescriptors.Duplicate, wire.Span, "Enum value", wire.Value, $"the values of {_where}");
                    return;
                }

                if (_binder.CheckName(csName, $"enum value '{wire.Value}'", nameAt) && _names.ClaimMember(csName, $"enum value '{wire.Value}'", nameAt))
                {
                    Bound.Add(new EnumValueModel(wire.Value, csName, description));
                }
            }
        }
    }
}
