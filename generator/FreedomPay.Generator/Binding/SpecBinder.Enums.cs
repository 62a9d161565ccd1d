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
            var values = new List<EnumValueModel>();
            var wireSeen = new HashSet<string>(StringComparer.Ordinal);
            var names = new MemberNames(_context, enumName, EnumReserved);
            void Add(YScalar wire, string csName, string? description, SourceSpan nameAt)
            {
                if (!wireSeen.Add(wire.Value))
                {
                    _context.Report(DiagnosticDescriptors.Duplicate, wire.Span, "Enum value", wire.Value, $"the values of {where}");
                    return;
                }

                if (CheckName(csName, $"enum value '{wire.Value}'", nameAt) && names.ClaimMember(csName, $"enum value '{wire.Value}'", nameAt))
                {
                    values.Add(new EnumValueModel(wire.Value, csName, description));
                }
            }

            switch (valuesNode)
            {
                case YSequence sequence:
                    foreach (YNode item in sequence.Items)
                    {
                        if (item is YScalar { IsNull: false } wire)
                        {
                            Add(wire, Naming.ToPascalCase(wire.Value), null, wire.Span);
                        }
                        else
                        {
                            reader.ReportWrongType("values", item, "a list of wire values");
                        }
                    }

                    break;
                case YMapping mapping:
                    foreach (YEntry entry in mapping.Entries)
                    {
                        switch (entry.Value)
                        {
                            case YScalar { IsNull: true }:
                                Add(entry.Key, Naming.ToPascalCase(entry.Key.Value), null, entry.Key.Span);
                                break;
                            case YScalar name:
                                Add(entry.Key, name.Value, null, name.Span);
                                break;
                            case YMapping details:
                                var detail = new MappingReader(_context, details, $"enum value '{entry.Key.Value}'", entry.Key.Span, new[] { "name", "description" });
                                Add(entry.Key, detail.String("name") ?? Naming.ToPascalCase(entry.Key.Value), detail.String("description"), detail.Node("name")?.Span ?? entry.Key.Span);
                                break;
                            default:
                                reader.ReportWrongType(entry.Key.Value, entry.Value, "a C# name or a mapping with 'name:' and 'description:'");
                                break;
                        }
                    }

                    break;
                case null:
                    break;
                default:
                    reader.ReportWrongType("values", valuesNode, "a list of wire values or a mapping of wire value to C# name");
                    return null;
            }

            if (values.Count == 0)
            {
                if (wireSeen.Count == 0)
                {
                    _context.Report(DiagnosticDescriptors.EmptyEnum, valuesNode?.Span ?? reader.Owner, where);
                }

                return null;
            }

            var model = new EnumModel(enumName, description, values.ToEquatableArray(), shared);
            if (!_enums.Contains(enumName) && !ClaimTypeName(enumName, $"the enum of {where}", nameSpan, "change 'enum:' to another name to tell them apart"))
            {
                return null;
            }

            _enums.Register(model, where, nameSpan);
            return enumName;
        }
    }
}
