using System;
using System.Collections.Generic;
using System.IO;
using FreedomPay.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace FreedomPay.Generator.Parsing
{
    /// <summary>The outcome of reading YAML text: a root node, or a syntax error with its position.</summary>
    internal readonly struct YamlReadResult
    {
        public YamlReadResult(YNode? root, string? error, SourceSpan errorSpan)
        {
            Root = root;
            Error = error;
            ErrorSpan = errorSpan;
        }

        /// <summary>Null for an empty file or a syntax error.</summary>
        public YNode? Root { get; }

        public string? Error { get; }

        public SourceSpan ErrorSpan { get; }
    }

    /// <summary>
    /// Builds the <see cref="YNode"/> tree from YamlDotNet's event stream, so that every node keeps its marks.
    /// Anchors and aliases are resolved (an alias is a reference to the anchored node); merge keys are not YAML
    /// 1.2 and are not supported.
    /// </summary>
    internal static class YamlTreeReader
    {
        public static YamlReadResult Read(string text)
        {
            var parser = new Parser(new StringReader(text));
            var anchors = new Dictionary<string, YNode>(StringComparer.Ordinal);
            try
            {
                parser.Consume<StreamStart>();
                if (parser.Accept<StreamEnd>(out _))
                {
                    return new YamlReadResult(null, null, default);
                }

                parser.Consume<DocumentStart>();
                YNode root = ReadNode(parser, anchors);
                parser.Consume<DocumentEnd>();
                if (parser.Accept<DocumentStart>(out var second))
                {
                    return new YamlReadResult(null, "a spec file holds one YAML document; remove the second '---' document", ToSpan(second.Start, second.End));
                }

                return new YamlReadResult(root, null, default);
            }
            catch (YamlException ex)
            {
                return new YamlReadResult(null, Reword(ex), ToSpan(ex.Start, ex.End));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
            {
                // YamlDotNet's scanner can fail with a non-YAML exception on some malformed input (seen:
                // "description[: text }" inside a flow mapping). Report it where the parser last stood.
                Mark at = parser.Current?.End ?? Mark.Empty;
                return new YamlReadResult(null, "the YAML cannot be read after this point; look for an unbalanced bracket, brace or quote", ToSpan(at, at));
            }
        }

        private static YNode ReadNode(IParser parser, Dictionary<string, YNode> anchors)
        {
            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }

                throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' refers to no anchor defined before it");
            }

            YNode node;
            string? anchor;
            if (parser.TryConsume<Scalar>(out var scalar))
            {
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                node = new YScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, ToSpan(scalar.Start, scalar.End));
            }
            else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
            {
                anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
                var items = new List<YNode>();
                SequenceEnd? end;
                while (!parser.TryConsume<SequenceEnd>(out end))
                {
                    items.Add(ReadNode(parser, anchors));
                }

                node = new YSequence(items, ToSpan(sequenceStart.Start, end!.End));
            }
            else if (parser.TryConsume<MappingStart>(out var mappingStart))
            {
                anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
                var entries = new List<YEntry>();
                MappingEnd? end;
                while (!parser.TryConsume<MappingEnd>(out end))
                {
                    YNode key = ReadNode(parser, anchors);
                    if (key is not YScalar scalarKey)
                    {
                        throw new YamlException(ToMark(key.Span, start: true), ToMark(key.Span, start: false), "mapping keys must be plain names, not " + key.KindName);
                    }

                    entries.Add(new YEntry(scalarKey, ReadNode(parser, anchors)));
                }

                node = new YMapping(entries, ToSpan(mappingStart.Start, end!.End));
            }
            else
            {
                var current = parser.Current;
                throw new YamlException(current?.Start ?? Mark.Empty, current?.End ?? Mark.Empty, "unexpected YAML content");
            }

            if (anchor is not null)
            {
                anchors[anchor] = node;
            }

            return node;
        }

        /// <summary>YamlDotNet's messages start with "(Line: 3, Col: 5, ...)" and name parser internals; keep the cause.</summary>
        private static string Reword(YamlException ex)
        {
            string message = ex.Message;
            int close = message.StartsWith("(", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
            if (close >= 0)
            {
                message = message.Substring(close + 3);
            }

            return message.Length == 0 ? "the YAML could not be read" : char.ToLowerInvariant(message[0]) + message.Substring(1).TrimEnd('.');
        }

        private static SourceSpan ToSpan(Mark start, Mark end)
        {
            if (end.Index < start.Index)
            {
                end = start;
            }

            // YamlDotNet marks are 1-based; Roslyn's line positions are 0-based.
            return new SourceSpan(
                (int)start.Index,
                (int)end.Index,
                Math.Max(0, (int)start.Line - 1),
                Math.Max(0, (int)start.Column - 1),
                Math.Max(0, (int)end.Line - 1),
                Math.Max(0, (int)end.Column - 1));
        }

        private static Mark ToMark(SourceSpan span, bool start) => start
            ? new Mark(span.Start, span.StartLine + 1, span.StartColumn + 1)
            : new Mark(span.End, span.EndLine + 1, span.EndColumn + 1);
    }
}
