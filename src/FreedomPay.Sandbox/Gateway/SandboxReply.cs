using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using FreedomPay.Runtime;

namespace FreedomPay.Sandbox
{
    /// <summary>
    /// A reply the sandbox sends: elements in order, some with children of their own. The sandbox renders it as
    /// <c>&lt;response&gt;</c> XML and signs it for the called script with a fresh salt (unsigned only when the merchant
    /// is unknown, as the real gateway does). A handler (<see cref="FreedomPaySandbox.Handle(OperationInfo, Func{SandboxCall, SandboxReply})"/>)
    /// starts from <see cref="SandboxCall.DefaultReply"/>, <see cref="Ok"/> or <see cref="Error"/>.
    /// </summary>
    public sealed class SandboxReply
    {
        private readonly List<Element> _elements;

        /// <summary>An empty reply (or group of child elements).</summary>
        public SandboxReply()
            : this(new List<Element>())
        {
        }

        /// <summary>A reply whose status element says <paramref name="status"/> (<c>pg_status=ok</c> by default).</summary>
        public static SandboxReply Ok(string status = "ok") => new SandboxReply().Set(StatusElement, status);

        /// <summary>
        /// A refusal: the operation area's error elements (<c>pg_status=error</c>, <c>pg_error_code</c>,
        /// <c>pg_error_description</c> unless the spec names others), signed like any reply.
        /// </summary>
        public static SandboxReply Error(int code, string description) => new SandboxReply { Failure = (code, description ?? string.Empty) };

        /// <summary>Numbers in a JSON reply written as strings (<see cref="SandboxDrift.NumbersAsStrings"/>).</summary>
        internal bool NumbersAsStrings { get; set; }

        /// <summary>The error code and text of a refusal; null for other replies.</summary>
        public (int Code, string Description)? Failure { get; private set; }

        /// <summary>For a browser route: where the buyer's browser goes when the request was accepted (sent as 302).</summary>
        internal string? RedirectTo { get; set; }

        /// <summary>The value of the first top-level element with this name, or null.</summary>
        public string? this[string name] => _elements.FirstOrDefault(e => e.Name == name)?.Value;

        /// <summary>The top-level elements' names, in order.</summary>
        public IReadOnlyList<string> Names => _elements.Select(e => e.Name).ToArray();

        /// <summary>Sets the first element of that name (added at the end if there is none); null removes it.</summary>
        public SandboxReply Set(string name, string? value)
        {
            CheckName(name);
            int index = _elements.FindIndex(e => e.Name == name);
            if (value is null)
            {
                if (index >= 0)
                {
                    _elements.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                _elements[index] = new Element(name, value, null);
            }
            else
            {
                _elements.Add(new Element(name, value, null));
            }

            return this;
        }

        /// <summary>Sets a whole number.</summary>
        public SandboxReply Set(string name, long value) => Set(name, value.ToString(CultureInfo.InvariantCulture));

        /// <summary>Sets a decimal number ('.' as the separator).</summary>
        public SandboxReply Set(string name, decimal value) => Set(name, value.ToString(CultureInfo.InvariantCulture));

        /// <summary>Adds an element at the end, even when one of that name exists (repeated elements).</summary>
        public SandboxReply Add(string name, string value)
        {
            CheckName(name);
            _elements.Add(new Element(name, value ?? throw new ArgumentNullException(nameof(value)), null));
            return this;
        }

        /// <summary>Adds an element with children at the end (objects, list wrappers and their items).</summary>
        public SandboxReply Add(string name, SandboxReply children)
        {
            CheckName(name);
            _elements.Add(new Element(name, null, children ?? throw new ArgumentNullException(nameof(children))));
            return this;
        }

        /// <summary>The children of the first top-level element with this name, or null.</summary>
        public SandboxReply? Group(string name) => _elements.FirstOrDefault(e => e.Name == name)?.Children;

        internal const string StatusElement = "pg_status";

        /// <summary>The signed XML text; <paramref name="secret"/> null leaves it unsigned.</summary>
        internal string Render(string script, ResponseErrorShape? errors, string? secret, string salt, string saltField, string signatureField, bool spoilSignature = false)
        {
            List<Element> elements = Signed(script, errors, secret, salt, saltField, signatureField, spoilSignature);
            var text = new StringBuilder();
            // Entitize: a "\r" in a value is written as &#xD;, which XML readers keep; written raw, they would read "\n" and the
            // signature over the value would no longer match.
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.Entitize };
            using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
            {
                writer.WriteStartElement("response");
                Write(writer, elements);
                writer.WriteEndElement();
            }

            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text + "\n";
        }

        /// <summary>
        /// The JSON text of a JSON area's reply (not signed: the header schemes sign requests only). Elements that repeat
        /// become an array; elements with children, objects; a value the spec types as a number or a flag is written as
        /// one when it reads as one, anything else as a string.
        /// </summary>
        internal string RenderJson(ResponseErrorShape? errors, IReadOnlyList<ReplyElement>? shape)
        {
            List<Element> elements = Failure is { } failure ? ErrorElements(errors, failure) : _elements;
            using var stream = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(stream))
            {
                WriteJson(json, elements, shape, NumbersAsStrings);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>
        /// The JSON text of a reply of an area signed with <c>auth: pg-sig</c> (the JSON Status page's shape): its
        /// elements, then pg_salt and pg_sig made over them as over an XML reply; <paramref name="secret"/> null leaves
        /// it unsigned. Numbers are written as the text signed; flags as strings 1 and 0, as signed.
        /// </summary>
        internal string RenderSignedJson(string script, ResponseErrorShape? errors, IReadOnlyList<ReplyElement>? shape, string? secret, string salt, string saltField, string signatureField, bool spoilSignature = false)
        {
            List<Element> elements = Signed(script, errors, secret, salt, saltField, signatureField, spoilSignature);
            using var stream = new MemoryStream();
            using (var json = new System.Text.Json.Utf8JsonWriter(stream))
            {
                WriteJson(json, elements, shape, NumbersAsStrings, flagsAsText: true);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        /// <summary>The reply's elements (or its error's), writable, then the salt and pg_sig over them; <paramref name="secret"/> null adds neither.</summary>
        private List<Element> Signed(string script, ResponseErrorShape? errors, string? secret, string salt, string saltField, string signatureField, bool spoilSignature)
        {
            List<Element> elements = Writable(Failure is { } failure ? ErrorElements(errors, failure) : _elements);
            if (secret is not null)
            {
                elements.Add(new Element(saltField, salt, null));
                string signature = PgSignature.Compute(script, new PgElement("response", string.Empty, ToPg(elements)), secret);
                elements.Add(new Element(signatureField, spoilSignature ? new string(signature.Reverse().ToArray()) : signature, null));
            }

            return elements;
        }

        // As deep as a spec nests (the sandbox builds these replies itself): recursion over them is bounded.
        private static void WriteJson(System.Text.Json.Utf8JsonWriter json, List<Element> elements, IReadOnlyList<ReplyElement>? shape, bool numbersAsStrings, bool flagsAsText = false)
        {
            json.WriteStartObject();
            foreach (IGrouping<string, Element> group in elements.GroupBy(e => e.Name))
            {
                ReplyElement? described = shape?.FirstOrDefault(d => d.Name == group.Key);
                json.WritePropertyName(group.Key);
                bool array = group.Count() > 1 || described?.Repeated == true;
                if (array)
                {
                    json.WriteStartArray();
                }

                foreach (Element element in group)
                {
                    if (element.Children is not null)
                    {
                        WriteJson(json, element.Children._elements, described?.Children, numbersAsStrings, flagsAsText);
                    }
                    else
                    {
                        ReplyElementKind? kind = numbersAsStrings || (flagsAsText && described?.Kind == ReplyElementKind.Boolean) ? null : described?.Kind;
                        WriteJsonValue(json, element.Value!, kind);
                    }
                }

                if (array)
                {
                    json.WriteEndArray();
                }
            }

            json.WriteEndObject();
        }

        private static void WriteJsonValue(System.Text.Json.Utf8JsonWriter json, string value, ReplyElementKind? kind)
        {
            if (kind is ReplyElementKind.Integer or ReplyElementKind.Decimal && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal number))
            {
                json.WriteNumberValue(number);
            }
            else if (kind == ReplyElementKind.Boolean && value is "1" or "0")
            {
                json.WriteBooleanValue(value == "1");
            }
            else
            {
                json.WriteStringValue(value);
            }
        }

        /// <summary>The reply's status and error code as the request log keeps them.</summary>
        internal (string Status, string? ErrorCode) Outcome(ResponseErrorShape? errors) => Failure is { } failure
            ? (errors?.ErrorValue ?? "error", failure.Code.ToString(CultureInfo.InvariantCulture))
            : (this[errors?.StatusElement ?? StatusElement] ?? string.Empty, null);

        /// <summary>The error shape's elements; a path (<c>error/code</c>) nests them, and an area without an outcome element gets none.</summary>
        private static List<Element> ErrorElements(ResponseErrorShape? errors, (int Code, string Description) failure)
        {
            var reply = new SandboxReply();
            if (errors is null || errors.HasStatus)
            {
                reply.SetAt(errors?.StatusElement ?? StatusElement, errors?.ErrorValue ?? "error");
            }

            reply.SetAt(errors?.CodeElement ?? "pg_error_code", failure.Code.ToString(CultureInfo.InvariantCulture));
            reply.SetAt(errors?.DescriptionElement ?? "pg_error_description", failure.Description);
            return reply._elements;
        }

        /// <summary>Sets the element at a path of names joined by '/', adding the objects on the way.</summary>
        private void SetAt(string path, string value)
        {
            SandboxReply target = this;
            string[] steps = path.Split(ElementPath.Separator);
            for (int i = 0; i < steps.Length - 1; i++)
            {
                SandboxReply? next = target.Group(steps[i]);
                if (next is null)
                {
                    next = new SandboxReply();
                    target.Add(steps[i], next);
                }

                target = next;
            }

            target.Set(steps[^1], value);
        }

        // The sandbox's own replies are shallow (as deep as a spec nests): recursion over them is bounded.
        private static void Write(XmlWriter writer, List<Element> elements)
        {
            foreach (Element element in elements)
            {
                if (element.Children is null)
                {
                    writer.WriteElementString(element.Name, element.Value);
                    continue;
                }

                writer.WriteStartElement(element.Name);
                Write(writer, element.Children._elements);
                writer.WriteEndElement();
            }
        }

        /// <summary>
        /// The elements with every character XML cannot carry (a NUL, U+FFFE, a lone surrogate, echoed from a request
        /// or an error text) replaced by U+FFFD, before signing: a hostile value never turns a reply into a 500.
        /// </summary>
        private static List<Element> Writable(List<Element> elements)
        {
            var writable = new List<Element>(elements.Count + 2);
            foreach (Element e in elements)
            {
                if (e.Children is not null)
                {
                    writable.Add(e with { Children = new SandboxReply(Writable(e.Children._elements)) });
                }
                else
                {
                    string value = WritableText(e.Value!);
                    writable.Add(ReferenceEquals(value, e.Value) ? e : e with { Value = value });
                }
            }

            return writable;
        }

        private static string WritableText(string value)
        {
            StringBuilder? clean = null;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (XmlConvert.IsXmlChar(c))
                {
                    clean?.Append(c);
                }
                else if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], c))
                {
                    i++; // the pair is kept whole (not inside the ?. below, which a null builder would skip)
                    clean?.Append(c).Append(value[i]);
                }
                else
                {
                    clean ??= new StringBuilder(value, 0, i, value.Length);
                    clean.Append('\uFFFD');
                }
            }

            return clean?.ToString() ?? value;
        }

        private SandboxReply(List<Element> elements) => _elements = elements;

        private static PgElement[] ToPg(List<Element> elements) =>
            elements.Select(e => e.Children is null ? new PgElement(e.Name, e.Value!) : new PgElement(e.Name, string.Empty, ToPg(e.Children._elements))).ToArray();

        private static void CheckName(string name)
        {
            if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') || !char.IsAsciiLetterOrDigit(name[0]) && name[0] != '_')
            {
                // A digit first is a JSON member only (the Gateway Async reply's "3ds"); XML element names start with a letter.
                throw new ArgumentException($"'{name}' is not an element name the sandbox writes (letters, digits, _ - . and a letter, digit or _ first).", nameof(name));
            }
        }

        private sealed record Element(string Name, string? Value, SandboxReply? Children);
    }
}
