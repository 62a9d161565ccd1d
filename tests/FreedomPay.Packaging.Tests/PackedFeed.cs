using System;
using System.IO;
using System.Threading.Tasks;

namespace FreedomPay.Packaging.Tests;

/// <summary>
/// The solution packed once (from the build this test run already made) into a temporary folder feed, with a
/// version of its own so that no package of an earlier run can be served from the NuGet cache instead.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "freedompay-packaging-" + Guid.NewGuid().ToString("N")[..8]);

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The configuration this test was built in (.../bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/', '\\')).Parent!.Name;

    public string Package(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        CommandResult pack = await DotNet.RunAsync(RepositoryRoot, TimeSpan.FromMinutes(10),
            "pack", "FreedomPay.Generated.sln", "--no-build", "-c", Configuration, "-o", Feed, "-p:PackageVersion=" + Version);
        Assert.True(pack.ExitCode == 0, pack.ToString());
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
            string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            foreach (string id in new[] { "freedompay.client", "freedompay.generator", "freedompay.sandbox" })
            {
                string cached = Path.Combine(cache, id, Version.ToLowerInvariant());
                if (Directory.Exists(cached))
                {
                    Directory.Delete(cached, recursive: true);
                }
            }
        }
        catch (IOException)
        {
            // Best effort: temporary files only.
        }

        return Task.CompletedTask;
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

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "packed feed";
}
