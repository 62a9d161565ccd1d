using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// The enums of one area. Several fields may share an enum by naming the same 'enum:' type; they must then
    /// list the same values, so that one generated enum serves them all.
    /// </summary>
    internal sealed class EnumRegistry
    {
        private readonly SpecContext _context;
        private readonly Dictionary<string, (EnumModel Model, string Where)> _enums = new Dictionary<string, (EnumModel, string)>(StringComparer.Ordinal);
        private readonly List<string> _order = new List<string>();

        public EnumRegistry(SpecContext context) => _context = context;

        public bool Contains(string name) => _enums.ContainsKey(name);

        /// <summary>Adds the enum, or checks it against the one already registered under that name.</summary>
        public void Register(EnumModel model, string where, SourceSpan span)
        {
            if (_enums.TryGetValue(model.Name, out var existing))
            {
                if (!existing.Model.Values.Select(v => (v.WireValue, v.CsName)).SequenceEqual(model.Values.Select(v => (v.WireValue, v.CsName))))
                {
                    _context.Report(DiagnosticDescriptors.EnumConflict, span, model.Name, existing.Where, where);
                }

                return;
            }

            _enums.Add(model.Name, (model, where));
            _order.Add(model.Name);
        }

        public EquatableArray<EnumModel> All() => _order.Select(name => _enums[name].Model).ToEquatableArray();
    }
}
