using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// The generator never crashes on bad input: thousands of random mutations of the real spec produce diagnostics
/// located in the spec, never an exception, an internal error (FPG9999) or a dropped generator (CS8785).
/// </summary>
public sealed class RobustnessTests
{
    private const int Mutations = 3000;
    private const int Seed = 20261125;

    private static readonly string[] Insertions = { ":", "-", "[", "]", "{", "}", " ", "\t", "'", "\"", "&a", "*a", "!", "%", "#", "\n", "  x: 1", "|", ">", "? " };

    [Fact]
    public void Random_mutations_of_the_real_spec_never_crash_the_generator()
    {
        string spec = File.ReadAllText(RepoPaths.RealSpec);
        var random = new Random(Seed);
        var failures = new List<string>();
        int withErrors = 0;

        for (int i = 0; i < Mutations && failures.Count < 5; i++)
        {
            string mutated = Mutate(spec, random);
            GeneratorDriver driver = GeneratorHarness.CreateDriver(new[] { new SpecFile("/specs/mutated.yaml", mutated) })
                .RunGenerators(GeneratorHarness.EmptyCompilation());
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            string? problem = result.Exception is not null ? "exception: " + result.Exception
                : result.Diagnostics.FirstOrDefault(d => d.Id is "FPG9999" or "CS8785" or "AD0001") is { } crash ? "crash: " + crash
                : result.Diagnostics.FirstOrDefault(d => d.Location.GetLineSpan().Path != "/specs/mutated.yaml") is { } stray ? "unlocated: " + stray
                : null;
            if (problem is not null)
            {
                failures.Add($"mutation {i}: {problem}\n--- spec ---\n{mutated}");
            }

            withErrors += result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) ? 1 : 0;
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(withErrors > Mutations / 10, $"only {withErrors} of {Mutations} mutations were errors: the mutations are too gentle to test anything");
    }

    private static string Mutate(string spec, Random random)
    {
        string[] lines = spec.Split('\n');
        int line = random.Next(lines.Length);
        switch (random.Next(6))
        {
            case 0: // delete a line
                return string.Join("\n", lines.Where((_, i) => i != line));
            case 1: // duplicate a line
                return string.Join("\n", lines.Take(line + 1).Concat(lines.Skip(line)));
            case 2: // truncate the file
                return spec.Substring(0, random.Next(spec.Length));
            case 3: // swap two neighbouring characters
                int at = random.Next(spec.Length - 1);
                return spec.Substring(0, at) + spec[at + 1] + spec[at] + spec.Substring(at + 2);
            case 4: // insert YAML punctuation
                int where = random.Next(spec.Length);
                return spec.Insert(where, Insertions[random.Next(Insertions.Length)]);
            default: // change a line's indentation
                lines[line] = random.Next(2) == 0 ? "  " + lines[line] : lines[line].TrimStart();
                return string.Join("\n", lines);
        }
    }
}
