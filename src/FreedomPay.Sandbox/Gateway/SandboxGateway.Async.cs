using System;
using System.Globalization;
using System.Security.Cryptography;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Gateway Async API (v5/g2g/create, read, edit): the same card lifecycle as the Gateway's card payments,
    /// answered in the v5 shape. A payment's id is a UUID (its sandbox number in the last group), its status one of
    /// process, approved, success, reversed, waiting_3ds, error; a declined card is a payment with status error, not a
    /// refusal. A refusal is HTTP 422 with <c>{"error": {"code", "description"}}</c> (the area's error shape). The same
    /// order_id gets the first payment again, as the docs promise. A card payment with from.recurrent.lifetime starts a
    /// recurrent profile, which a payment of type recurrent charges (from.recurrent.profile_id). 3-D Secure cards pass
    /// frictionless here (flow_type F): the Async API's own 3-D Secure page is not emulated.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        /// <summary>create (X-Action gateway.payment.create): a card, a wallet token, a saved card or a recurrent profile pays at once.</summary>
        private SandboxReply AsyncCreate(GatewayRequest request, SandboxMerchant merchant)
        {
            string type = request.OneOf("from[type]", "card", "tokenized", "recurrent", "saved")
                ?? throw new GatewayError(SandboxErrorCodes.InvalidField, "Field from.type is required.");
            if (type == "recurrent")
            {
                return AsyncRecurrent(request, merchant);
            }

            SavedCard? saved = type == "saved" ? SavedCardOf(request, merchant) : null;
            TestCard? card = type switch
            {
                "card" => TestCardOf(request.Required("from[card][pan]")),
                "tokenized" => WalletCard(request),
                _ => null,
            };

            bool startsProfile = request.Optional("from[recurrent][lifetime]") is not null;
            Payment payment = _book.Create(merchant.MerchantId, AsyncTerms(request, saved, startsProfile), Now);
            lock (_book.Gate)
            {
                if (payment.Status != SandboxPaymentStatus.New)
                {
                    return AsyncPaymentReply(payment, full: false); // the same order_id: the first payment, as it stands
                }
            }

            try
            {
                Change(merchant, payment.Id, p =>
                {
                    if (card is null)
                    {
                        p.ChargeSavedCard(Now, _book.NewRecurringProfile, "a saved-card payment");
                    }
                    else if (p.PayByCard(card, Now, _book.NewRecurringProfile))
                    {
                        p.CompleteIssuerSession(p.OpenIssuerSession(), passed: true, Now, _book.NewRecurringProfile); // frictionless
                    }

                    return true;
                });
            }
            catch (GatewayError)
            {
                lock (_book.Gate)
                {
                    if (payment.Status != SandboxPaymentStatus.Failed)
                    {
                        throw;
                    }
                }

                // Declined: the payment exists and failed; the reply says so (status error), it is no refusal.
            }

            lock (_book.Gate)
            {
                return AsyncPaymentReply(payment, full: false);
            }
        }

        /// <summary>create of type recurrent: a new payment, debited at once from the card behind the profile.</summary>
        private SandboxReply AsyncRecurrent(GatewayRequest request, SandboxMerchant merchant)
        {
            string text = request.Required("from[recurrent][profile_id]");
            Payment? origin = null;
            lock (_book.Gate)
            {
                if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
                {
                    origin = _book.FindByRecurringProfile(merchant.MerchantId, number);
                }
            }

            if (origin?.Card?.RecurringProfile is not { } profile || origin.Card.MaskedPan is not { } pan)
            {
                throw new GatewayError(SandboxErrorCodes.RecurringProfileNotFound, $"Recurrent profile {(text.Length > 40 ? text.Substring(0, 40) + "..." : text)} does not exist for merchant {merchant.MerchantId}.");
            }

            var terms = AsyncTerms(request, saved: null, startsProfile: false) with { Card = new CardTerms(AutoClearing: true, RecurringStart: false) };
            Payment payment = _book.Create(merchant.MerchantId, terms, Now);
            lock (_book.Gate)
            {
                if (payment.Status != SandboxPaymentStatus.New)
                {
                    return AsyncPaymentReply(payment, full: false); // the same order_id: the first payment
                }
            }

            Change(merchant, payment.Id, p =>
            {
                p.ChargeRecurring(pan, profile, Now);
                return true;
            });
            lock (_book.Gate)
            {
                return AsyncPaymentReply(payment, full: false);
            }
        }

        /// <summary>read (X-Action gateway.payment.status): the payment by its id or order id.</summary>
        private SandboxReply AsyncReadPayment(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                return AsyncPaymentReply(AsyncPayment(request, merchant), full: true);
            }
        }

        /// <summary>read (X-Action gateway.request.status): what a remembered request made, by its X-Request-Id.</summary>
        private SandboxReply AsyncReadRequest(GatewayRequest request, SandboxMerchant merchant)
        {
            string id = request.Required("id");
            if (!_replies.TryGet(merchant.MerchantId, id, out RememberedReply remembered))
            {
                throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Request {id} is not known: no request of this merchant was sent with that X-Request-Id.");
            }

            return AsyncRequestResult.Of(id, remembered);
        }

        /// <summary>edit (X-Action gateway.payment.refund): a refund of a debited payment.</summary>
        private SandboxReply AsyncRefund(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = AsyncPaymentId(request.Required("id"));
            decimal amount = request.RequiredDecimal("amount", 0.01m, 99999999m);
            CardRefund refund = Change(merchant, id, p => p.Refund(amount, _book.ReserveId(), Now));
            lock (_book.Gate)
            {
                Payment payment = _book.Find(merchant.MerchantId, id);
                return new SandboxReply()
                    .Set("id", AsyncId(id))
                    .Set("amount", payment.Terms.Amount)
                    .Add("refund_payment", new SandboxReply().Set("id", AsyncId(refund.Id)).Set("status", "success").Set("amount", -refund.Amount));
            }
        }

        /// <summary>edit (X-Action gateway.payment.reverse): a held payment released before clearing.</summary>
        private SandboxReply AsyncReverse(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = AsyncPaymentId(request.Required("id"));
            Change(merchant, id, p =>
            {
                p.Cancel(Now);
                return true;
            });
            lock (_book.Gate)
            {
                return new SandboxReply()
                    .Set("id", AsyncId(id))
                    .Set("amount", _book.Find(merchant.MerchantId, id).Terms.Amount)
                    .Add("reverse_payment", new SandboxReply().Set("id", AsyncId(_book.ReserveId())).Set("status", "success"));
            }
        }

        /// <summary>edit (X-Action gateway.payment.clearing): a held payment debited, all of it or less.</summary>
        private SandboxReply AsyncClearing(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = AsyncPaymentId(request.Required("id"));
            decimal amount = request.RequiredDecimal("amount", 0.01m, 99999999m);
            decimal cleared = Change(merchant, id, p => p.Clear(amount, Now));
            lock (_book.Gate)
            {
                Payment payment = _book.Find(merchant.MerchantId, id);
                return new SandboxReply()
                    .Set("id", AsyncId(id))
                    .Set("status", AsyncStatus(payment))
                    .Set("amount", payment.Terms.Amount)
                    .Set("created_at", AsyncTime(payment.CreatedAt))
                    .Add("clearing", new SandboxReply().Set("amount", cleared));
            }
        }

        /// <summary>A payment in the v5 shape: create's short reply, or read's full one. Callers hold the book's gate.</summary>
        private static SandboxReply AsyncPaymentReply(Payment payment, bool full)
        {
            var reply = new SandboxReply()
                .Set("id", AsyncId(payment.Id))
                .Set("status", AsyncStatus(payment))
                .Set("amount", payment.Terms.Amount)
                .Set("created_at", AsyncTime(payment.CreatedAt));
            if (full)
            {
                reply.Set("order_id", payment.Terms.OrderId);
                if (payment.Card is { } card)
                {
                    reply.Add("3ds", new SandboxReply().Set("flow_type", "F").Set("acs_url", string.Empty));
                    var from = new SandboxReply();
                    from.Add("card", new SandboxReply().Set("token", payment.Terms.Card?.Saved?.Token).Set("brand", card.MaskedPan is { } pan && pan.StartsWith('5') ? "MC" : "VI"));
                    if (card.RecurringProfile is { } profile)
                    {
                        // The profile the payment started or was charged from (the sandbox's own profiles last a year).
                        from.Add("recurrent", new SandboxReply().Set("profile_id", profile).Set("profile_expiry_date", AsyncTime(payment.CreatedAt.AddYears(1))));
                    }

                    reply.Add("from", from);
                    reply.Add("clearing", new SandboxReply().Set("cleared", card.Cleared > 0 ? "1" : "0").Set("amount", card.Cleared));
                    if (payment.IsPaid || card.Cleared > 0)
                    {
                        reply.Add("additional", new SandboxReply()
                            .Set("approval_code", RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture))
                            .Set("reference", (100_000_000_000L + payment.Id).ToString(CultureInfo.InvariantCulture))
                            .Set("intreference", payment.Id.ToString("X16", CultureInfo.InvariantCulture)));
                    }

                    foreach (CardRefund refund in card.Refunds)
                    {
                        reply.Add("refund_payments", new SandboxReply().Set("id", AsyncId(refund.Id)).Set("amount", -refund.Amount).Set("status", "success"));
                    }
                }
            }

            if (payment.Status == SandboxPaymentStatus.Failed)
            {
                reply.Add("error", new SandboxReply()
                    .Set("code", (payment.FailureCode ?? SandboxErrorCodes.Declined).ToString(CultureInfo.InvariantCulture))
                    .Set("description", payment.FailureDescription ?? "declined"));
            }

            return reply;
        }

        /// <summary>The v5 status of a sandbox payment.</summary>
        private static string AsyncStatus(Payment payment) => payment.Status switch
        {
            SandboxPaymentStatus.Authorized => "approved",
            SandboxPaymentStatus.Success => "success",
            SandboxPaymentStatus.Revoked when payment.Card is { Refunded: 0 } => "reversed",
            SandboxPaymentStatus.Revoked => "success", // refunded in full: the payment was debited; refund_payments say the rest
            SandboxPaymentStatus.Failed or SandboxPaymentStatus.Incomplete => "error",
            SandboxPaymentStatus.Pending => "waiting_3ds",
            _ => "process",
        };

        private Payment AsyncPayment(GatewayRequest request, SandboxMerchant merchant)
        {
            if (request.Optional("id") is { Length: > 0 } id)
            {
                return _book.Find(merchant.MerchantId, AsyncPaymentId(id));
            }

            string orderId = request.Optional("order_id") ?? throw new GatewayError(SandboxErrorCodes.InvalidField, "Field id or order_id is required.");
            return _book.FindByOrder(merchant.MerchantId, orderId)
                ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"No payment has order_id {orderId}.");
        }

        /// <summary>A wallet's device card: the sandbox's test cryptogram and a test card number.</summary>
        private TestCard WalletCard(GatewayRequest request)
        {
            if (request.Required("from[token][online_payment_cryptogram]") != TestCard.WalletCryptogram)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field from.token.online_payment_cryptogram does not verify: the sandbox accepts its test cryptogram {TestCard.WalletCryptogram} only.");
            }

            return TestCardOf(request.Required("from[card][pan]"));
        }

        private SavedCard SavedCardOf(GatewayRequest request, SandboxMerchant merchant)
        {
            string token = request.Optional("from[card][token]") ?? request.Optional("from[card][uuid]")
                ?? throw new GatewayError(SandboxErrorCodes.InvalidField, "Field from.card.token is required for a saved card.");
            lock (_book.Gate)
            {
                return _book.Vault.FindByToken(merchant.MerchantId, token);
            }
        }

        /// <summary>create's terms: order_id is the idempotency key (the docs: the same order_id returns the original response).</summary>
        private static PaymentTerms AsyncTerms(GatewayRequest request, SavedCard? saved, bool startsProfile)
        {
            string orderId = request.Required("order_id");
            return new PaymentTerms(
                Amount: request.RequiredDecimal("amount", 0.01m, 99999999m),
                Currency: request.OneOf("currency", "KZT", "USD", "EUR", "RUB", "UZS", "KGS") ?? "KZT",
                Description: request.Required("description"),
                OrderId: orderId,
                TestingMode: false,
                Lifetime: null,
                ResultUrl: null,
                ResultMethod: "POST",
                CheckUrl: null,
                UserPhone: null,
                IdempotencyKey: "v5-order:" + orderId,
                Return: new BuyerReturn(null, "GET", null, "GET"),
                Language: "ru",
                Card: new CardTerms(AutoClearing: request.OptionalFlag("auto_clearing"), RecurringStart: startsProfile, Saved: saved));
        }

        /// <summary>A sandbox number as a v5 id: a UUID whose last group is the number in hex.</summary>
        internal static string AsyncId(long id) => "00000000-0000-7000-8000-" + id.ToString("x12", CultureInfo.InvariantCulture);

        /// <summary>The sandbox number in a v5 id; a refusal (422) for anything else.</summary>
        private static long AsyncPaymentId(string id) =>
            id.Length == 36 && id.StartsWith("00000000-0000-7000-8000-", StringComparison.Ordinal)
            && long.TryParse(id.AsSpan(24), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out long number)
                ? number
                : throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Incorrect payment id: {(id.Length > 40 ? id.Substring(0, 40) + "..." : id)} is no payment of the sandbox.");

        /// <summary>The v5 time: UTC with fractions, as the docs print it (2025-06-20T07:13:31.068188524Z, here to 100 ns).</summary>
        private static string AsyncTime(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
    }
}
