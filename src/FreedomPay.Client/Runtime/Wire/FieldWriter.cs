using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Writes a request's caller values to its form fields under their wire names: numbers invariant, flags as 1/0,
    /// enums as their wire values, date-times in the field's format. Absent values are not sent. Items of lists and
    /// nested objects are written under their parent's name (<c>pg_receipt_positions[0][name]</c>), as PHP-style form
    /// readers (the gateway's) nest them.
    /// </summary>
    internal readonly struct FieldWriter : IFieldVisitor
    {
        private readonly RequestFieldTable _table;
        private readonly FormFieldList _fields;

        /// <summary>The parent's form name for an item's fields (<c>pg_receipt_positions[0]</c>); null at the top.</summary>
        private readonly string? _prefix;

        public FieldWriter(RequestFieldTable table, FormFieldList fields, string? prefix = null)
        {
            _table = table;
            _fields = fields;
            _prefix = prefix;
        }

        public void Text(int field, string? value) => _fields.Add(Name(field), value);

        public void Integer(int field, long? value) => _fields.Add(Name(field), value);

        public void Decimal(int field, decimal? value) => _fields.Add(Name(field), value);

        public void Boolean(int field, bool? value) => _fields.Add(Name(field), value);

        public void DateTime(int field, DateTime? value) => _fields.Add(Name(field), value, _table[field].Format!);

        public void DateTimeOffset(int field, DateTimeOffset? value) => _fields.Add(Name(field), value, _table[field].Format!);

        /// <summary>Validation has checked the names before anything is written.</summary>
        public void Extra(IReadOnlyDictionary<string, string>? values)
        {
            if (values is not null)
            {
                foreach (KeyValuePair<string, string> pair in values)
                {
                    _fields.Add(pair.Key, pair.Value);
                }
            }
        }

        /// <summary>Validation has refused numbers without a wire value before anything is written.</summary>
        public void Enum(int field, int? value)
        {
            if (value is { } number)
            {
                _fields.Add(Name(field), WireEnum.Value(_table[field].AllowedValues, number));
            }
        }

        /// <summary>Items in order, each under <c>name[index]</c>; validation has refused null items.</summary>
        public void List(int field, IReadOnlyList<FreedomPayRequestPart?>? items)
        {
            if (items is null)
            {
                return;
            }

            string name = Name(field);
            for (int i = 0; i < items.Count; i++)
            {
                Nested(items[i], FormNames.Item(name, i));
            }
        }

        public void Object(int field, FreedomPayRequestPart? value) => Nested(value, Name(field));

        private void Nested(FreedomPayRequestPart? part, string prefix)
        {
            if (part is not null)
            {
                var writer = new FieldWriter(part.RuntimeFields, _fields, prefix);
                part.Visit(ref writer);
            }
        }

        private string Name(int field) => FormNames.Child(_prefix, _table[field].WireName);
    }
}
