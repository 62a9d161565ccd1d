using System;
using System.Collections.Concurrent;
using System.IO;
using System.Text;
using Scriban;
using Scriban.Runtime;

namespace FreedomPay.Generator.Emit
{
    /// <summary>
    /// Loads the Scriban templates embedded in this assembly, parses each once (a parsed template is safe to share
    /// across threads) and renders them in strict mode: an unknown variable or member is an error, never an
    /// empty string in the generated code.
    /// </summary>
    internal static class TemplateRenderer
    {
        private const string ResourcePrefix = "FreedomPay.Generator.Templates.";

        private const int OutputCapacity = 32 * 1024;

        // One output buffer and one Scriban context per thread, reused from render to render. A new StringBuilder per
        // render grew chunk by chunk (and Scriban's clearing of a chunked builder reallocates it); a new context cost
        // about 21 KB (its stacks and its pool of argument arrays), half of what rendering an operation allocated.
        // Each is taken while in use and given back only after a render that finished, so a failed render never
        // leaves state behind and a nested render on the same thread would get fresh ones.
        [ThreadStatic]
        private static StringBuilder? t_output;

        [ThreadStatic]
        private static RenderContext? t_context;

        private static readonly ConcurrentDictionary<string, Template> Parsed = new ConcurrentDictionary<string, Template>(StringComparer.Ordinal);

        /// <summary>The generator version written into [GeneratedCode] attributes.</summary>
        public static readonly string Version = typeof(TemplateRenderer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        public static string Render(string templateName, object model) => Render(Get(templateName), model);

        internal static string Render(Template template, object model)
        {
            var globals = new ScriptObject();
            ViewImporter.Import(globals, model);
            globals.SetValue("version", Version, readOnly: true);

            StringBuilder output = t_output ?? new StringBuilder(OutputCapacity);
            RenderContext context = t_context ?? new RenderContext(Get);
            t_output = null;
            t_context = null;
            context.PushOutput(new StringBuilderOutput(output));
            context.PushGlobal(globals);
            string text = template.Render(context);

            // Scriban's Reset pops the output and globals pushed above: the context is as constructed, bar its caches.
            context.Reset();
            t_context = context;
            if (output.Length == 0 && output.Capacity <= OutputCapacity * 4)
            {
                t_output = output;
            }

            return text.Replace("\r\n", "\n");
        }

        /// <summary>An embedded template, parsed on first use and then shared.</summary>
        private static Template Get(string name) => Parsed.GetOrAdd(name, n => Parse(n, ReadResource(n)));

        internal static Template Parse(string name, string text)
        {
            Template template = Template.Parse(text, name);
            if (template.HasErrors)
            {
                throw new InvalidOperationException($"template {name} does not parse: {string.Join("; ", template.Messages)}");
            }

            return template;
        }

        internal static string ReadResource(string name)
        {
            using Stream? stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".scriban");
            if (stream is null)
            {
                throw new InvalidOperationException($"template {name} is not embedded in the generator");
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }
}
