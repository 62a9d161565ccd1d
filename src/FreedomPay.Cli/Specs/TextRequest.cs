using System;
using System.Collections.Generic;
using FreedomPay.Runtime;

namespace FreedomPay.Cli.Specs
{
    /// <summary>
    /// The request of an operation described by a spec read at run time (<c>--spec</c>): the values the command line
    /// gave, parsed by kind through the field table, so that the runtime validates, signs and sends them exactly as it
    /// does a generated request. A tool's path: values are held as objects (boxing is fine here).
    /// </summary>
    internal sealed class TextRequest : FreedomPayRequest
    {
        private readonly RequestFieldTable _table;
        private readonly object?[] _values;

        public TextRequest(RequestFieldTable table, FieldValues text)
        {
            _table = table;
            _values = new object?[table.Count];
            for (int i = 0; i < table.Count; i++)
            {
                RequestField field = table[i];
                if (!field.IsCallerValue)
                {
                    continue;
                }

                _values[i] = field.Kind switch
                {
                    FieldKind.Integer => text.Integer(i),
                    FieldKind.Decimal => text.Decimal(i),
                    FieldKind.Boolean => text.Boolean(i),
                    FieldKind.DateTime => text.DateTime(i),
                    FieldKind.DateTimeOffset => text.DateTimeOffset(i),
                    FieldKind.Enum => text.Enum(i),
                    FieldKind.List => text.List(i, item => new TextRequest(field.Items!, item)),
                    FieldKind.Object => text.Object(i, item => new TextRequest(field.Items!, item)),
                    _ => text.Text(i),
                };
            }
        }

        /// <inheritdoc/>
        protected override RequestFieldTable Fields => _table;

        /// <inheritdoc/>
        protected override void Accept<TVisitor>(ref TVisitor visitor)
        {
            for (int i = 0; i < _values.Length; i++)
            {
                RequestField field = _table[i];
                if (!field.IsCallerValue)
                {
                    continue;
                }

                object? value = _values[i];
                switch (field.Kind)
                {
                    case FieldKind.Integer: visitor.Integer(i, (long?)value); break;
                    case FieldKind.Decimal: visitor.Decimal(i, (decimal?)value); break;
                    case FieldKind.Boolean: visitor.Boolean(i, (bool?)value); break;
                    case FieldKind.DateTime: visitor.DateTime(i, (DateTime?)value); break;
                    case FieldKind.DateTimeOffset: visitor.DateTimeOffset(i, (DateTimeOffset?)value); break;
                    case FieldKind.Enum: visitor.Enum(i, (int?)value); break;
                    case FieldKind.List: visitor.List(i, (IReadOnlyList<FreedomPayRequestPart?>?)value); break;
                    case FieldKind.Object: visitor.Object(i, (FreedomPayRequestPart?)value); break;
                    default: visitor.Text(i, (string?)value); break;
                }
            }
        }
    }

    /// <summary>The reply of an operation described at run time: its elements as read (<see cref="FreedomPayResponse.Raw"/>).</summary>
    internal sealed class TextResponse(PgResponse raw) : FreedomPayResponse(raw);
}
