using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Reads the JSON reply of a JSON area into the same element tree XML replies give, so that generated responses
    /// read both alike: the top-level object is the root, a property is an element of that name, an array is the
    /// property repeated once per item (the spec's <c>repeated: true</c>), a nested object has children, strings and
    /// numbers are the element's text as written, <c>true</c>/<c>false</c> are 1/0, and <c>null</c> leaves the element
    /// out. The reply is untrusted: <see cref="Utf8JsonReader"/> reads it in one pass with an explicit stack (no
    /// recursion), within the depth, element count and size limits, and every failure is a
    /// <see cref="FreedomPayProtocolException"/>.
    /// </summary>
    internal static class PgJsonReader
    {
        /// <summary>The name of the root element: the reply's top-level object has none of its own.</summary>
        public const string RootName = "response";

        /// <summary>The longest property name read (in UTF-8 bytes); the gateway's are a few dozen.</summary>
        public const int MaxNameBytes = 256;

        public static PgResponse Read(byte[] body, int length, MessageLimits limits, string what = "reply")
        {
            try
            {
                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(body, 0, length), new JsonReaderOptions { MaxDepth = limits.MaxDepth + 1 });
                return new PgResponse(ReadRoot(ref reader, limits, what), body, length);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                // InvalidOperationException: a string escape that is not valid UTF-16 (a lone surrogate).
                throw new FreedomPayProtocolException($"The {what} is not well-formed JSON ({ex.Message}). It starts with: {PgXmlReader.Preview(body, length)}", ex);
            }
        }

        private static PgElement ReadRoot(ref Utf8JsonReader reader, MessageLimits limits, string what)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("the reply is not a JSON object");
            }

            // Open objects and arrays, innermost last. An array is a frame whose items take the array's name.
            var open = new List<Frame> { new Frame(RootName, isArray: false) };
            string? pending = null;
            int elements = 1;
            PgElement? root = null;
            while (reader.Read())
            {
                Frame current = open[open.Count - 1];
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (reader.ValueSpan.Length > MaxNameBytes)
                        {
                            throw Limit(what, $"has a property name longer than {MaxNameBytes} bytes");
                        }

                        pending = reader.GetString();
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (++elements > limits.MaxElements)
                        {
                            throw Limit(what, $"has more than {limits.MaxElements} values");
                        }

                        if (open.Count > limits.MaxDepth)
                        {
                            throw Limit(what, $"nests values deeper than {limits.MaxDepth} levels");
                        }

                        string name = current.IsArray ? current.Name : pending ?? throw new JsonException("a value without a name");
                        open.Add(new Frame(name, reader.TokenType == JsonTokenType.StartArray, isItem: current.IsArray));
                        pending = null;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        open.RemoveAt(open.Count - 1);
                        if (current.IsArray)
                        {
                            // The items were added to the array's parent already, each under the array's name.
                            break;
                        }

                        var element = new PgElement(current.Name, string.Empty, current.Children, isObject: true, isArrayItem: current.IsItem);
                        if (open.Count == 0)
                        {
                            root = element;
                        }
                        else
                        {
                            Parent(open).Add(element);
                        }

                        break;
                    default:
                        if (++elements > limits.MaxElements)
                        {
                            throw Limit(what, $"has more than {limits.MaxElements} values");
                        }

                        string leafName = current.IsArray ? current.Name : pending ?? throw new JsonException("a value without a name");
                        pending = null;
                        string? text = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.True => "1",
                            JsonTokenType.False => "0",
                            JsonTokenType.Null => null,
                            _ => NumberText(ref reader),
                        };
                        if (text is not null)
                        {
                            (current.IsArray ? Parent(open) : current.Children).Add(new PgElement(leafName, text, isArrayItem: current.IsArray));
                        }

                        break;
                }
            }

            return root ?? throw new JsonException("the reply ends inside an object");
        }

        /// <summary>A number as written (ASCII digits, sign, point, exponent).</summary>
        private static string NumberText(ref Utf8JsonReader reader)
        {
#if NET8_0_OR_GREATER
            return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
#else
            return System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
#endif
        }

        /// <summary>Where an element goes: the innermost open object (an array's items go to the array's parent).</summary>
        private static List<PgElement> Parent(List<Frame> open)
        {
            for (int i = open.Count - 1; i >= 0; i--)
            {
                if (!open[i].IsArray)
                {
                    return open[i].Children;
                }
            }

            throw new JsonException("an array outside any object");
        }

        private static FreedomPayProtocolException Limit(string what, string problem) =>
            new FreedomPayProtocolException($"The {what} {problem}, more than any gateway message has; it was refused before reading further.");

        private sealed class Frame(string name, bool isArray, bool isItem = false)
        {
            public string Name { get; } = name;

            public bool IsArray { get; } = isArray;

            /// <summary>An object (or array) that is an item of an array.</summary>
            public bool IsItem { get; } = isItem;

            public List<PgElement> Children { get; } = new List<PgElement>();
        }
    }
}
