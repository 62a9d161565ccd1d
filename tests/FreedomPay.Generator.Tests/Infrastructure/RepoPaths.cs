using System;
using System.IO;
using System.Linq;

namespace FreedomPay.Generator.Tests.Infrastructure;

/// <summary>Locates the repository (the folder holding FreedomPay.Generated.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RealSpec => Path.Combine(Root, "spec", "freedompay.mobile-balance.yaml");

    /// <summary>Every spec file that ships (what src/FreedomPay.Client compiles).</summary>
    public static string[] RealSpecs => Directory.GetFiles(Path.Combine(Root, "spec"), "*.yaml").OrderBy(p => p, StringComparer.Ordinal).ToArray();

    public static string ClientSources => Path.Combine(Root, "src", "FreedomPay.Client");

    /// <summary>The build of FreedomPay.Client for a target framework, from the same configuration as this test.</summary>
    public static string BuiltClient(string targetFramework)
    {
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/', '\\')).Parent!.Name; // .../bin/<Configuration>/net10.0
        string path = Path.Combine(ClientSources, "bin", configuration, targetFramework, "FreedomPay.Client.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException("build the solution first: " + path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FreedomPay.Generated.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FreedomPay.Generated.sln not found above " + AppContext.BaseDirectory);
    }
}
