using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace FreedomPay.Packaging.Tests;

/// <summary>
/// A fresh project in a temporary folder outside the repository, restoring FreedomPay packages from the test feed
/// (and everything else from the usual NuGet source), built and run with the dotnet CLI.
/// </summary>
internal sealed class ConsumerProject
{
    private readonly PackedFeed _packed;

    public ConsumerProject(PackedFeed packed, string name)
    {
        _packed = packed;
        Directory = Path.Combine(packed.Root, "consumers", name);
        System.IO.Directory.CreateDirectory(Directory);
        Write("NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="freedompay-test-feed" value="{packed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
    }

    public string Directory { get; }

    /// <summary>Writes a file; FreedomPay package versions "0.1.0" become the test feed's version.</summary>
    public ConsumerProject Write(string file, string text)
    {
        File.WriteAllText(Path.Combine(Directory, file), text.Replace("Version=\"0.1.0\"", $"Version=\"{_packed.Version}\""));
        return this;
    }

    public Task<CommandResult> BuildAsync(params string[] extra) =>
        DotNet.RunAsync(Directory, TimeSpan.FromMinutes(10), new[] { "build", "--disable-build-servers", "-warnaserror" }.Concat(extra).ToArray());

    public Task<CommandResult> RunAsync() =>
        DotNet.RunAsync(Directory, TimeSpan.FromMinutes(10), "run", "--disable-build-servers");
}

/// <summary>The code blocks of the README's "Add your own endpoint" walkthrough, in order.</summary>
internal sealed record Walkthrough(string Project, string Spec, string Program)
{
    public const string Heading = "## Add your own endpoint (in your own project)";

    public static Walkthrough FromReadme()
    {
        string readme = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot, "README.md")).Replace("\r\n", "\n");
        int start = readme.IndexOf(Heading, StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no walkthrough section");
        int end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        string section = readme.Substring(start, end - start);
        List<string> blocks = Blocks(section);
        Assert.True(blocks.Count >= 3, "the walkthrough needs an xml, a yaml and a csharp block");
        return new Walkthrough(blocks[0], blocks[1], blocks[2]);
    }

    /// <summary>Fenced blocks, with the indentation of the list item they sit in removed.</summary>
    private static List<string> Blocks(string markdown)
    {
        var blocks = new List<string>();
        string[] lines = markdown.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].TrimStart();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.Length == 3)
            {
                continue;
            }

            int indent = lines[i].Length - trimmed.Length;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            {
                body.Add(lines[i].Length >= indent ? lines[i].Substring(indent) : lines[i].TrimStart());
            }

            blocks.Add(string.Join("\n", body) + "\n");
        }

        return blocks;
    }
}
