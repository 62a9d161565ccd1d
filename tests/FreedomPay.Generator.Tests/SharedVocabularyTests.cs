using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// One <c>ResultStatus</c> for every area: the packaged areas share <c>FreedomPay.ResultStatus</c>, and a user's spec that
/// declares the same vocabulary <c>shared: true</c> uses that type, so code importing every area's namespace names it
/// unqualified (no CS0104), and one value means the same from every area's replies.
/// </summary>
public sealed class SharedVocabularyTests
{
    private const string Orders = """
        area: Orders
        servers:
          kz: https://api.example.test/
        enums:
          ResultStatus:
            description: Whether the request succeeded.
            values: [ok, error]
            shared: true
        operations:
          Find:
            path: /orders/find
            summary: Finds an order.
            safe-to-retry: true
            request:
              pg_merchant_id: { fill: merchant-id }
              pg_order_id: { required: true }
              pg_salt: { fill: salt }
              pg_sig: { fill: signature }
            response:
              elements:
                pg_status: { required: true, enum: ResultStatus }
        """;

    private const string User = """
        using FreedomPay;
        using FreedomPay.Cards;
        using FreedomPay.GatewayAsync;
        using FreedomPay.Invoice;
        using FreedomPay.MobileBalance;
        using FreedomPay.Orders;
        using FreedomPay.Payouts;
        using FreedomPay.Purchase;

        static class Shop
        {
            static bool AllOk(FindResponse order, FreedomPay.MobileBalance.StatusResponse mobile, FreedomPay.Purchase.StatusResponse card, FreedomPay.Payouts.BalanceResponse balance)
            {
                ResultStatus ok = ResultStatus.Ok;
                return order.Status == ok && mobile.Status == ok && card.Status == ok && balance.Status == ok;
            }
        }
        """;

    [Fact]
    public void Every_packaged_area_and_a_users_area_share_one_ResultStatus_with_every_namespace_imported()
    {
        var (result, output) = Run(Orders);

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        string shared = result.GeneratedSources.Single(s => s.HintName == "Shared.Enums.ResultStatus.g.cs").SourceText.ToString();
        Assert.DoesNotContain("enum ResultStatus", shared); // the packaged type is used; only its wire values are generated
        Assert.Contains("internal static class ResultStatusWire", shared);
        Compilation shop = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText(User, GeneratorHarness.ParseOptions));
        Assert.Empty(shop.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()));
        INamedTypeSymbol find = shop.GetTypeByMetadataName("FreedomPay.Orders.FindResponse")!;
        Assert.Equal("FreedomPay.ResultStatus", ((IPropertySymbol)find.GetMembers("Status").Single()).Type.ToDisplayString());
        Assert.Equal("FreedomPay.Client", ((IPropertySymbol)find.GetMembers("Status").Single()).Type.ContainingAssembly.Name);
    }

    [Fact]
    public void A_shared_enum_with_other_values_than_the_packaged_one_is_FPG0017()
    {
        string spec = Orders.Replace("values: [ok, error]", "values: [ok, error, pending]");
        Assert.NotEqual(Orders, spec);
        var (result, _) = Run(spec);

        Diagnostic error = Assert.Single(result.Diagnostics);
        Assert.Equal("FPG0017", error.Id);
        Assert.Contains("FreedomPay.Client", error.GetMessage());
    }

    [Fact]
    public void Two_spec_files_sharing_an_enum_with_different_values_is_FPG0017()
    {
        string other = Orders.Replace("area: Orders", "area: Returns").Replace("values: [ok, error]", "values: [ok, failed]");
        var (result, _) = GeneratorHarness.Run(new[] { new SpecFile("/specs/orders.yaml", Orders), new SpecFile("/specs/returns.yaml", other) });

        Assert.True(result.Diagnostics.Any(d => d.Id == "FPG0017"), string.Join("\n", GeneratorHarness.Describe(result.Diagnostics)) + "\n" + string.Join(", ", result.GeneratedSources.Select(g => g.HintName)));
        Diagnostic error = Assert.Single(result.Diagnostics, d => d.Id == "FPG0017");
        Assert.Equal("/specs/returns.yaml", error.Location.GetLineSpan().Path);
    }

    private static (GeneratorRunResult Result, Compilation Output) Run(string spec)
    {
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation(
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        return GeneratorHarness.Run(new[] { new SpecFile("/specs/orders.yaml", spec) }, compilation: compilation);
    }
}
