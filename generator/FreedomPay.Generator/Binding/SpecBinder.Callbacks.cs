using System.Collections.Generic;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    internal sealed partial class SpecBinder
    {
        private static readonly string[] CallbackKeys = { "summary", "description", "source", "verified", "note", "fields", "reply" };

        /// <summary>
        /// Callbacks: requests the gateway sends to the merchant (Result notify, Check). Their fields are read from
        /// the form like a reply's elements, so they share the element rules (types, enums, required).
        /// </summary>
        private EquatableArray<CallbackModel> BindCallbacks(MappingReader root)
        {
            YMapping? mapping = root.MappingValue("callbacks");
            if (mapping is null)
            {
                return EquatableArray<CallbackModel>.Empty;
            }

            var names = new MappingReader(_context, mapping, "'callbacks'", root.Entry("callbacks")!.Key.Span, knownKeys: null);
            var callbacks = new List<CallbackModel>();
            foreach (YEntry entry in mapping.Entries)
            {
                string name = entry.Key.Value;
                if (names.Entry(name) != entry)
                {
                    continue;
                }

                string where = $"callback '{name}'";
                if (entry.Value is not YMapping callbackMapping)
                {
                    names.ReportWrongType(name, entry.Value, "a mapping describing the callback");
                    continue;
                }

                var reader = new MappingReader(_context, callbackMapping, where, entry.Key.Span, CallbackKeys);
                if (!CheckName(name, where, entry.Key.Span) || !ClaimTypeName(name, where, entry.Key.Span))
                {
                    continue;
                }

                if (!reader.Has("fields"))
                {
                    reader.ReportMissing("fields");
                    continue;
                }

                EquatableArray<ResponseElementModel> fields = BindElements(reader, "fields", name, name, where);
                CallbackReplyKind reply = BindReplyKind(reader);
                callbacks.Add(new CallbackModel(
                    Name: name,
                    Summary: reader.String("summary"),
                    Description: reader.String("description"),
                    Verified: reader.Bool("verified", true),
                    Note: reader.String("note"),
                    Source: reader.String("source"),
                    Fields: fields,
                    Reply: reply));
            }

            return callbacks.ToEquatableArray();
        }

        /// <summary><c>signed-xml</c> (Result notify, Check), <c>http-200</c> (Payout notify) or <c>none</c> (a browser's return).</summary>
        private CallbackReplyKind BindReplyKind(MappingReader reader)
        {
            string? reply = reader.String("reply");
            switch (reply)
            {
                case null:
                case "signed-xml":
                    return CallbackReplyKind.SignedXml;
                case "http-200":
                    return CallbackReplyKind.Http200;
                case "none":
                    return CallbackReplyKind.None;
                default:
                    _context.Report(DiagnosticDescriptors.InvalidValue, reader.Node("reply")!.Span, reply, "reply", "use 'signed-xml' (ok, rejected or error as signed XML, the default), 'http-200' (plain HTTP 200) or 'none' (a browser's request, answered with a page)");
                    return CallbackReplyKind.SignedXml;
            }
        }
    }
}
