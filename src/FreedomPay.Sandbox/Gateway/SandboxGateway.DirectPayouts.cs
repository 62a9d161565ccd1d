using System.Security.Cryptography;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Gateway API's payouts (g2g/p2p2nonreg, g2g/reg2reg, g2g/to_iban, g2g/balance_status, g2g/payout_status2):
    /// from the same balance as the Merchant API's payouts, made later and notified to pg_post_link, but signed with
    /// the merchant's main key, as the Gateway pages name no payout key.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private SandboxReply GatewayPayoutToCard(GatewayRequest request, SandboxMerchant merchant)
        {
            TestCard card = TestCardOf(request.Required("pg_payment_to"));
            Payout payout;
            lock (_book.Gate)
            {
                payout = AcceptPayout(request, merchant, SavedCard.Mask(card.Number), card, notifyKey: null);
            }

            return GatewayPayoutReply(payout, merchant).Set("pg_reference", RandomNumberGenerator.GetInt32(0, int.MaxValue).ToString("D12", System.Globalization.CultureInfo.InvariantCulture));
        }

        private SandboxReply GatewayPayoutToToken(GatewayRequest request, SandboxMerchant merchant)
        {
            Payout payout;
            string token;
            lock (_book.Gate)
            {
                SavedCard card = _book.Vault.Find(merchant.MerchantId, request.Required("pg_user_id"), request.Required("pg_card_token_to"));
                token = card.Token;
                payout = AcceptPayout(request, merchant, card.MaskedPan, card.Card, notifyKey: null);
            }

            return GatewayPayoutReply(payout, merchant).Set("pg_card_hash", payout.Target).Set("pg_card_token", token);
        }

        private SandboxReply GatewayPayoutToIban(GatewayRequest request, SandboxMerchant merchant) =>
            GatewayPayoutReply(IbanPayout(request, merchant, notifyKey: null), merchant);

        private SandboxReply GatewayPayoutBalance(GatewayRequest request, SandboxMerchant merchant) =>
            SandboxReply.Ok().Set("pg_balance", Balance(merchant)).Set("pg_currency", request.Required("pg_currency"));

        private SandboxReply GatewayPayoutStatus(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            string orderId = request.Required("pg_order_id");
            lock (_book.Gate)
            {
                Payout payout = _book.FindPayout(merchant.MerchantId, id);
                if (payout.OrderId != orderId)
                {
                    throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Payout {id} does not have order id {orderId}.");
                }

                return SandboxReply.Ok()
                    .Set("pg_payment_id", id)
                    .Set("pg_merchant_id", merchant.MerchantId)
                    .Set("pg_payment_status", payout.State switch { PayoutState.Ok => "success", PayoutState.Failed => "error", _ => "process" })
                    .Set("pg_order_id", orderId)
                    .Set("pg_amount", payout.Amount)
                    .Set("pg_net_amount", payout.Amount)
                    .Set("pg_datetime", Iso(Now));
            }
        }

        /// <summary>What the Gateway payout replies share (api-9586998): the payout, the balance left, when.</summary>
        private SandboxReply GatewayPayoutReply(Payout payout, SandboxMerchant merchant) => SandboxReply.Ok()
            .Set("pg_payment_id", payout.Id)
            .Set("pg_merchant_id", merchant.MerchantId)
            .Set("pg_order_id", payout.OrderId)
            .Set("pg_balance", Balance(merchant))
            .Set("pg_payment_amount", payout.Amount)
            .Set("pg_payment_date", Iso(payout.CreatedAt))
            .Set("pg_datetime", Iso(Now));
    }
}
