using System;
using System.Collections.Generic;
using System.Linq;
using FreedomPay.Sandbox.Pages;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Gateway API's card-to-card transfers (g2g/p2p/...): each side a test card by number or a saved card's
    /// token; a sender's card that asks for 3-D Secure waits on the sandbox's 3-D Secure page until the merchant
    /// completes it; rates from a fixed table.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        /// <summary>The sandbox's rates: units of the second currency per unit of the first (the same currency is 1).</summary>
        private static readonly Dictionary<(string From, string To), decimal> Rates = new()
        {
            [("KZT", "USD")] = 0.0019m, [("USD", "KZT")] = 520m,
            [("KZT", "EUR")] = 0.0018m, [("EUR", "KZT")] = 560m,
            [("KZT", "RUB")] = 0.17m, [("RUB", "KZT")] = 5.8m,
        };

        private SandboxReply GatewayTransfer(GatewayRequest request, SandboxMerchant merchant)
        {
            string from = request.Required("pg_currency_from");
            string to = request.Required("pg_currency_to");
            decimal rate = from == to ? 1m : Rates.TryGetValue((from, to), out decimal known) ? known
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"The sandbox has no rate from {from} to {to}: ask g2g/p2p/rates for the pairs it has.");
            decimal amount = request.RequiredDecimal("pg_amount", 0.01m, 99999999m);
            decimal payout = request.OptionalDecimal("pg_amount_to", 0.01m, 99999999m) ?? Math.Round(amount * rate, 2);
            string user = request.Optional("pg_user_id") ?? string.Empty;
            Transfer transfer;
            lock (_book.Gate)
            {
                (TestCard sender, string senderMask, string? senderToken) = TransferSide(request, merchant, user, "pg_card_token", "pg_card_pan", "pg_save_sender_card");
                (TestCard _, string recipientMask, string? recipientToken) = TransferSide(request, merchant, user, "pg_card_recipient_token", "pg_card_recipient", "pg_save_recipient_card");
                if (sender.Behavior == TestCardBehavior.Declines)
                {
                    throw new GatewayError(SandboxErrorCodes.Declined, "The sender's issuer declined the card: insufficient funds.");
                }

                transfer = _book.AddTransfer(new Transfer(_book.ReserveId(), merchant.MerchantId, request.OptionalText("pg_order_id", 50), amount, from, to, payout, Now)
                {
                    SenderMask = senderMask, RecipientMask = recipientMask, SenderToken = senderToken, RecipientToken = recipientToken,
                });
                if (sender.Behavior == TestCardBehavior.Challenges)
                {
                    string key = transfer.AwaitCode();
                    return TransferReply(transfer, "pending")
                        .Set("pg_3ds", "1")
                        .Set("pg_3d_acsurl", new Uri(_baseAddress(), IssuerPage.TransferPath + "/" + key).AbsoluteUri);
                }

                transfer.Succeed(Now);
                return TransferReply(transfer, "ok").Set("pg_3ds", "0");
            }
        }

        /// <summary>One side of a transfer: a saved card's token (any of the merchant's users) or a test card's number, saved when asked.</summary>
        private (TestCard Card, string Mask, string? Token) TransferSide(GatewayRequest request, SandboxMerchant merchant, string user, string tokenField, string panField, string saveField)
        {
            if (request.Optional(tokenField) is { } token)
            {
                SavedCard saved = _book.Vault.FindByToken(merchant.MerchantId, token);
                return (saved.Card, saved.MaskedPan, saved.Token);
            }

            TestCard card = TestCardOf(request.Required(panField));
            string? newToken = request.OptionalFlag(saveField) ? _book.Vault.SaveDirect(merchant.MerchantId, user, card, Now).Token : null;
            return (card, SavedCard.Mask(card.Number), newToken);
        }

        private SandboxReply GatewayCompleteTransfer(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                Transfer transfer = _book.FindTransfer(merchant.MerchantId, request.RequiredInt64("pg_payment_id"), orderId: null);
                transfer.Complete(Now);
                return TransferReply(transfer, "ok").Set("pg_3ds", "0");
            }
        }

        private SandboxReply GatewayTransferStatus(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                Transfer transfer = _book.FindTransfer(merchant.MerchantId, request.OptionalInt64("pg_payment_id", 1, long.MaxValue), request.Optional("pg_order_id"));
                return TransferReply(transfer, "ok");
            }
        }

        private static SandboxReply GatewayRates(GatewayRequest request, SandboxMerchant merchant)
        {
            string? from = request.Optional("pg_currency_from");
            string? to = request.Optional("pg_currency_to");
            SandboxReply reply = SandboxReply.Ok();
            foreach (KeyValuePair<(string From, string To), decimal> rate in Rates.Where(r => (from is null || r.Key.From == from) && (to is null || r.Key.To == to)))
            {
                reply.Add("rate", new SandboxReply().Set("pg_currency_from", rate.Key.From).Set("pg_currency_to", rate.Key.To).Set("pg_rate", rate.Value));
            }

            return reply;
        }

        /// <summary>What every transfer reply carries (api-9885527).</summary>
        private SandboxReply TransferReply(Transfer transfer, string status) => SandboxReply.Ok(status)
            .Set("pg_payment_id", transfer.Id)
            .Set("pg_payment_status", transfer.Status)
            .Set("pg_order_id", transfer.OrderId)
            .Set("pg_payment_amount", transfer.Amount)
            .Set("pg_payout_amount", transfer.PayoutAmount)
            .Set("pg_currency_from", transfer.CurrencyFrom)
            .Set("pg_currency_to", transfer.CurrencyTo)
            .Set("pg_card_token", transfer.SenderToken)
            .Set("pg_card_recipient_token", transfer.RecipientToken)
            .Set("pg_card_mask", transfer.SenderMask)
            .Set("pg_card_recipient_mask", transfer.RecipientMask)
            .Set("pg_payment_date", transfer.PaidAt is { } paidAt ? Local(paidAt) : string.Empty)
            .Set("pg_datetime", Iso(Now));

        /// <summary>The code typed on a transfer's 3-D Secure page; false when no transfer waits there.</summary>
        public bool TypeTransferCode(string pageKey, string code)
        {
            lock (_book.Gate)
            {
                if (_book.FindTransferByPage(pageKey) is not { } transfer || transfer.CodePassed is not null)
                {
                    return false;
                }

                transfer.TypeCode(string.Equals(code, TestCard.ChallengeCode, StringComparison.Ordinal));
                return true;
            }
        }

        /// <summary>What a transfer's 3-D Secure page shows, or null when no transfer waits for its code there.</summary>
        public (decimal Amount, string Currency, string Mask)? TransferAwaitingCode(string pageKey)
        {
            lock (_book.Gate)
            {
                return _book.FindTransferByPage(pageKey) is { CodePassed: null } transfer ? (transfer.Amount, transfer.CurrencyFrom, transfer.SenderMask) : null;
            }
        }
    }
}
