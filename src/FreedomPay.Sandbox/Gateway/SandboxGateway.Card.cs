using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Purchase operations on card payments (clearing, cancel, refund, recurring) and the card page's steps
    /// (the card, the 3-D Secure code), all through <see cref="Payment"/>'s card lifecycle under the book's lock.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        /// <summary>
        /// The buyer's card on the hosted card page: asks the merchant's Check URL first, then moves the state
        /// machine. True when a 3-D Secure code is asked for.
        /// </summary>
        public async Task<bool> PayByCardAsync(SandboxMerchant merchant, long id, string cardNumber)
        {
            TestCard card = TestCardOf(cardNumber);
            await AskCheckUrlAsync(merchant, id).ConfigureAwait(false);
            return Change(merchant, id, payment => payment.PayByCard(card, Now, _book.NewRecurringProfile));
        }

        /// <summary>The sandbox's test card with this number, or the refusal every card form shows.</summary>
        private TestCard TestCardOf(string cardNumber) => _options.Cards.FirstOrDefault(c => c.Number == cardNumber)
            ?? throw new GatewayError(SandboxErrorCodes.NotATestCard, $"The sandbox accepts test cards only: {string.Join(", ", _options.Cards.Select(c => c.Number))}.");

        /// <summary>The 3-D Secure code typed on the card page.</summary>
        public void ConfirmChallenge(SandboxMerchant merchant, long id, string code) => Change(merchant, id, payment =>
        {
            payment.ConfirmChallenge(code, _rules, Now, _book.NewRecurringProfile);
            return true;
        });

        private SandboxReply Clearing(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            decimal? amount = request.OptionalDecimal("pg_clearing_amount", 0.01m, 99999999m);
            decimal total = 0m;
            decimal cleared = Change(merchant, id, payment =>
            {
                total = payment.Terms.Amount;
                return payment.Clear(amount, Now);
            });
            return SandboxReply.Ok().Set("pg_amount", total).Set("pg_clearing_amount", cleared);
        }

        private SandboxReply Cancel(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            Change(merchant, id, payment =>
            {
                payment.Cancel(Now);
                return true;
            });
            return SandboxReply.Ok().Set("pg_payment_id", id);
        }

        private SandboxReply Refund(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            decimal? amount = request.OptionalDecimal("pg_refund_amount", 0m, 99999999m);
            Change(merchant, id, payment => payment.Refund(amount, _book.ReserveId(), Now));
            return SandboxReply.Ok().Set("pg_payment_id", id);
        }

        /// <summary>make_recurring_payment.php: a new payment, debited at once from the card behind the profile.</summary>
        private SandboxReply Recurring(GatewayRequest request, SandboxMerchant merchant)
        {
            long profile = request.RequiredInt64("pg_recurring_profile");
            decimal amount = request.RequiredDecimal("pg_amount", 0.01m, 99999999m);
            string description = request.OptionalText("pg_description", 1024) ?? throw new GatewayError(SandboxErrorCodes.InvalidField, "Field pg_description is required.");
            Payment origin;
            lock (_book.Gate)
            {
                origin = _book.FindByRecurringProfile(merchant.MerchantId, profile)
                    ?? throw new GatewayError(SandboxErrorCodes.RecurringProfileNotFound, $"Recurring profile {profile} does not exist for merchant {merchant.MerchantId}.");
            }

            var terms = origin.Terms with
            {
                Amount = amount,
                Description = description,
                OrderId = request.OptionalText("pg_order_id", 50),
                ResultUrl = request.OptionalText("pg_result_url", 255),
                CheckUrl = null,
                IdempotencyKey = null,
                Extra = null,
                Card = new CardTerms(AutoClearing: true, RecurringStart: false),
            };
            Payment payment = _book.Create(merchant.MerchantId, terms, Now);
            Change(merchant, payment.Id, charged =>
            {
                charged.ChargeRecurring(origin.Card!.MaskedPan!, profile, Now);
                return true;
            });
            return SandboxReply.Ok()
                .Set("pg_payment_id", payment.Id)
                .Set("pg_amount", amount)
                .Set("pg_currency", terms.Currency)
                .Set("pg_recurring_profile", profile)
                .Set("pg_recurring_profile_expiry_date", Local(origin.CreatedAt.AddYears(1)));
        }

        /// <summary>What get_status3.php adds for a card payment: clearing, refunds (negative amounts, as documented) and the card.</summary>
        private static void AddCardStatus(SandboxReply reply, CardCharge card)
        {
            reply.Set("pg_payment_method", "bankcard")
                .Set("pg_captured", card.Cleared > 0m ? "1" : "0")
                .Set("pg_clearing_amount", card.Cleared)
                .Set("pg_card_pan", card.MaskedPan);
            if (card.Refunds.Count == 0)
            {
                return;
            }

            reply.Set("pg_refund_amount", -card.Refunded);
            var refunds = new SandboxReply();
            foreach (CardRefund refund in card.Refunds)
            {
                refunds.Add("pg_refund_payment", new SandboxReply()
                    .Set("pg_payment_id", refund.Id)
                    .Set("pg_payment_status", "success")
                    .Set("pg_amount", -refund.Amount)
                    .Set("pg_payment_date", Local(refund.At)));
            }

            reply.Add("pg_refund_payments", refunds);
        }

        private async Task AskCheckUrlAsync(SandboxMerchant merchant, long id)
        {
            // Before any money moves, the merchant's Check URL (if any) must agree; the call happens outside the lock.
            Payment candidate;
            lock (_book.Gate)
            {
                candidate = _book.Find(merchant.MerchantId, id);
            }

            if (candidate.Terms.CheckUrl is not null && candidate.Status == SandboxPaymentStatus.New)
            {
                string? refusal = await _checker.AskAsync(candidate, merchant).ConfigureAwait(false);
                if (refusal is not null)
                {
                    Change(merchant, id, payment =>
                    {
                        payment.RefuseByMerchant(refusal, Now);
                        return true;
                    });
                    throw new GatewayError(SandboxErrorCodes.RefusedByMerchant, "The merchant refused the payment: " + refusal);
                }
            }
        }
    }
}
