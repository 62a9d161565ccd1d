using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace FreedomPay.Packaging.Tests;

/// <summary>What each package must and must not contain.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed packed)
{
    [Fact]
    public void The_generator_ships_under_analyzers_with_its_dependencies_and_the_msbuild_glue()
    {
        string[] files = Files("FreedomPay.Generator");

        Assert.Contains("analyzers/dotnet/cs/FreedomPay.Generator.dll", files);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", files);
        Assert.Contains("analyzers/dotnet/cs/Scriban.Signed.dll", files);
        // Scriban's System.Text.Json 10 and its dependencies, for compilers on .NET 8 and 9 (CompilerHostTests).
        Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", files);
        Assert.Contains("analyzers/dotnet/cs/System.Text.Encodings.Web.dll", files);
        Assert.Contains("analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll", files);
        Assert.Contains("analyzers/dotnet/cs/System.IO.Pipelines.dll", files);
        Assert.Contains("build/FreedomPay.Generator.props", files);
        Assert.Contains("build/FreedomPay.Generator.targets", files);
        Assert.Contains("schema/freedompay-spec.schema.json", files); // for YAML editors: see spec/README.md
        Assert.Contains("docs/spec-format.md", files);
        Assert.DoesNotContain(files, f => f.StartsWith("lib/"));
        Assert.DoesNotContain(files, f => f.Contains("Microsoft.CodeAnalysis"));
        XElement metadata = Nuspec("FreedomPay.Generator");
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Null(metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "dependencies"));
    }

    [Fact]
    public void The_client_ships_three_frameworks_with_xml_docs_and_no_analyzers()
    {
        string[] files = Files("FreedomPay.Client");

        foreach (string framework in new[] { "netstandard2.0", "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{framework}/FreedomPay.Client.dll", files);
            Assert.Contains($"lib/{framework}/FreedomPay.Client.xml", files);
        }

        Assert.DoesNotContain(files, f => f.StartsWith("analyzers/"));
        string dependencies = Nuspec("FreedomPay.Client").ToString();
        Assert.DoesNotContain("FreedomPay.Generator", dependencies);
        Assert.DoesNotContain("PolySharp", dependencies);
        Assert.Contains("System.Memory", dependencies);
    }

    [Fact]
    public void The_sandbox_depends_on_the_client_and_the_aspnetcore_framework()
    {
        string[] files = Files("FreedomPay.Sandbox");
        string nuspec = Nuspec("FreedomPay.Sandbox").ToString();

        Assert.Contains("lib/net8.0/FreedomPay.Sandbox.dll", files);
        Assert.Contains("lib/net10.0/FreedomPay.Sandbox.dll", files);
        Assert.Contains($"id=\"FreedomPay.Client\" version=\"{packed.Version}\"", nuspec);
        Assert.Contains("Microsoft.AspNetCore.App", nuspec);
    }

    [Fact]
    public void The_cli_is_a_dotnet_tool_named_freedompay()
    {
        string[] files = Files("FreedomPay.Cli");

        Assert.Contains("tools/net10.0/any/freedompay.dll", files);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", files);
        // --spec binds YAML at run time with the generator's binder: the tool carries it and what it loads.
        Assert.Contains("tools/net10.0/any/FreedomPay.Generator.dll", files);
        Assert.Contains("tools/net10.0/any/YamlDotNet.dll", files);
        Assert.Contains("tools/net10.0/any/Microsoft.CodeAnalysis.dll", files);
        using ZipArchive zip = ZipFile.OpenRead(packed.Package("FreedomPay.Cli"));
        using var reader = new System.IO.StreamReader(zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open());
        Assert.Contains("<Command Name=\"freedompay\" EntryPoint=\"freedompay.dll\"", reader.ReadToEnd());
    }

    [Theory]
    [InlineData("FreedomPay.Generator")]
    [InlineData("FreedomPay.Client")]
    [InlineData("FreedomPay.Sandbox")]
    [InlineData("FreedomPay.Cli")]
    [InlineData("FreedomPay.Extensions.DependencyInjection")]
    [InlineData("FreedomPay.AspNetCore")]
    [InlineData("FreedomPay.AspNetCore.Redis")]
    public void Every_package_has_a_readme_a_license_expression_and_file_a_changelog_and_repository_metadata(string id)
    {
        XElement metadata = Nuspec(id);

        Assert.Contains("README.md", Files(id));
        Assert.Contains("LICENSE", Files(id));
        Assert.Contains("CHANGELOG.md", Files(id));
        Assert.StartsWith("## [Unreleased]", Value(metadata, "releaseNotes")); // the changelog's unreleased section
        Assert.DoesNotContain("## [0.1.0]", Value(metadata, "releaseNotes"));
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.NotNull(metadata.Elements().FirstOrDefault(e => e.Name.LocalName == "repository"));
        Assert.Equal(packed.Version, Value(metadata, "version"));
    }

    [Theory]
    [InlineData("FreedomPay.Client")]
    [InlineData("FreedomPay.Sandbox")]
    public void Libraries_come_with_a_symbol_package(string id)
    {
        Assert.True(System.IO.File.Exists(packed.Package(id).Replace(".nupkg", ".snupkg")));
    }

    private string[] Files(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(packed.Package(id));
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private XElement Nuspec(string id)
    {
        using ZipArchive zip = ZipFile.OpenRead(packed.Package(id));
        using var stream = zip.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string? Value(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
}
