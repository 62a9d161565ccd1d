using System.Collections.Generic;
using FreedomPay.Generator.Model;
using FreedomPay.Generator.Parsing;

namespace FreedomPay.Generator.Binding
{
    internal sealed partial class SpecBinder
    {
        private static readonly string[] CallbackKeys = { "summary", "description", "source", "verified", "note", "fields" };

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
                callbacks.Add(new CallbackModel(
                    Name: name,
                    Summary: reader.String("summary"),
                    Description: reader.String("description"),
                    Verified: reader.Bool("verified", true),
                    Note: reader.String("note"),
                    Source: reader.String("source"),
                    Fields: fields));
            }

            return callbacks.ToEquatableArray();
        }
    }
}
