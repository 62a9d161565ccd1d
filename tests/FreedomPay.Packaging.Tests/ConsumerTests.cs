using System.IO;
using System.Threading.Tasks;

namespace FreedomPay.Packaging.Tests;

/// <summary>
/// A stranger's project: the README walkthrough, line by line, restored from the packed feed; built on net10.0 and
/// run against the sandbox package, built on net8.0, as a netstandard2.0 library at C# 7.3, with the oldest
/// compiler served, and with a broken spec.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ConsumerTests(PackedFeed packed)
{
    private readonly Walkthrough _walkthrough = Packaging.Tests.Walkthrough.FromReadme();

    [Fact]
    public async Task The_readme_walkthrough_builds_and_calls_the_packaged_and_the_new_operation_against_the_sandbox()
    {
        var project = FromWalkthrough("walkthrough");

        CommandResult run = await project.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("order ORD-1: payment 1000001, Ok", run.Output);
        Assert.Contains("payout PAYOUT-1: Success", run.Output); // answered by the default emulation
        Assert.True(run.Output.Contains("saved card payment 1000003: Ok", System.StringComparison.Ordinal), run.Output); // a path parameter, a receipt list, the shop's own field, a one-of group
    }

    [Fact]
    public async Task The_sandbox_package_serves_a_consumers_repeated_and_nested_replies_it_has_never_seen()
    {
        // The sandbox tests' own area: one operation with repeated elements, one with nested groups and a list.
        string spec = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot, "tests", "FreedomPay.Sandbox.Tests", "Specs", "marketplace.yaml"));
        var project = new ConsumerProject(packed, "own-area")
            .Write("consumer.csproj", _walkthrough.Project.Replace("orders.yaml", "marketplace.yaml"))
            .Write("marketplace.yaml", spec)
            .Write("Program.cs", """
                using FreedomPay;
                using FreedomPay.Marketplace;
                using FreedomPay.Sandbox;

                await using var sandbox = await FreedomPaySandbox.StartAsync(new FreedomPaySandboxOptions().AddArea(MarketplaceClient.Operations));
                using var client = new FreedomPayClient(new FreedomPayClientOptions
                {
                    MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress,
                });

                var settlements = await client.Marketplace().SettlementsAsync(new SettlementsRequest { OrderId = "M-1", Amount = 3m });
                var seller = await client.Marketplace().SellerAsync(new SellerRequest { SellerId = 9 });
                Console.WriteLine($"settlements of {settlements.OrderId}: {settlements.Settlement.Count}; seller {seller.Seller.Name} in {seller.Seller.Address?.City}");
                """);

        CommandResult run = await project.RunAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("settlements of M-1: 2; seller Aigerim's shop in Almaty", run.Output);
    }

    [Fact]
    public async Task The_walkthrough_also_builds_for_net8()
    {
        var project = FromWalkthrough("net8");
        project.Write("consumer.csproj", _walkthrough.Project.Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFramework>net8.0</TargetFramework>"));

        CommandResult build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public async Task The_walkthrough_builds_with_the_oldest_served_compiler()
    {
        var project = FromWalkthrough("compiler-4.14");
        // The .NET 10 SDK uses its own compiler unless RoslynCompilerType names something other than Core/Framework.
        project.Write("consumer.csproj", _walkthrough.Project
            .Replace("<Nullable>enable</Nullable>", "<Nullable>enable</Nullable>\n    <RoslynCompilerType>Package</RoslynCompilerType>")
            .Replace(
                "<FreedomPaySpec Include=\"orders.yaml\" />",
                "<FreedomPaySpec Include=\"orders.yaml\" />\n    <PackageReference Include=\"Microsoft.Net.Compilers.Toolset\" Version=\"4.14.0\" PrivateAssets=\"all\" />"));

        CommandResult build = await project.BuildAsync("-p:EmitCompilerGeneratedFiles=true", "-v:n");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("microsoft.net.compilers.toolset/4.14.0/tasks/netcore/bincore/csc.dll", build.Output.ToLowerInvariant());
        Assert.True(File.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "generated", "FreedomPay.Generator", "FreedomPay.Generator.FreedomPayGenerator", "Orders.StatusByOrder.g.cs")));
    }

    [Fact]
    public async Task A_netstandard20_library_builds_its_own_spec_at_csharp_7_3()
    {
        var project = new ConsumerProject(packed, "netstandard2.0")
            .Write("orders.yaml", _walkthrough.Spec)
            .Write("library.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="FreedomPay.Client" Version="0.1.0" />
                    <PackageReference Include="FreedomPay.Generator" Version="0.1.0" PrivateAssets="all" />
                    <FreedomPaySpec Include="orders.yaml" />
                  </ItemGroup>
                </Project>
                """)
            .Write("OrderLookup.cs", """
                using System.Threading.Tasks;
                using FreedomPay;
                using FreedomPay.Orders;

                namespace Consumer
                {
                    public static class OrderLookup
                    {
                        public static async Task<long> PaymentOfAsync(FreedomPayClient client, string orderId)
                        {
                            StatusByOrderResponse response = await client.Orders().StatusByOrderAsync(new StatusByOrderRequest { OrderId = orderId });
                            return response.PaymentId;
                        }
                    }
                }
                """);

        CommandResult build = await project.BuildAsync();

        Assert.True(build.ExitCode == 0, build.ToString());
    }

    [Fact]
    public async Task A_broken_spec_fails_the_build_at_its_yaml_position_as_the_readme_says()
    {
        var project = FromWalkthrough("broken");
        project.Write("orders.yaml", _walkthrough.Spec.Replace("    summary: Tells", "    sumary: Tells"));

        CommandResult build = await project.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("orders.yaml(8,5): error FPG0003: Unknown key 'sumary' in operation 'StatusByOrder'; did you mean 'summary'?", build.Output);
        Assert.DoesNotContain("CS8785", build.Output);
        string readme = File.ReadAllText(Path.Combine(PackedFeed.RepositoryRoot, "README.md")).Replace("\n   ", " ");
        Assert.Contains("orders.yaml(8,5): error FPG0003: Unknown key 'sumary' in operation 'StatusByOrder'; did you mean 'summary'?", readme);
    }

    private ConsumerProject FromWalkthrough(string name) => new ConsumerProject(packed, name)
        .Write("consumer.csproj", _walkthrough.Project)
        .Write("orders.yaml", _walkthrough.Spec)
        .Write("Program.cs", _walkthrough.Program);
}
