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

        Assert.Equal(new[] { "Area", "Callback", "Enum", "Header", "NestedClasses", "Operation", "ReadElement", "ReadItem", "Redirect", "ReplyShape", "RequestClass", "RequestPart" }, names.OrderBy(n => n));
        Assert.All(names, name => TemplateRenderer.Parse(name, TemplateRenderer.ReadResource(name)));
    }
}
