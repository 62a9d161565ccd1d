using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// The form fields of one request, in the order they go on the wire. Generated requests add their values
    /// through the typed overloads; absent (null) and empty values are not sent, as the gateway would sign an
    /// empty field as an empty segment.
    /// </summary>
    internal sealed class FormFieldList : IReadOnlyList<KeyValuePair<string, string>>
    {
        private readonly List<KeyValuePair<string, string>> _fields = new List<KeyValuePair<string, string>>(16);

        /// <inheritdoc/>
        public int Count => _fields.Count;

        /// <inheritdoc/>
        public KeyValuePair<string, string> this[int index] => _fields[index];

        /// <summary>Removes the first field of that name and returns its value (a path parameter's); empty when absent.</summary>
        public string Take(string name)
        {
            for (int i = 0; i < _fields.Count; i++)
            {
                if (string.Equals(_fields[i].Key, name, StringComparison.Ordinal))
                {
                    string value = _fields[i].Value;
                    _fields.RemoveAt(i);
                    return value;
                }
            }

            return string.Empty;
        }

        /// <summary>Adds a text value; null or empty is not sent.</summary>
        public void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                _fields.Add(new KeyValuePair<string, string>(name, value!));
            }
        }

        /// <summary>Adds an integer value; null is not sent.</summary>
        public void Add(string name, long? value)
        {
            if (value.HasValue)
            {
                _fields.Add(new KeyValuePair<string, string>(name, value.Value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>Adds a decimal value with '.' as the separator, keeping its scale (150.50 stays "150.50"); null is not sent.</summary>
        public void Add(string name, decimal? value)
        {
            if (value.HasValue)
            {
                _fields.Add(new KeyValuePair<string, string>(name, value.Value.ToString(CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>Adds a flag as 1 or 0; null is not sent.</summary>
        public void Add(string name, bool? value)
        {
            if (value.HasValue)
            {
                _fields.Add(new KeyValuePair<string, string>(name, value.Value ? "1" : "0"));
            }
        }

        /// <summary>Adds a date-time in the given format; null is not sent.</summary>
        public void Add(string name, DateTime? value, string format)
        {
            if (value.HasValue)
            {
                _fields.Add(new KeyValuePair<string, string>(name, value.Value.ToString(format, CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>Adds a date-time with offset in the given format; null is not sent.</summary>
        public void Add(string name, DateTimeOffset? value, string format)
        {
            if (value.HasValue)
            {
                _fields.Add(new KeyValuePair<string, string>(name, value.Value.ToString(format, CultureInfo.InvariantCulture)));
            }
        }

        /// <inheritdoc/>
        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _fields.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
