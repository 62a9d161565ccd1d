using System;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Emit;

namespace FreedomPay.Generator.Tests;

/// <summary>Templates are rendered strictly: a typo is an error, never an empty string in generated code.</summary>
public sealed class TemplateTests
{
    [Fact]
    public void A_misspelled_member_fails_instead_of_rendering_empty()
    {
        var template = TemplateRenderer.Parse("Typo", "namespace {{ file.nmespace }}");

        var ex = Record.Exception(() => TemplateRenderer.Render(template, new OperationView()));

        Assert.NotNull(ex);
        Assert.Contains("nmespace", ex.Message);
    }

    [Fact]
    public void An_unknown_variable_fails_instead_of_rendering_empty()
    {
        var template = TemplateRenderer.Parse("Typo", "{{ respnse.name }}");

        Assert.ThrowsAny<Exception>(() => TemplateRenderer.Render(template, new OperationView()));
    }

    [Fact]
    public void Every_embedded_template_parses()
    {
        string[] names = typeof(TemplateRenderer).Assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".scriban", StringComparison.Ordinal))
            .Select(n => Path.GetFileNameWithoutExtension(n).Replace("FreedomPay.Generator.Templates.", string.Empty))
            .ToArray();

        Assert.Equal(new[] { "Area", "Callback", "Enum", "Header", "NamespaceEnd", "NamespaceStart", "NestedClasses", "Operation", "ReadElement", "Redirect", "ReplyShape", "RequestClass", "RequestPart" }, names.OrderBy(n => n));
        Assert.All(names, name => TemplateRenderer.Parse(name, TemplateRenderer.ReadResource(name)));
    }

    [Fact]
    public void Include_writes_the_same_text_as_Scribans_own_include()
    {
        const string text = "start\n{{~ include 'Header' ~}}\n[{{ include 'Header' }}]\nend";
        var view = new OperationView { File = new FileView { SourceFile = "a.yaml", NullableEnable = true } };

        string ours = TemplateRenderer.Render(TemplateRenderer.Parse("Inc", text), view);

        var stock = new Scriban.TemplateContext { TemplateLoader = new EmbeddedLoader(), StrictVariables = true, NewLine = "\n" };
        var globals = new Scriban.Runtime.ScriptObject();
        Scriban.Runtime.ScriptObjectExtensions.Import(globals, view);
        globals.SetValue("version", TemplateRenderer.Version, readOnly: true);
        stock.PushGlobal(globals);
        string scriban = Scriban.Template.Parse(text).Render(stock);

        Assert.Contains("#nullable enable", ours);
        Assert.Equal(scriban, ours);
    }

    [Fact]
    public void A_failed_render_leaves_nothing_behind_for_the_next_one()
    {
        var good = TemplateRenderer.Parse("Good", "ok {{ file.source_file }}");
        var bad = TemplateRenderer.Parse("Bad", "half written {{ file.nmespace }}");
        var view = new OperationView { File = new FileView { SourceFile = "a.yaml" } };

        Assert.ThrowsAny<Exception>(() => TemplateRenderer.Render(bad, view));

        Assert.Equal("ok a.yaml", TemplateRenderer.Render(good, view));
    }

    [Fact]
    public void A_reused_context_forgets_the_variables_and_output_of_the_render_before()
    {
        var sets = TemplateRenderer.Parse("Sets", "{{ leftover = file.source_file }}set {{ leftover }}");
        var reads = TemplateRenderer.Parse("Reads", "read {{ leftover }}");
        var view = new OperationView { File = new FileView { SourceFile = "a.yaml" } };

        Assert.Equal("set a.yaml", TemplateRenderer.Render(sets, view));

        Assert.ThrowsAny<Exception>(() => TemplateRenderer.Render(reads, view)); // strict: the variable is gone with its render
        Assert.Equal("set a.yaml", TemplateRenderer.Render(sets, view));
    }

    [Fact]
    public void Including_a_template_that_is_not_embedded_fails()
    {
        var template = TemplateRenderer.Parse("Missing", "{{ include 'NoSuchTemplate' }}");

        var ex = Record.Exception(() => TemplateRenderer.Render(template, new OperationView()));

        Assert.NotNull(ex);
        Assert.Contains("NoSuchTemplate", ex.ToString());
    }

    /// <summary>Scriban's stock include, served the same embedded templates.</summary>
    private sealed class EmbeddedLoader : Scriban.Runtime.ITemplateLoader
    {
        public string GetPath(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templateName) => templateName;

        public string Load(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => TemplateRenderer.ReadResource(templatePath);

        public System.Threading.Tasks.ValueTask<string?> LoadAsync(Scriban.TemplateContext context, Scriban.Parsing.SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
