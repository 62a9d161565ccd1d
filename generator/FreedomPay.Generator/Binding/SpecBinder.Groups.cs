using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// Conditional requirements between request fields: <c>one-of</c> (exactly one field of each group is given) and
    /// <c>required-unless</c> (a field is required unless another is given). Every name must be a field the caller
    /// gives, none of them <c>required</c> (the group decides that).
    /// </summary>
    internal sealed partial class SpecBinder
    {
        private EquatableArray<FieldGroupModel> BindGroups(MappingReader operation, EquatableArray<RequestFieldModel> request, string operationName)
        {
            var groups = new List<FieldGroupModel>();
            var callerFields = request.Where(f => f.Fill == FillKind.None).ToDictionary(f => f.WireName, f => f);
            string where = $"operation '{operationName}'";

            if (operation.Node("one-of") is { } oneOf)
            {
                if (oneOf is not YSequence sequence)
                {
                    operation.ReportWrongType("one-of", oneOf, "a list of groups, each a list of field names ([pg_card_token, pg_card_id])");
                }
                else
                {
                    foreach (YNode item in sequence.Items)
                    {
                        if (item is not YSequence group || group.Items.Count < 2 || group.Items.Any(n => n is not YScalar { IsNull: false }))
                        {
                            _context.Report(DiagnosticDescriptors.WrongType, item.Span, "one-of", where, "a list of two or more field names", MappingReader.Describe(item));
                            continue;
                        }

                        string[] names = group.Items.Cast<YScalar>().Select(n => n.Value).ToArray();
                        if (CheckGroupFields(group.Items.Cast<YScalar>(), callerFields, "one-of", where))
                        {
                            groups.Add(new FieldGroupModel(FieldGroupKind.OneOf, names.ToEquatableArray()));
                        }
                    }
                }
            }

            if (operation.Node("required-unless") is { } requiredUnless)
            {
                if (requiredUnless is not YMapping mapping)
                {
                    operation.ReportWrongType("required-unless", requiredUnless, "a mapping of field name -> the field (or list of fields) that makes it optional");
                }
                else
                {
                    foreach (YEntry entry in mapping.Entries)
                    {
                        List<YScalar>? unless = entry.Value switch
                        {
                            YScalar { IsNull: false } one => new List<YScalar> { one },
                            YSequence many when many.Items.Count > 0 && many.Items.All(n => n is YScalar { IsNull: false }) => many.Items.Cast<YScalar>().ToList(),
                            _ => null,
                        };
                        if (unless is null)
                        {
                            _context.Report(DiagnosticDescriptors.WrongType, entry.Value.Span, entry.Key.Value, "'required-unless' of " + where, "a field name or a list of field names", MappingReader.Describe(entry.Value));
                            continue;
                        }

                        if (CheckGroupFields(new[] { entry.Key }.Concat(unless), callerFields, "required-unless", where))
                        {
                            groups.Add(new FieldGroupModel(FieldGroupKind.RequiredUnless, new[] { entry.Key.Value }.Concat(unless.Select(u => u.Value)).ToEquatableArray()));
                        }
                    }
                }
            }

            if (operation.Node("card-expiry") is { } expiry && BindCardExpiry(expiry, callerFields, where) is { } expiryGroup)
            {
                groups.Add(expiryGroup);
            }

            return groups.ToEquatableArray();
        }

        /// <summary>
        /// <c>card-expiry: { month: pg_card_month, year: pg_card_year }</c>: two string fields the caller gives, which
        /// are checked together against the clock before sending (they may be <c>required</c>: this group adds a rule,
        /// not a requirement).
        /// </summary>
        private FieldGroupModel? BindCardExpiry(YNode node, Dictionary<string, RequestFieldModel> callerFields, string where)
        {
            if (node is not YMapping mapping || mapping.Entries.Count != 2
                || mapping.Entries.FirstOrDefault(e => e.Key.Value == "month")?.Value is not YScalar { IsNull: false } month
                || mapping.Entries.FirstOrDefault(e => e.Key.Value == "year")?.Value is not YScalar { IsNull: false } year)
            {
                _context.Report(DiagnosticDescriptors.WrongType, node.Span, "card-expiry", where, "a mapping of month and year to field names ({ month: pg_card_month, year: pg_card_year })", MappingReader.Describe(node));
                return null;
            }

            bool ok = true;
            foreach (YScalar name in new[] { month, year })
            {
                if (!callerFields.TryGetValue(name.Value, out RequestFieldModel? field))
                {
                    string? suggestion = Naming.Suggest(name.Value, callerFields.Keys);
                    _context.Report(DiagnosticDescriptors.UnknownFieldReference, name.Span, name.Value, $"'card-expiry' of {where}", suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
                    ok = false;
                }
                else if (field.Type != FieldType.String)
                {
                    // Text keeps what the card prints: "09" is not 9, and "2031" is not "31".
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, name.Span, name.Value, "'card-expiry' reads the month and year as the card prints them, so both must be string fields");
                    ok = false;
                }
            }

            if (ok && month.Value == year.Value)
            {
                _context.Report(DiagnosticDescriptors.Duplicate, year.Span, "Field", year.Value, $"'card-expiry' of {where}");
                ok = false;
            }

            return ok ? new FieldGroupModel(FieldGroupKind.CardExpiry, new[] { month.Value, year.Value }.ToEquatableArray()) : null;
        }

        /// <summary>Each name is a distinct caller field that is not <c>required</c> itself.</summary>
        private bool CheckGroupFields(IEnumerable<YScalar> names, Dictionary<string, RequestFieldModel> callerFields, string key, string where)
        {
            bool ok = true;
            var seen = new HashSet<string>();
            foreach (YScalar name in names)
            {
                if (!callerFields.TryGetValue(name.Value, out RequestFieldModel? field))
                {
                    string? suggestion = Naming.Suggest(name.Value, callerFields.Keys);
                    _context.Report(DiagnosticDescriptors.UnknownFieldReference, name.Span, name.Value, $"'{key}' of {where}", suggestion is null ? string.Empty : $"; did you mean '{suggestion}'?");
                    ok = false;
                }
                else if (!seen.Add(name.Value))
                {
                    _context.Report(DiagnosticDescriptors.Duplicate, name.Span, "Field", name.Value, $"'{key}' of {where}");
                    ok = false;
                }
                else if (field.Required)
                {
                    _context.Report(DiagnosticDescriptors.ImpossibleConstraint, name.Span, name.Value, $"it is 'required', so '{key}' can never let it be left out; remove 'required: true'");
                    ok = false;
                }
            }

            return ok;
        }
    }
}
