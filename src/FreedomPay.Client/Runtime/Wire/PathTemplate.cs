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
        /// <param name="operation">The operation's display name (for the exception).</param>
        /// <param name="fields">The request's fields (to name a field whose value cannot be a segment).</param>
        /// <param name="merchantId">The client's merchant id.</param>
        /// <param name="fieldValue">The value of a field parameter (required fields: validation has checked they are given).</param>
        /// <exception cref="FreedomPayValidationException">A value is empty, <c>.</c> or <c>..</c>: as a segment it would
        /// send the request to another path (<c>/v1/x/../admin</c> is <c>/v1/admin</c>). Nothing was sent.</exception>
        public string Resolve(string operation, RequestFieldTable fields, string merchantId, Func<string, string> fieldValue)
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

                if (!_isParameter[i])
                {
                    path.Append(_segments[i]);
                    continue;
                }

                string value = _segments[i] == MerchantIdParameter ? merchantId : fieldValue(_segments[i]);
                if (value.Length == 0 || value == "." || value == "..")
                {
                    throw new FreedomPayValidationException(operation, new[] { Refused(fields, _segments[i], value) });
                }

                path.Append(Uri.EscapeDataString(value));
            }

            return path.ToString();
        }

        /// <summary>Whether a raw path segment is a dot segment or hides a separator once its escapes are undone (<c>%2e%2e</c>, <c>%2f</c>).</summary>
        public static bool IsUnsafeRawSegment(string segment)
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return true;
            }

            if (segment.IndexOf('%') < 0)
            {
                return false;
            }

            // One layer, as Uri and the server undo it: %252e stays %2e, a literal name.
            string decoded = Uri.UnescapeDataString(segment);
            return decoded == "." || decoded == ".." || decoded.IndexOf('/') >= 0 || decoded.IndexOf('\\') >= 0;
        }

        private static FieldError Refused(RequestFieldTable fields, string parameter, string value)
        {
            string rule = value.Length == 0 ? "goes into the request's path and must not be empty" : $"goes into the request's path and must not be '{value}' (a dot segment would send the request to another path)";
            for (int i = 0; i < fields.Count; i++)
            {
                if (fields[i].WireName == parameter)
                {
                    return new FieldError(parameter, fields[i].MemberName, rule);
                }
            }

            return new FieldError(parameter, parameter == MerchantIdParameter ? "MerchantId" : parameter, rule);
        }
    }
}
