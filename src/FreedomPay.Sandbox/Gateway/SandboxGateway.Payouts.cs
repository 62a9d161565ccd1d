using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Payouts area: money leaves the merchant's balance (what its payments brought in) to a saved card or an
    /// IBAN; a payout is accepted at once, made <see cref="FreedomPaySandboxOptions.PayoutDelay"/> later, and
    /// reported by Payout notify (plain HTTP 200 expected, retried like Result notify), signed with the payout key.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        /// <summary>The name of the payout key, as the Payouts spec's <c>secret:</c> writes it.</summary>
        public const string PayoutSecret = "payout";

        /// <summary>reg2reg: a payout to a saved card of the user.</summary>
        private SandboxReply ToSavedCard(GatewayRequest request, SandboxMerchant merchant)
        {
            string user = request.Required("pg_user_id");
            string token = request.Required("pg_card_token_to");
            Payout payout;
            lock (_book.Gate)
            {
                SavedCard card = _book.Vault.Find(merchant.MerchantId, user, token);
                payout = AcceptPayout(request, merchant, card.MaskedPan, card.Card);
            }

            return SandboxReply.Ok()
                .Set("pg_payment_id", payout.Id)
                .Set("pg_order_id", payout.OrderId)
                .Set("pg_balance", Balance(merchant))
                .Set("pg_payment_amount", payout.Amount)
                .Set("pg_payment_date", Local(payout.CreatedAt))
                .Set("pg_card_hash", payout.Target!);
        }

        /// <summary>to_iban: a payout to a bank account; the IBAN's check digits must hold (ISO 13616).</summary>
        private SandboxReply ToIban(GatewayRequest request, SandboxMerchant merchant)
        {
            Payout payout = IbanPayout(request, merchant, PayoutSecret);
            return SandboxReply.Ok()
                .Set("pg_payment_id", payout.Id)
                .Set("pg_merchant_id", merchant.MerchantId)
                .Set("pg_order_id", payout.OrderId)
                .Set("pg_payment_amount", payout.Amount)
                .Set("pg_payment_date", payout.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }

        /// <summary>A payout to the IBAN the request names (its check digits must hold), notified signed with <paramref name="notifyKey"/>.</summary>
        private Payout IbanPayout(GatewayRequest request, SandboxMerchant merchant, string? notifyKey)
        {
            string iban = request.Required("pg_recipient_iban");
            if (!IbanCheckDigitsHold(iban))
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, "Field pg_recipient_iban is not a valid IBAN: its check digits do not match the account.");
            }

            lock (_book.Gate)
            {
                return AcceptPayout(request, merchant, iban.Substring(0, 4) + new string('*', iban.Length - 8) + iban.Substring(iban.Length - 4), card: null, notifyKey: notifyKey);
            }
        }

        /// <summary>reg2nonreg: a payout to a card the recipient types on the payout page; the amount is reserved now.</summary>
        private SandboxReply ToUnsavedCard(GatewayRequest request, SandboxMerchant merchant)
        {
            string backLink = RequireWebUrl("pg_back_link", request.Required("pg_back_link"))!;
            Payout payout;
            lock (_book.Gate)
            {
                payout = AcceptPayout(request, merchant, target: null, card: null, backLink);
            }

            return SandboxReply.Ok()
                .Set("pg_payment_id", payout.Id)
                .Set("pg_merchant_id", merchant.MerchantId)
                .Set("pg_redirect_url", new Uri(_baseAddress(), payout.PagePath).AbsoluteUri);
        }

        /// <summary>The card typed on the payout page: the payout is made to it later and notified, as any other.</summary>
        public void PayOutToTypedCard(string pageKey, string cardNumber)
        {
            TestCard card = TestCardOf(cardNumber);
            lock (_book.Gate)
            {
                Payout payout = _book.FindPayoutByPage(pageKey) ?? throw new GatewayError(SandboxErrorCodes.PaymentNotFound, "No payout waits at this address.");
                if (!payout.AwaitsCard)
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, "This payout already has its card. Nothing was changed.");
                }

                payout.PayTo(card, SavedCard.Mask(card.Number));
                MakeLater(payout, _options.Merchants.First(m => m.MerchantId == payout.MerchantId));
            }
        }

        /// <summary>
        /// The common part: the amount reserved from the balance; a payout whose target is known is made later and
        /// notified. Callers hold the book's lock.
        /// </summary>
        /// <param name="request">The payout request (order id, amount, description, time limit, post link).</param>
        /// <param name="merchant">Whose balance pays.</param>
        /// <param name="target">The masked card or account, or null while the recipient has not typed it.</param>
        /// <param name="card">The test card paid to, if a card.</param>
        /// <param name="backLink">Where the payout page sends the recipient back.</param>
        /// <param name="notifyKey">The key Payout notify is signed with: the payout key (Merchant API), or null for the main key (Gateway API).</param>
        private Payout AcceptPayout(GatewayRequest request, SandboxMerchant merchant, string? target, TestCard? card, string? backLink = null, string? notifyKey = PayoutSecret)
        {
            string limit = request.Optional("pg_order_time_limit") ?? string.Empty;
            if (DateTime.TryParseExact(limit, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime until)
                && new DateTimeOffset(until, TimeSpan.FromHours(5)) < Now)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, "Field pg_order_time_limit is in the past.");
            }

            var payout = new Payout(
                _book.ReserveId(),
                merchant.MerchantId,
                request.Required("pg_order_id"),
                request.RequiredDecimal("pg_amount", 0.01m, 99999999m),
                request.Required("pg_description"),
                target,
                card,
                RequireWebUrl("pg_post_link", request.Optional("pg_post_link")),
                Now)
            {
                BackLink = backLink,
            };
            _book.AddPayout(payout);
            if (!payout.AwaitsCard)
            {
                MakeLater(payout, merchant, notifyKey);
            }

            return payout;
        }

        /// <summary>Makes the payout <see cref="FreedomPaySandboxOptions.PayoutDelay"/> from now and sends Payout notify, signed with the payout key (or the main key: <paramref name="keyName"/> null).</summary>
        private void MakeLater(Payout payout, SandboxMerchant merchant, string? keyName = PayoutSecret)
        {
            string secret = merchant.SecretFor(keyName)!;
            _notifier.After(_options.PayoutDelay, () =>
            {
                List<KeyValuePair<string, string>> fields;
                lock (_book.Gate)
                {
                    payout.Finish(Now);
                    fields = PayoutNotifyFields(payout, _book.Balance(merchant.MerchantId));
                }

                _notifier.NotifyPlain(payout.Id, payout.PostLink, fields, secret);
            });
        }

        /// <summary>Payout notify's fields, as the docs list them; the sandbox charges no commission (to_pay = amount).</summary>
        private List<KeyValuePair<string, string>> PayoutNotifyFields(Payout payout, decimal balance) => new List<KeyValuePair<string, string>>
        {
            new("pg_payment_id", payout.Id.ToString(CultureInfo.InvariantCulture)),
            new("pg_order_id", payout.OrderId),
            new("pg_merchant_id", payout.MerchantId),
            new("pg_status", payout.State == PayoutState.Ok ? "ok" : "error"),
            new("pg_card_hash", payout.Target ?? string.Empty),
            new("pg_balance", balance.ToString(CultureInfo.InvariantCulture)),
            new("pg_payment_amount", payout.Amount.ToString(CultureInfo.InvariantCulture)),
            new("pg_to_pay", payout.Amount.ToString(CultureInfo.InvariantCulture)),
            new("pg_payment_date", Local(payout.FinishedAt ?? Now)),
        };

        private SandboxReply PayoutBalance(GatewayRequest request, SandboxMerchant merchant) => SandboxReply.Ok().Set("pg_balance", Balance(merchant));

        private decimal Balance(SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                return _book.Balance(merchant.MerchantId);
            }
        }

        /// <summary>payment_status: a payout by its id, with the status names PayBox's payout SDK lists.</summary>
        private SandboxReply PayoutStatus(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            lock (_book.Gate)
            {
                Payout payout = _book.FindPayout(merchant.MerchantId, id);
                string status = payout.State switch
                {
                    PayoutState.Ok => "ok",
                    PayoutState.Failed => "failed",
                    _ => "new",
                };
                return SandboxReply.Ok().Set("pg_payment_id", id).Set("pg_transaction_status", status);
            }
        }

        /// <summary>payment_status2: a payout by the merchant's order id; an unknown one answers payment id 0, as documented.</summary>
        private SandboxReply PayoutStatusV2(GatewayRequest request, SandboxMerchant merchant)
        {
            string orderId = request.Required("pg_order_id");
            lock (_book.Gate)
            {
                Payout? payout = _book.FindPayoutByOrder(merchant.MerchantId, orderId);
                if (payout is null)
                {
                    return SandboxReply.Ok().Set("pg_payment_id", 0L).Set("pg_merchant_id", merchant.MerchantId).Set("pg_order_id", orderId);
                }

                return SandboxReply.Ok()
                    .Set("pg_payment_id", payout.Id)
                    .Set("pg_merchant_id", merchant.MerchantId)
                    .Set("pg_order_id", orderId)
                    .Set("pg_payment_status", payout.State switch { PayoutState.Ok => "success", PayoutState.Failed => "error", _ => "process" });
            }
        }

        /// <summary>
        /// g2g/status_v2: a payment by its id and the merchant's order id (both must match), with its card and refunds
        /// as get_status3.php writes them.
        /// </summary>
        private SandboxReply GatewayStatus(GatewayRequest request, SandboxMerchant merchant)
        {
            string orderId = request.Required("pg_order_id");
            long id = request.RequiredInt64("pg_payment_id");
            lock (_book.Gate)
            {
                Payment payment = _book.Find(merchant.MerchantId, id);
                if (payment.Terms.OrderId != orderId)
                {
                    throw new GatewayError(SandboxErrorCodes.PaymentNotFound, $"Payment {id} does not have order id {orderId}.");
                }

                payment.ExpireIfDue(Now);
                SandboxReply reply = SandboxReply.Ok()
                    .Set("pg_payment_id", id)
                    .Set("pg_order_id", orderId)
                    .Set("pg_payment_status", payment.Status.ToWire())
                    .Set("pg_currency", payment.Terms.Currency)
                    .Set("pg_amount", payment.Terms.Amount)
                    .Set("pg_user_phone", payment.Phone)
                    .Set("pg_payment_date", payment.PaidAt is { } paidAt ? Local(paidAt) : null)
                    .Set("pg_captured", payment.Status == SandboxPaymentStatus.Success ? "1" : "0");
                if (payment.Card is { } card)
                {
                    AddCardStatus(reply, card);
                }

                return reply;
            }
        }

        /// <summary>ISO 13616: the IBAN with its first four characters moved to the end, letters as 10..35, is 1 modulo 97.</summary>
        internal static bool IbanCheckDigitsHold(string iban)
        {
            if (iban.Length < 5)
            {
                return false;
            }

            string rearranged = iban.Substring(4) + iban.Substring(0, 4);
            var digits = new System.Text.StringBuilder(rearranged.Length * 2);
            foreach (char c in rearranged)
            {
                if (c is >= '0' and <= '9')
                {
                    digits.Append(c);
                }
                else if (c is >= 'A' and <= 'Z')
                {
                    digits.Append((c - 'A' + 10).ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    return false;
                }
            }

            return BigInteger.Parse(digits.ToString(), CultureInfo.InvariantCulture) % 97 == 1;
        }
    }
}
