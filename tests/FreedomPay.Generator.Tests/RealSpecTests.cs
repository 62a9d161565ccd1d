using System.IO;
using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;

namespace FreedomPay.Generator.Tests;

/// <summary>The specs that ship (spec/*.yaml), run through the generator in-process.</summary>
public sealed class RealSpecTests
{
    private static SpecFile RealSpec => new(RepoPaths.RealSpec, File.ReadAllText(RepoPaths.RealSpec));

    private static SpecFile[] RealSpecs => RepoPaths.RealSpecs.Select(p => new SpecFile(p, File.ReadAllText(p))).ToArray();

    [Fact]
    public void Generates_one_file_per_operation_callback_enum_and_area_without_diagnostics()
    {
        var (result, _) = GeneratorHarness.Run(RealSpecs, GeneratorHarness.ClientProjectOptions);

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        string[] hints = result.GeneratedSources.Select(s => s.HintName).OrderBy(h => h, System.StringComparer.Ordinal).ToArray();
        Assert.Equal(
            new[]
            {
                "Callbacks.Callback.CheckRequest.g.cs", "Callbacks.Callback.RedirectBack.g.cs", "Callbacks.Callback.ResultNotification.g.cs",
                "CardIssuing.BlockCard.g.cs", "CardIssuing.Client.g.cs", "CardIssuing.CloseCard.g.cs", "CardIssuing.RefundTransaction.g.cs",
                "CardIssuing.RequestStatus.g.cs", "CardIssuing.Statement.g.cs", "CardIssuing.StatementExtended.g.cs", "CardIssuing.UnblockCard.g.cs",
                "Cards.Add.g.cs", "Cards.Callback.CardSaved.g.cs", "Cards.Client.g.cs", "Cards.CvcPage.g.cs", "Cards.Direct.g.cs",
                "Cards.Init.g.cs", "Cards.List.g.cs", "Cards.Remove.g.cs", "Cards.Request.CardReceiptPosition.g.cs",
                "GatewayAsync.Clearing.g.cs", "GatewayAsync.Client.g.cs", "GatewayAsync.CreatePayment.g.cs", "GatewayAsync.Enums.PaymentSourceType.g.cs",
                "GatewayAsync.Enums.WalletTokenType.g.cs", "GatewayAsync.ReadPayment.g.cs", "GatewayAsync.ReadRequest.g.cs", "GatewayAsync.Refund.g.cs",
                "GatewayAsync.Request.PayerDevice.g.cs", "GatewayAsync.Request.PaymentCard.g.cs", "GatewayAsync.Request.PaymentSource.g.cs",
                "GatewayAsync.Request.PaymentUrls.g.cs", "GatewayAsync.Request.RecurrentProfile.g.cs", "GatewayAsync.Request.WalletToken.g.cs",
                "GatewayAsync.Reverse.g.cs",
                "GatewayCards.Add.g.cs", "GatewayCards.Client.g.cs", "GatewayCards.CompleteThreeDs.g.cs", "GatewayCards.Enums.RemoveStatus.g.cs",
                "GatewayCards.List.g.cs", "GatewayCards.Remove.g.cs",
                "GatewayPayments.Cancel.g.cs", "GatewayPayments.Clearing.g.cs", "GatewayPayments.Client.g.cs", "GatewayPayments.CompleteThreeDs.g.cs",
                "GatewayPayments.Enums.PayByTokenLanguage.g.cs", "GatewayPayments.Enums.PaymentReplyStatus.g.cs", "GatewayPayments.Pay.g.cs",
                "GatewayPayments.PayByToken.g.cs", "GatewayPayments.PayWithApplePay.g.cs", "GatewayPayments.PayWithGooglePay.g.cs",
                "GatewayPayments.Recurrent.g.cs", "GatewayPayments.Refund.g.cs", "GatewayPayments.Request.ExchangeParams.g.cs", "GatewayPayments.Status.g.cs",
                "GatewayPayouts.Balance.g.cs", "GatewayPayouts.Client.g.cs", "GatewayPayouts.Status.g.cs", "GatewayPayouts.ToCard.g.cs",
                "GatewayPayouts.ToIban.g.cs", "GatewayPayouts.ToToken.g.cs",
                "GatewayTransfers.Client.g.cs", "GatewayTransfers.CompleteThreeDs.g.cs", "GatewayTransfers.Enums.TransferLanguage.g.cs",
                "GatewayTransfers.Enums.TransferReplyStatus.g.cs", "GatewayTransfers.Rates.g.cs", "GatewayTransfers.Status.g.cs",
                "GatewayTransfers.Transfer.g.cs",
                "Invoice.Client.g.cs", "Invoice.Enums.InitCurrency.g.cs", "Invoice.Enums.InitRequestMethod.g.cs", "Invoice.Enums.InvoiceMethod.g.cs",
                "Invoice.Enums.InvoiceStatus.g.cs", "Invoice.Info.g.cs", "Invoice.Init.g.cs", "Invoice.Pay.g.cs", "Invoice.Status.g.cs",
                "MobileBalance.Approve.g.cs", "MobileBalance.Client.g.cs",
                "MobileBalance.Enums.ApproveStatus.g.cs", "MobileBalance.Enums.CallbackMethod.g.cs", "MobileBalance.Enums.MobileOperator.g.cs",
                "MobileBalance.Enums.PageLanguage.g.cs", "MobileBalance.Enums.PayStatus.g.cs", "MobileBalance.Enums.PaymentStatus.g.cs",
                "MobileBalance.Enums.RedirectMethod.g.cs", 
                "MobileBalance.Init.g.cs", "MobileBalance.Pay.g.cs", "MobileBalance.ResendCode.g.cs", "MobileBalance.Status.g.cs",
                "Partner.AddClient.g.cs", "Partner.AddRates.g.cs", "Partner.BlockWallet.g.cs", "Partner.Client.g.cs", "Partner.InvoiceInfo.g.cs", "Partner.Request.ClientAddress.g.cs", "Partner.Request.ClientCompany.g.cs", "Partner.Request.PartnerRate.g.cs",
                "Payouts.AddCard.g.cs", "Payouts.Balance.g.cs", "Payouts.Callback.PayoutNotification.g.cs", "Payouts.Client.g.cs",
                "Payouts.Enums.PayoutResult.g.cs", "Payouts.Enums.PayoutRoute.g.cs", "Payouts.Enums.PayoutStatus.g.cs", 
                "Payouts.Enums.TransactionStatus.g.cs", "Payouts.Status.g.cs", "Payouts.StatusByOrder.g.cs",
                "Payouts.StatusV2.g.cs", "Payouts.ToIban.g.cs", "Payouts.ToSavedCard.g.cs", "Payouts.ToUnsavedCard.g.cs",
                "Purchase.Cancel.g.cs", "Purchase.Clearing.g.cs", "Purchase.Client.g.cs",
                "Purchase.Enums.CallbackMethod.g.cs", "Purchase.Enums.PageLanguage.g.cs", "Purchase.Enums.PaymentRoute.g.cs", "Purchase.Enums.PaymentStatus.g.cs",
                "Purchase.Enums.RedirectMethod.g.cs", "Purchase.Enums.RefundStatus.g.cs",
                "Purchase.Init.g.cs", "Purchase.PaymentPage.g.cs", "Purchase.Recurring.g.cs", "Purchase.Refund.g.cs", "Purchase.Request.ReceiptPosition.g.cs", "Purchase.Status.g.cs",
                "Shared.Enums.ResultStatus.g.cs", "Shared.Enums.TaxType.g.cs",
            },
            hints);
    }

    [Fact]
    public void Every_generated_file_matches_its_snapshot()
    {
        var (result, _) = GeneratorHarness.Run(RealSpecs, GeneratorHarness.ClientProjectOptions);

        Snapshot.VerifyAll("RealSpec", result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public void Output_compiles_for_net8_with_no_warnings_and_documentation_on_every_public_member()
    {
        // In FreedomPay.Client itself the output is compiled by the build (warnings as errors, three frameworks);
        // here the same spec compiles in another net8.0 assembly against the built client.
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Consumer",
            System.Array.Empty<Microsoft.CodeAnalysis.SyntaxTree>(),
            Basic.Reference.Assemblies.Net80.References.All.Append(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(RepoPaths.BuiltClient("net8.0"))),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
        var options = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", "Consumer");

        var (_, output) = GeneratorHarness.Run(RealSpecs, options, compilation, RuntimeCompilation.Net8ParseOptions);

        Assert.Empty(RuntimeCompilation.Problems(output));
    }
}
