using System.Collections.Generic;
using FreedomPay.CardIssuing;
using FreedomPay.Cards;
using FreedomPay.GatewayAsync;
using FreedomPay.GatewayCards;
using FreedomPay.GatewayPayments;
using FreedomPay.GatewayPayouts;
using FreedomPay.GatewayTransfers;
using FreedomPay.Invoice;
using FreedomPay.MobileBalance;
using FreedomPay.Partner;
using FreedomPay.Payouts;
using FreedomPay.Purchase;
using FreedomPay.Runtime;

namespace FreedomPay
{
    /// <summary>
    /// The API areas generated into this assembly from spec/*.yaml, each as its operations. The tool's commands and
    /// the sandbox's routes both come from this one list: a new operation in a spec needs nothing here, a new spec
    /// file (a new area) one line.
    /// </summary>
    internal static class PackagedAreas
    {
        public static IReadOnlyList<IReadOnlyList<OperationInfo>> All { get; } = new[]
        {
            MobileBalanceClient.Operations,
            PurchaseClient.Operations,
            CardsClient.Operations,
            PayoutsClient.Operations,
            InvoiceClient.Operations,
            GatewayAsyncClient.Operations,
            GatewayPaymentsClient.Operations,
            GatewayCardsClient.Operations,
            GatewayTransfersClient.Operations,
            GatewayPayoutsClient.Operations,
            CardIssuingClient.Operations,
            PartnerClient.Operations,
        };
    }
}
