using System;
using System.Collections.Concurrent;
using Scriban;
using Scriban.Runtime;

namespace FreedomPay.Generator.Emit
{
    /// <summary>
    /// A Scriban context whose expensive, render-independent parts are built once per process instead of once
    /// per render: the builtin function table, the member accessors of our view types (built by reflection) and
    /// the parsed include templates. Profiling a 1000-operation spec showed these three at over half of the
    /// rendering time. Everything shared is read-only after construction, so contexts on several threads can
    /// use it at once; each render still gets its own context, output and variables.
    /// </summary>
    internal sealed class RenderContext : TemplateContext
    {
        private static readonly ScriptObject SharedBuiltins = CreateBuiltins();
        private static readonly ConcurrentDictionary<Type, IObjectAccessor> ViewAccessors = new ConcurrentDictionary<Type, IObjectAccessor>();

        private readonly Func<string, Template> _templates;

        public RenderContext(Func<string, Template> templates)
            : base(SharedBuiltins)
        {
            _templates = templates;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            NewLine = "\n";
            LoopLimit = 0;
            RecursiveLimit = 50;
        }

        /// <summary>Accessors of our own view records are cached process-wide; anything else is left to Scriban.</summary>
        protected override IObjectAccessor? GetMemberAccessorImpl(object target)
        {
            Type type = target.GetType();
            if (type.Assembly != typeof(RenderContext).Assembly)
            {
                return base.GetMemberAccessorImpl(target);
            }

            if (ViewAccessors.TryGetValue(type, out IObjectAccessor? cached))
            {
                return cached;
            }

            IObjectAccessor? accessor = base.GetMemberAccessorImpl(target);
            return accessor is null ? null : ViewAccessors.GetOrAdd(type, accessor);
        }

        /// <summary>The template an <c>{{ include 'Name' }}</c> evaluates, parsed once for the process.</summary>
        public Template Include(string name) => _templates(name);

        private static ScriptObject CreateBuiltins()
        {
            ScriptObject builtins = GetDefaultBuiltinObject();
            builtins.Remove("include");
            builtins.SetValue("include", InPlaceInclude.Instance, readOnly: true);
            return builtins;
        }
    }
}
