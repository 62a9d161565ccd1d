using System;
using System.Collections.Generic;
using System.Text;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// An operation's path with its parameters: whole segments in braces, <c>{merchant-id}</c> (the client's merchant id)
    /// or a request field's wire name (its value goes into the path instead of the body). Parsed once per operation;
    /// values are escaped as path segments, so a value can never add a segment or a query.
    /// </summary>
    internal sealed class PathTemplate
    {
        public const string MerchantIdParameter = "merchant-id";

        private readonly string[] _segments;
        private readonly bool[] _isParameter;

        public PathTemplate(string path)
        {
            Text = path;
            _segments = path.Split('/');
            _isParameter = new bool[_segments.Length];
            var fields = new List<string>();
            for (int i = 0; i < _segments.Length; i++)
            {
                string segment = _segments[i];
                if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
                {
                    _isParameter[i] = true;
                    _segments[i] = segment.Substring(1, segment.Length - 2);
                    if (_segments[i] != MerchantIdParameter)
                    {
                        fields.Add(_segments[i]);
                    }
                }
            }

            FieldParameters = fields;
            HasParameters = Array.IndexOf(_isParameter, true) >= 0;
        }

        /// <summary>The path as the spec writes it.</summary>
        public string Text { get; }

        /// <summary>Whether any segment is a parameter (most paths have none and are used as they are).</summary>
        public bool HasParameters { get; }

        /// <summary>The request fields whose values go into the path, by wire name.</summary>
        public IReadOnlyList<string> FieldParameters { get; }

        /// <summary>The path with every parameter replaced by its escaped value.</summary>
        /// <param name="merchantId">The client's merchant id.</param>
        /// <param name="fieldValue">The value of a field parameter (required fields: validation has checked they are given).</param>
        public string Resolve(string merchantId, Func<string, string> fieldValue)
        {
            if (!HasParameters)
            {
                return Text;
            }

            var path = new StringBuilder(Text.Length + 16);
            for (int i = 0; i < _segments.Length; i++)
            {
                if (i > 0)
                {
                    path.Append('/');
                }

                path.Append(!_isParameter[i] ? _segments[i]
                    : Uri.EscapeDataString(_segments[i] == MerchantIdParameter ? merchantId : fieldValue(_segments[i])));
            }

            return path.ToString();
        }
    }
}
