using System.Collections.Generic;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Parsing
{
    /// <summary>
    /// The YAML document as a small tree that keeps every node's position and keeps duplicate mapping keys
    /// (a dictionary would drop or reject them before we could point at the second one).
    /// </summary>
    internal abstract class YNode
    {
        protected YNode(SourceSpan span) => Span = span;

        public SourceSpan Span { get; }

        /// <summary>Human word for the node kind, used in "expected a mapping, found a sequence".</summary>
        public abstract string KindName { get; }
    }

    internal sealed class YScalar : YNode
    {
        public YScalar(string value, bool isPlain, SourceSpan span)
            : base(span)
        {
            Value = value;
            IsPlain = isPlain;
        }

        public string Value { get; }

        /// <summary>Unquoted: only plain scalars may mean null, true/false or a number.</summary>
        public bool IsPlain { get; }

        public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

        public override string KindName => IsNull ? "an empty value" : "a scalar";
    }

    internal sealed class YMapping : YNode
    {
        public YMapping(IReadOnlyList<YEntry> entries, SourceSpan span)
            : base(span) => Entries = entries;

        public IReadOnlyList<YEntry> Entries { get; }

        public override string KindName => "a mapping";
    }

    internal sealed class YEntry
    {
        public YEntry(YScalar key, YNode value)
        {
            Key = key;
            Value = value;
        }

        public YScalar Key { get; }

        public YNode Value { get; }
    }

    internal sealed class YSequence : YNode
    {
        public YSequence(IReadOnlyList<YNode> items, SourceSpan span)
            : base(span) => Items = items;

        public IReadOnlyList<YNode> Items { get; }

        public override string KindName => "a sequence";
    }
}
