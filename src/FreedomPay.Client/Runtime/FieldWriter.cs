using System;
using System.Collections.Generic;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Writes a request's caller values to its form fields under their wire names: numbers invariant, flags as 1/0,
    /// enums as their wire values, date-times in the field's format. Absent values are not sent.
    /// </summary>
    internal readonly struct FieldWriter : IFieldVisitor
    {
        private readonly RequestFieldTable _table;
        private readonly FormFieldList _fields;

        public FieldWriter(RequestFieldTable table, FormFieldList fields)
        {
            _table = table;
            _fields = fields;
        }

        public void Text(int field, string? value) => _fields.Add(_table[field].WireName, value);

        public void Integer(int field, long? value) => _fields.Add(_table[field].WireName, value);

        public void Decimal(int field, decimal? value) => _fields.Add(_table[field].WireName, value);

        public void Boolean(int field, bool? value) => _fields.Add(_table[field].WireName, value);

        public void DateTime(int field, DateTime? value)
        {
            RequestField f = _table[field];
            _fields.Add(f.WireName, value, f.Format!);
        }

        public void DateTimeOffset(int field, DateTimeOffset? value)
        {
            RequestField f = _table[field];
            _fields.Add(f.WireName, value, f.Format!);
        }

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
                RequestField f = _table[field];
                _fields.Add(f.WireName, WireEnum.Value(f.AllowedValues, number));
            }
        }
    }
}
