using System;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>The usage snippets in README.md compile against the built client, so the README cannot drift from the API.</summary>
public sealed class ReadmeSnippetTests
{
    [Fact]
    public void Usage_snippet_compiles_against_the_client() =>
        AssertCompiles("## Usage", "string secretKey, string smsCode, CancellationToken cancellationToken");

    [Fact]
    public void Gateway_card_payment_snippet_compiles_against_the_client() =>
        AssertCompiles(
            "### A card payment through the Gateway API",
            "FreedomPay.FreedomPayClient client, string cardNumber, string cvc, IEnumerable<KeyValuePair<string, string>> postedForm, CancellationToken cancellationToken");

    /// <summary>The first C# block after <paramref name="heading"/>, as the body of a method taking the values it assumes.</summary>
    private static void AssertCompiles(string heading, string parameters)
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        string[] lines = CodeBlockAfter(readme, heading).Split('\n');
        string usings = string.Join("\n", lines.Where(IsUsingDirective));
        string body = string.Join("\n", lines.Where(l => !IsUsingDirective(l)));

        // What a console app with implicit usings would have.
        string source = $$"""
            global using System;
            global using System.Collections.Generic;
            global using System.Threading;
            global using System.Threading.Tasks;
            {{usings}}

            public static class ReadmeSnippet
            {
                public static async Task RunAsync({{parameters}})
                {
            {{body}}
                }
            }
            """;

        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            new[] { CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions) },
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        Assert.Empty(RuntimeCompilation.Problems(compilation));
    }

    private static bool IsUsingDirective(string line) =>
        line.StartsWith("using ", StringComparison.Ordinal) && !line.StartsWith("using var ", StringComparison.Ordinal);

    private static string CodeBlockAfter(string markdown, string heading)
    {
        int section = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(section >= 0, $"README.md has no '{heading}' section");
        int start = markdown.IndexOf("```csharp\n", section, StringComparison.Ordinal) + "```csharp\n".Length;
        int end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return markdown.Substring(start, end - start).Replace("\r\n", "\n");
    }
}
