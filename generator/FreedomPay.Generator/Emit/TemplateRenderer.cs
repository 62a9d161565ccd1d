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

        [ThreadStatic]
        private static StringBuilder? t_output;

        private static readonly ConcurrentDictionary<string, Template> Parsed = new ConcurrentDictionary<string, Template>(StringComparer.Ordinal);

        /// <summary>The generator version written into [GeneratedCode] attributes.</summary>
        public static readonly string Version = typeof(TemplateRenderer).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        public static string Render(string templateName, object model) => Render(Get(templateName), model);

        internal static string Render(Template template, object model)
        {
            var globals = new ScriptObject();
            ViewImporter.Import(globals, model);
            globals.SetValue("version", Version, readOnly: true);

            // One output buffer per thread, big enough for a file: a new one per render grew chunk by chunk, and
            // Scriban's clearing of a chunked builder reallocates it. Taken while in use, given back only after a
            // render that finished (Scriban leaves it empty).
            StringBuilder output = t_output ?? new StringBuilder(OutputCapacity);
            t_output = null;
            var context = new RenderContext(Get);
            context.PushOutput(new StringBuilderOutput(output));
            context.PushGlobal(globals);
            string text = template.Render(context);
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
