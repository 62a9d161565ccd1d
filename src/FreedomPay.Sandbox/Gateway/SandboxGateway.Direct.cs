using System;
using System.Globalization;
using System.Security.Cryptography;
using FreedomPay.Sandbox.Pages;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Gateway API's card payments (g2g/...): the merchant's server sends the card, the test card decides, and
    /// a challenging card opens a 3-D Secure session on the sandbox's issuer page (<see cref="IssuerPage"/>), which
    /// the completion (g2g/paymentAcs) closes. Cancel, clearing and refund move the same card lifecycle as
    /// Purchase's; tokens pay with the cards the Gateway's card storage saved.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private readonly IssuerResult _issuer = new IssuerResult();

        /// <summary>Reads and checks what the issuer page posts back (the sandbox's stand-in for the issuer's signed result).</summary>
        public IssuerResult Issuer => _issuer;

        /// <summary>g2g/payment with a card number.</summary>
        private SandboxReply GatewayPay(GatewayRequest request, SandboxMerchant merchant) =>
            GatewayCharge(request, merchant, TestCardOf(request.Required("pg_card_pan")));

        /// <summary>
        /// g2g/payment with Apple Pay or Google Pay: the device card number must be a test card and the cryptogram
        /// the sandbox's test cryptogram (<see cref="TestCard.WalletCryptogram"/>); the card then decides as for a card payment.
        /// </summary>
        private SandboxReply GatewayWalletPay(GatewayRequest request, SandboxMerchant merchant)
        {
            if (request.Required("pg_online_payment_cryptogram") != TestCard.WalletCryptogram)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field pg_online_payment_cryptogram does not verify: the sandbox accepts its test cryptogram {TestCard.WalletCryptogram} only.");
            }

            return GatewayCharge(request, merchant, TestCardOf(request.Required("pg_card_pan")));
        }

        /// <summary>g2g/payment with a saved card's token (saved by g2g/cardstorage/add for this user).</summary>
        private SandboxReply GatewayPayByToken(GatewayRequest request, SandboxMerchant merchant)
        {
            SavedCard saved;
            lock (_book.Gate)
            {
                saved = _book.Vault.Find(merchant.MerchantId, request.Required("pg_user_id"), request.Required("pg_card_token"));
            }

            Payment payment = _book.Create(merchant.MerchantId, GatewayTerms(request, saved), Now);
            Change(merchant, payment.Id, p =>
            {
                p.ChargeSavedCard(Now, _book.NewRecurringProfile, "a token payment");
                return true;
            });
            return SandboxReply.Ok().Set("pg_payment_id", payment.Id).Set("pg_order_id", payment.Terms.OrderId).Set("pg_datetime", Iso(Now));
        }

        /// <summary>The payment is created and the card tried at once: approved, declined, or a 3-D Secure session opened.</summary>
        private SandboxReply GatewayCharge(GatewayRequest request, SandboxMerchant merchant, TestCard card)
        {
            Payment payment = _book.Create(merchant.MerchantId, GatewayTerms(request, saved: null), Now);
            bool challenged = Change(merchant, payment.Id, p => p.PayByCard(card, Now, _book.NewRecurringProfile));
            if (!challenged)
            {
                long? profile = Change(merchant, payment.Id, p => p.Card?.RecurringProfile);
                return Authorized(payment.Id).Set("pg_3ds", "0").Set("pg_recurring_profile", profile?.ToString(CultureInfo.InvariantCulture));
            }

            string key = Change(merchant, payment.Id, p => p.OpenIssuerSession());
            return SandboxReply.Ok()
                .Set("pg_payment_id", payment.Id)
                .Set("pg_3ds", "1")
                .Set("pg_3d_acsurl", new Uri(_baseAddress(), IssuerPage.Path).AbsoluteUri)
                .Set("pg_3d_md", IssuerPage.Md(merchant.MerchantId, payment.Id, key))
                .Set("pg_3d_pareq", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)))
                .Set("pg_datetime", Iso(Now));
        }

        /// <summary>g2g/paymentAcs: the result the issuer's page posted back (MD, PaRes) completes the payment, or fails it.</summary>
        private SandboxReply GatewayCompleteThreeDs(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            string md = request.Required("pg_md");
            if (IssuerPage.ParseMd(md) is not { } session || session.MerchantId != merchant.MerchantId || session.PaymentId != id)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field pg_md is not the MD of payment {id}'s 3-D Secure session.");
            }

            bool passed = _issuer.Open(md, request.Required("pg_pares"))
                ?? throw new GatewayError(SandboxErrorCodes.InvalidField, "Field pg_pares is not the result the issuer's page posted back for this MD.");
            Change(merchant, id, p =>
            {
                p.CompleteIssuerSession(session.Key, passed, Now, _book.NewRecurringProfile);
                return true;
            });
            return Authorized(id);
        }

        /// <summary>g2g/recurrent: a new one-step payment from the card behind the profile (make_recurring_payment.php's emulation).</summary>
        private SandboxReply GatewayRecurrent(GatewayRequest request, SandboxMerchant merchant)
        {
            SandboxReply charged = Recurring(request, merchant);
            return SandboxReply.Ok()
                .Set("pg_payment_id", charged["pg_payment_id"])
                .Set("pg_recurring_profile", charged["pg_recurring_profile"])
                .Set("pg_datetime", Iso(Now));
        }

        private SandboxReply GatewayCancel(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            Change(merchant, id, p =>
            {
                p.Cancel(Now);
                return true;
            });
            return SandboxReply.Ok().Set("pg_payment_id", id).Set("pg_payment_revoke_id", _book.ReserveId()).Set("pg_revoke_status", "success");
        }

        private SandboxReply GatewayClearing(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            decimal? amount = request.OptionalDecimal("pg_clearing_amount", 0.01m, 99999999m);
            decimal total = 0m;
            decimal cleared = Change(merchant, id, p =>
            {
                total = p.Terms.Amount;
                return p.Clear(amount, Now);
            });
            return SandboxReply.Ok().Set("pg_payment_id", id).Set("pg_amount", total).Set("pg_clearing_amount", cleared).Set("pg_clearing_status", "1");
        }

        private SandboxReply GatewayRefund(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            decimal amount = request.RequiredDecimal("pg_amount", 0.01m, 99999999m);
            CardRefund refund = Change(merchant, id, p => p.Refund(amount, _book.ReserveId(), Now));
            return SandboxReply.Ok().Set("pg_payment_id", id).Set("pg_payment_refund_id", refund.Id).Set("pg_refund_status", "success");
        }

        /// <summary>An authorized (or debited) card payment's reply: the bank's authorization code and reference.</summary>
        private SandboxReply Authorized(long id) => SandboxReply.Ok()
            .Set("pg_payment_id", id)
            .Set("pg_auth_code", RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
            .Set("pg_reference", RandomNumberGenerator.GetInt32(0, int.MaxValue).ToString("D12", CultureInfo.InvariantCulture))
            .Set("pg_datetime", Iso(Now));

        /// <summary>The terms of a g2g/payment: one step unless pg_auto_clearing=0, no pages and no result URL (the merchant's server is there).</summary>
        private static PaymentTerms GatewayTerms(GatewayRequest request, SavedCard? saved) => new PaymentTerms(
            Amount: request.RequiredDecimal("pg_amount", 0.01m, 99999999m),
            Currency: request.OneOf("pg_currency", "KZT", "USD", "EUR", "RUB", "UZS", "KGS") ?? "KZT",
            Description: request.Required("pg_description"),
            OrderId: request.OptionalText("pg_order_id", 50),
            TestingMode: request.OptionalFlag("pg_testing_mode"),
            Lifetime: null,
            ResultUrl: null,
            ResultMethod: "POST",
            CheckUrl: null,
            UserPhone: request.Optional("pg_user_phone"),
            IdempotencyKey: null,
            Return: new BuyerReturn(null, "GET", null, "GET"),
            Language: "ru",
            Card: new CardTerms(
                AutoClearing: request.Optional("pg_auto_clearing") is null || request.OptionalFlag("pg_auto_clearing"),
                RecurringStart: request.OptionalFlag("pg_recurring_start"),
                Saved: saved));

        /// <summary>The Gateway API's date-times: 2024-09-02T12:19:01+00:00.</summary>
        private static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }
}
