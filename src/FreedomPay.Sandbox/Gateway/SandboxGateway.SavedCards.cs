using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Cards area (cardstorage add/list/remove, card init/direct/pay) and the payout side's card saving
    /// (cardstoragepayout/add): cards are saved per merchant and user on the save-card page, charged by card/init
    /// with card/direct or the CVC page, and paid to by reg2reg.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        /// <summary>cardstorage/add (and the payout side's add): a card-saving session and the page where the buyer enters the card.</summary>
        private SandboxReply AddCard(GatewayRequest request, SandboxMerchant merchant)
        {
            string user = request.Required("pg_user_id");
            string backLink = RequireWebUrl("pg_back_link", request.Required("pg_back_link"))!;
            string? postLink = RequireWebUrl("pg_post_link", request.Optional("pg_post_link"));
            string? orderId = request.Optional("pg_order_id");
            CardBinding binding;
            lock (_book.Gate)
            {
                binding = _book.Vault.StartBinding(_book.ReserveId(), merchant.MerchantId, user, orderId, backLink, postLink, Now);
            }

            return SandboxReply.Ok()
                .Set("pg_payment_id", binding.Id)
                .Set("pg_merchant_id", merchant.MerchantId)
                .Set("pg_order_id", orderId ?? string.Empty)
                .Set("pg_redirect_url", new Uri(_baseAddress(), binding.PagePath).AbsoluteUri)
                .Set("pg_type", "init");
        }

        /// <summary>
        /// The card typed on the save-card page: a test card is saved (one that declines, declines its charges and
        /// payouts later), and the result is posted to the session's post link, signed with the merchant's key.
        /// </summary>
        public CardBinding SaveCard(string pageKey, string cardNumber, string expiry)
        {
            TestCard card = TestCardOf(cardNumber);
            CardBinding binding;
            lock (_book.Gate)
            {
                binding = _book.Vault.FindBinding(pageKey) ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, "No card-saving session at this address.");
                if (binding.IsFinished)
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, "This card-saving session is finished. Nothing was changed.");
                }

                // Any test card is saved: the check proves the card exists; whether it pays is decided per charge.
                _book.Vault.Save(binding, card, Now).Expiry = expiry;
            }

            SandboxMerchant merchant = _options.Merchants.First(m => m.MerchantId == binding.MerchantId);
            _notifier.NotifyPlain(binding.Id, binding.PostLink, CardSavedFields(binding, card), merchant.SecretKey);
            return binding;
        }

        /// <summary>What merchants' public handlers of the card-saving post read (the Cards spec's CardSaved).</summary>
        private static List<KeyValuePair<string, string>> CardSavedFields(CardBinding binding, TestCard card)
        {
            SavedCard saved = binding.Saved!;
            var fields = new List<KeyValuePair<string, string>>
            {
                new("pg_payment_id", binding.Id.ToString(CultureInfo.InvariantCulture)),
                new("pg_order_id", binding.OrderId ?? string.Empty),
                new("pg_user_id", binding.UserId),
                new("pg_status", "success"),
                new("pg_type", "approve"),
                new("pg_card_hash", saved.MaskedPan),
                new("pg_card_3ds", card.Behavior == TestCardBehavior.Challenges ? "1" : "0"),
                new("pg_bank", SandboxBank),
                new("pg_country", "KZ"),
                new("pg_card_id", saved.CardId.ToString(CultureInfo.InvariantCulture)),
                new("pg_card_token", saved.Token),
                new("pg_card_month", saved.Expiry.Substring(0, 2)),
                new("pg_card_year", saved.Expiry.Substring(3, 2)),
            };
            return fields;
        }

        /// <summary>The issuing bank the sandbox names for every test card.</summary>
        private const string SandboxBank = "Sandbox Bank";

        private SandboxReply ListCards(GatewayRequest request, SandboxMerchant merchant)
        {
            string user = request.Required("pg_user_id");
            bool extended = request.OptionalFlag("pg_extend_data");
            SandboxReply reply = SandboxReply.Ok();
            lock (_book.Gate)
            {
                foreach (SavedCard card in _book.Vault.List(merchant.MerchantId, user))
                {
                    SandboxReply element = new SandboxReply()
                        .Set("pg_status", "success")
                        .Set("pg_merchant_id", merchant.MerchantId)
                        .Set("pg_card_id", card.CardId)
                        .Set("pg_card_token", card.Token)
                        .Set("pg_card_hash", card.MaskedPan)
                        .Set("pg_card_hhash", Md5Hex(card.MaskedPan))
                        .Set("created_at", Local(card.CreatedAt));
                    if (extended)
                    {
                        element.Set("bank_alias", SandboxBank)
                            .Set("brand_alias", card.Card.Number.StartsWith("4", StringComparison.Ordinal) ? "VISA" : "MASTERCARD")
                            .Set("expiry_month", card.Expiry.Substring(0, 2))
                            .Set("expiry_year", card.Expiry.Substring(3, 2));
                    }

                    reply.Add("card", element);
                }
            }

            return reply;
        }

        private SandboxReply RemoveCard(GatewayRequest request, SandboxMerchant merchant)
        {
            string user = request.Required("pg_user_id");
            string token = request.Required("pg_card_token");
            SavedCard card;
            lock (_book.Gate)
            {
                card = _book.Vault.Find(merchant.MerchantId, user, token);
                card.RemovedAt = Now;
            }

            return SandboxReply.Ok().Add("card", new SandboxReply()
                .Set("pg_status", "deleted")
                .Set("pg_card_token", card.Token)
                .Set("deleted_at", card.RemovedAt.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)));
        }

        /// <summary>card/init: a one-step card payment on a saved card, waiting for card/direct or the CVC page.</summary>
        private SandboxReply InitWithSavedCard(GatewayRequest request, SandboxMerchant merchant)
        {
            string user = request.Required("pg_user_id");
            string token = request.Required("pg_card_token");
            SavedCard card;
            lock (_book.Gate)
            {
                card = _book.Vault.Find(merchant.MerchantId, user, token);
            }

            var terms = new PaymentTerms(
                Amount: request.RequiredDecimal("pg_amount", 0.01m, 99999999m),
                Currency: "KZT",
                Description: request.Required("pg_description"),
                OrderId: request.Required("pg_order_id"),
                TestingMode: true,
                Lifetime: TimeSpan.FromSeconds(DefaultLifetimeSeconds),
                ResultUrl: RequireWebUrl("pg_result_url", request.Optional("pg_result_url")),
                ResultMethod: "POST",
                CheckUrl: null,
                UserPhone: request.Optional("pg_user_phone"),
                IdempotencyKey: request.Optional("pg_idempotency_key"),
                Return: new BuyerReturn(RequireWebUrl("pg_success_url", request.Optional("pg_success_url")), "GET", RequireWebUrl("pg_failure_url", request.Optional("pg_failure_url")), "GET"),
                Language: "ru",
                Extra: null,
                Card: new CardTerms(AutoClearing: true, RecurringStart: false, Saved: card));
            Payment payment = _book.Create(merchant.MerchantId, terms, Now);
            return SandboxReply.Ok()
                .Set("pg_payment_id", payment.Id)
                .Set("pg_order_id", terms.OrderId)
                .Set("pg_merchant_id", merchant.MerchantId);
        }

        /// <summary>card/direct: debits the saved card without the buyer.</summary>
        private SandboxReply Direct(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            ChargeSavedCard(merchant, id, "card/direct");
            return SandboxReply.Ok().Set("pg_payment_id", id);
        }

        /// <summary>Debits a card/init payment (card/direct, or the CVC typed on its page); a finished payment sends its Result notify.</summary>
        public void ChargeSavedCard(SandboxMerchant merchant, long id, string how) => Change(merchant, id, payment =>
        {
            payment.ChargeSavedCard(Now, _book.NewRecurringProfile, how);
            return true;
        });

        /// <summary>card/pay: the buyer's browser, signed by the merchant, goes on to the payment's CVC page.</summary>
        private SandboxReply CvcPage(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            lock (_book.Gate)
            {
                Payment payment = _book.Find(merchant.MerchantId, id);
                if (payment.Terms.Card?.Saved is null || payment.Status != SandboxPaymentStatus.New)
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, $"Payment {id} is not a card/init payment waiting for its CVC.");
                }

                SandboxReply reply = SandboxReply.Ok().Set("pg_payment_id", id);
                reply.RedirectTo = new Uri(_baseAddress(), payment.HostedPagePath).AbsoluteUri;
                return reply;
            }
        }

        private static string Md5Hex(string text)
        {
            using var md5 = new Runtime.Md5Text();
            return md5.Append(text).ToHex();
        }
    }
}
