using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Gateway API's card storage (g2g/cardstorage/...): a card the merchant's server sends is saved for the
    /// user at once, listed and removed; its token pays (g2g/payment) and receives payouts. In the sandbox saving is
    /// frictionless: the docs' 3-D Secure step for saving takes an MD and a PaRes that the saving reply does not carry.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private SandboxReply GatewayAddCard(GatewayRequest request, SandboxMerchant merchant)
        {
            TestCard card = TestCardOf(request.Required("pg_card_pan"));
            if (card.Behavior == TestCardBehavior.Declines)
            {
                throw new GatewayError(SandboxErrorCodes.Declined, "The issuer declined the card: it cannot be saved.");
            }

            string user = request.Required("pg_user_id");
            SavedCard saved;
            lock (_book.Gate)
            {
                saved = _book.Vault.SaveDirect(merchant.MerchantId, user, card, Now);
                saved.Expiry = request.Required("pg_card_month") + "/" + request.Required("pg_card_year");
            }

            return SandboxReply.Ok()
                .Set("pg_payment_id", _book.ReserveId())
                .Set("pg_order_id", request.Optional("pg_order_id"))
                .Set("pg_user_id", user)
                .Set("pg_card_mask", saved.MaskedPan)
                .Set("pg_card_token", saved.Token)
                .Set("pg_3ds", "0")
                .Set("pg_secure_details", "F")
                .Set("pg_datetime", Iso(Now));
        }

        private SandboxReply GatewayListCards(GatewayRequest request, SandboxMerchant merchant)
        {
            SandboxReply reply = SandboxReply.Ok();
            lock (_book.Gate)
            {
                foreach (SavedCard card in _book.Vault.List(merchant.MerchantId, request.Required("pg_user_id")))
                {
                    reply.Add("card", new SandboxReply()
                        .Set("pg_status", "approved")
                        .Set("pg_card_token", card.Token)
                        .Set("pg_is_filled", "1")
                        .Set("pg_card_hash", card.Card.Number.Substring(0, 6) + "-XXXXXX-" + card.Card.Number.Substring(card.Card.Number.Length - 4))
                        .Set("created_at", Iso(card.CreatedAt)));
                }
            }

            return reply;
        }

        private SandboxReply GatewayRemoveCard(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                SavedCard card = _book.Vault.Find(merchant.MerchantId, request.Required("pg_user_id"), request.Required("pg_card_token"));
                card.RemovedAt = Now;
            }

            return SandboxReply.Ok("success").Set("deleted_at", Iso(Now));
        }
    }
}
