using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// spec/freedompay-spec.schema.json, the JSON Schema YAML editors use for completion and checks while typing: every
/// spec in the repository (and the README walkthrough's) passes it, each names it for the editor, a mistake fails it,
/// and it knows exactly the keys the binder accepts, no more and no fewer.
/// </summary>
public sealed class SpecSchemaTests
{
    private static readonly string Root = RepositoryRoot();

    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(Root, "spec", "freedompay-spec.schema.json"));

    public static TheoryData<string> SpecFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(Root, "spec"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(Root, "tests"), "*.yaml", SearchOption.AllDirectories).Where(f => f.Contains(Path.DirectorySeparatorChar + "Specs" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SpecFiles))]
    public void Every_spec_in_the_repository_passes_the_schema_and_names_it_for_editors(string file)
    {
        string text = File.ReadAllText(Path.Combine(Root, file));

        AssertValid(text, file);
        string expected = Path.GetRelativePath(Path.GetDirectoryName(Path.Combine(Root, file))!, Path.Combine(Root, "spec", "freedompay-spec.schema.json")).Replace('\\', '/');
        Assert.StartsWith("# yaml-language-server: $schema=" + (expected.StartsWith('.') ? expected : "./" + expected) + "\n", text.Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_readme_walkthroughs_spec_passes_the_schema()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        string section = readme[readme.IndexOf("## Add your own endpoint", StringComparison.Ordinal)..];
        string yaml = Regex.Match(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;

        Assert.Contains("SavedCardPayment:", yaml);
        AssertValid(string.Join('\n', yaml.Split('\n').Select(line => line.StartsWith("   ", StringComparison.Ordinal) ? line[3..] : line)), "README walkthrough");
    }

    [Fact]
    public void The_format_references_complete_example_passes_the_schema()
    {
        string readme = File.ReadAllText(Path.Combine(Root, "spec", "README.md"));
        string section = readme[readme.IndexOf("## A complete small example", StringComparison.Ordinal)..];

        AssertValid(Regex.Match(section, "```yaml\n(.*?)```", RegexOptions.Singleline).Groups[1].Value, "spec/README.md's complete example");
    }

    [Theory]
    [InlineData("operations:\n  Ping:\n    path: /ping\n    sumary: typo\n", "sumary")]
    [InlineData("operations:\n  Ping:\n    path: ping\n", "pattern")]
    [InlineData("operations:\n  Ping:\n    path: /ping\n    request:\n      pg_a: { required: yes }\n", "required")]
    [InlineData("operations:\n  Ping:\n    path: /ping\n    request:\n      pg_a: { type: money }\n", "type")]
    [InlineData("operations:\n  Ping:\n    path: /ping\n    kind: page\n", "kind")]
    [InlineData("callbacks:\n  Back:\n    reply: page\n    fields: { pg_a: string }\n", "reply")]
    public void A_mistake_fails_the_schema(string body, string where)
    {
        JsonNode spec = YamlToJson("area: Demo\nservers:\n  kz: https://a.test/\n" + body);

        EvaluationResults results = Schema.Evaluate(Element(spec), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.False(results.IsValid, where);
    }

    public static TheoryData<string, string> KeyLists() => new()
    {
        { "RootKeys", "#" },
        { "ErrorKeys", "#/$defs/errors" },
        { "ServerKeys", "#/$defs/server/oneOf/1" },
        { "DefaultsKeys", "#/$defs/defaults" },
        { "AreaEnumKeys", "#/$defs/areaEnum" },
        { "OperationKeys", "#/$defs/operation" },
        { "ResponseKeys", "#/$defs/response" },
        { "RequestFieldKeys", "#/$defs/requestField/oneOf/2" },
        { "ElementKeys", "#/$defs/responseElement/oneOf/2" },
        { "CallbackKeys", "#/$defs/callback" },
    };

    [Theory]
    [MemberData(nameof(KeyLists))]
    public void The_schema_and_the_binder_know_the_same_keys(string binderList, string schemaPointer)
    {
        string[] binder = (string[])typeof(FreedomPay.Generator.Binding.DiagnosticDescriptors).Assembly
            .GetType("FreedomPay.Generator.Binding.SpecBinder")!
            .GetField(binderList, BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
        JsonNode schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "spec", "freedompay-spec.schema.json")))!;
        JsonNode? node = schema;
        foreach (string step in schemaPointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = int.TryParse(step, out int index) ? node![index] : node![step];
        }

        string[] inSchema = node!["properties"]!.AsObject().Select(p => p.Key).ToArray();
        Assert.Equal(binder.Order(StringComparer.Ordinal), inSchema.Order(StringComparer.Ordinal));
        Assert.False(node["additionalProperties"]!.GetValue<bool>()); // an unknown key is a mistake, in the editor too
    }

    private static void AssertValid(string yaml, string what)
    {
        EvaluationResults results = Schema.Evaluate(Element(YamlToJson(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        string errors = string.Join("\n", (results.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
        Assert.True(results.IsValid, $"{what} does not pass the schema:\n{errors}");
    }

    private static System.Text.Json.JsonElement Element(JsonNode node) => System.Text.Json.JsonDocument.Parse(node.ToJsonString()).RootElement;

    /// <summary>YAML as an editor's YAML language server sees it (the core schema): plain scalars typed, quoted ones text.</summary>
    private static JsonNode YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, Convert(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException("Unexpected YAML node " + node.NodeType),
    };

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when Regex.IsMatch(value, "^[-+]?[0-9]+$") && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long whole) => JsonValue.Create(whole),
        _ when Regex.IsMatch(value, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$") => JsonValue.Create(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreedomPay.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FreedomPay.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
