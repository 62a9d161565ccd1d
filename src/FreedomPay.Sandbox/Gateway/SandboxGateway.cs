using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
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
using FreedomPay.Sandbox.Notifications;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// What each operation does once the merchant and the signature are known good: checks its fields like the
    /// real gateway, moves the payment's state machine and builds the reply. Refusals are <see cref="GatewayError"/>.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private readonly FreedomPaySandboxOptions _options;
        private readonly PaymentBook _book;
        private readonly SandboxRules _rules;
        private readonly ResultNotifier _notifier;
        private readonly CheckRequester _checker;
        private readonly Func<Uri> _baseAddress;
        private readonly RequestMemory _replies;

        public SandboxGateway(FreedomPaySandboxOptions options, PaymentBook book, SmsInbox sms, ResultNotifier notifier, CheckRequester checker, Func<Uri> baseAddress, RequestMemory replies)
        {
            _replies = replies;
            _options = options;
            _book = book;
            _notifier = notifier;
            _checker = checker;
            _baseAddress = baseAddress;
            _rules = new SandboxRules(options.MaxApprovalAttempts, options.CodeLifetime, options.ResendInterval, options.MaxResends, sms);
        }

        /// <summary>pg_lifetime when init gives none: 86400 s, the documented default (docs.freedompay.uz api-13679480).</summary>
        public const long DefaultLifetimeSeconds = 86400;

        public DateTimeOffset Now => _options.TimeProvider.GetUtcNow();

        /// <summary>
        /// The Mobile balance and Purchase operations with their state machine (each checks its own fields, with the
        /// gateway's messages; init_payment.php and get_status3.php serve both areas, as on the gateway), and
        /// get_status2.php, which no packaged spec describes.
        /// </summary>
        public IEnumerable<SandboxRoute> Routes() => new[]
        {
            Stateful(MobileBalanceClient.InitInfo, call => Task.FromResult(Init(call.Request, call.Merchant))),
            Stateful(MobileBalanceClient.PayInfo, call => PayAsync(call.Request, call.Merchant)),
            Stateful(MobileBalanceClient.ApproveInfo, call => Task.FromResult(Approve(call.Request, call.Merchant))),
            Stateful(MobileBalanceClient.ResendCodeInfo, call => Task.FromResult(ResendCode(call.Request, call.Merchant))),
            Stateful(MobileBalanceClient.StatusInfo, call => Task.FromResult(Status(call.Request, call.Merchant))),
            Stateful(PurchaseClient.ClearingInfo, call => Task.FromResult(Clearing(call.Request, call.Merchant))),
            Stateful(PurchaseClient.CancelInfo, call => Task.FromResult(Cancel(call.Request, call.Merchant))),
            Stateful(PurchaseClient.RefundInfo, call => Task.FromResult(Refund(call.Request, call.Merchant))),
            Stateful(PurchaseClient.RecurringInfo, call => Task.FromResult(Recurring(call.Request, call.Merchant))),
            Checked(CardsClient.AddInfo, AddCard),
            Checked(CardsClient.ListInfo, ListCards),
            Checked(CardsClient.RemoveInfo, RemoveCard),
            Checked(CardsClient.InitInfo, InitWithSavedCard),
            Checked(CardsClient.DirectInfo, Direct),
            new SandboxRoute(CvcPagePath, null, "pay", call => Task.FromResult(CvcPage(call.Request, call.Merchant)), checkFields: false) { YieldsToCallerAreas = true },
            Checked(PayoutsClient.AddCardInfo, AddCard),
            Checked(PayoutsClient.ToUnsavedCardInfo, ToUnsavedCard),
            Checked(PayoutsClient.ToSavedCardInfo, ToSavedCard),
            Checked(PayoutsClient.ToIbanInfo, ToIban),
            Checked(PayoutsClient.BalanceInfo, PayoutBalance),
            Checked(PayoutsClient.StatusInfo, PayoutStatus),
            Checked(PayoutsClient.StatusV2Info, PayoutStatusV2),
            Checked(GatewayPaymentsClient.StatusInfo, GatewayStatus),
            // g2g/payment is four operations: the route table tells them apart by the request (RouteMatch).
            Checked(GatewayPaymentsClient.PayInfo, GatewayPay),
            Checked(GatewayPaymentsClient.PayByTokenInfo, GatewayPayByToken),
            Checked(GatewayPaymentsClient.PayWithApplePayInfo, GatewayWalletPay),
            Checked(GatewayPaymentsClient.PayWithGooglePayInfo, GatewayWalletPay),
            Checked(GatewayPaymentsClient.CompleteThreeDsInfo, GatewayCompleteThreeDs),
            Checked(GatewayPaymentsClient.CancelInfo, GatewayCancel),
            Checked(GatewayPaymentsClient.RecurrentInfo, GatewayRecurrent),
            Checked(GatewayPaymentsClient.ClearingInfo, GatewayClearing),
            Checked(GatewayPaymentsClient.RefundInfo, GatewayRefund),
            Checked(GatewayCardsClient.AddInfo, GatewayAddCard),
            Checked(GatewayTransfersClient.TransferInfo, GatewayTransfer),
            Checked(GatewayTransfersClient.CompleteThreeDsInfo, GatewayCompleteTransfer),
            Checked(GatewayTransfersClient.StatusInfo, GatewayTransferStatus),
            Checked(GatewayTransfersClient.RatesInfo, GatewayRates),
            Checked(GatewayPayoutsClient.ToCardInfo, GatewayPayoutToCard),
            Checked(GatewayPayoutsClient.ToTokenInfo, GatewayPayoutToToken),
            Checked(GatewayPayoutsClient.ToIbanInfo, GatewayPayoutToIban),
            Checked(GatewayPayoutsClient.BalanceInfo, GatewayPayoutBalance),
            Checked(GatewayPayoutsClient.StatusInfo, GatewayPayoutStatus),
            Checked(GatewayCardsClient.ListInfo, GatewayListCards),
            Checked(GatewayCardsClient.RemoveInfo, GatewayRemoveCard),
            // v5/g2g/read and v5/g2g/edit are three operations each: the route table tells them apart by X-Action.
            Checked(GatewayAsyncClient.CreatePaymentInfo, AsyncCreate),
            Checked(GatewayAsyncClient.ReadPaymentInfo, AsyncReadPayment),
            Checked(GatewayAsyncClient.ReadRequestInfo, AsyncReadRequest),
            Checked(GatewayAsyncClient.RefundInfo, AsyncRefund),
            Checked(GatewayAsyncClient.ReverseInfo, AsyncReverse),
            Checked(GatewayAsyncClient.ClearingInfo, AsyncClearing),
            Checked(CardIssuingClient.BlockCardInfo, BlockIssuedCard),
            Checked(CardIssuingClient.UnblockCardInfo, UnblockIssuedCard),
            Checked(CardIssuingClient.CloseCardInfo, CloseIssuedCard),
            Checked(CardIssuingClient.RefundTransactionInfo, RefundCardTransaction),
            Checked(CardIssuingClient.RequestStatusInfo, CardRequestStatus),
            Checked(CardIssuingClient.StatementInfo, IssuedCardStatement),
            Checked(CardIssuingClient.StatementExtendedInfo, IssuedCardStatementExtended),
            Checked(PartnerClient.AddClientInfo, AddPartnerClient),
            Checked(PartnerClient.AddRatesInfo, AddPartnerRates),
            Checked(PartnerClient.BlockWalletInfo, BlockPartnerWallet),
            Checked(InvoiceClient.InitInfo, InvoiceInit),
            Checked(InvoiceClient.InfoInfo, InvoiceInfo),
            Checked(InvoiceClient.StatusInfo, InvoiceStatus),
            Checked(InvoiceClient.PayInfo, InvoicePay),
            // Signed with the merchant's key (a spec of one's own, the README's walkthrough) or the payout key (Payouts).
            new SandboxRoute(StatusByOrderPath, null, StatusByOrderPath, call => Task.FromResult(StatusByOrder(call.Request, call.Merchant)), checkFields: false)
            {
                SecretNames = new string?[] { null, PayoutSecret },
            },
            new SandboxRoute(PaymentPagePath, null, PaymentPagePath, call => Task.FromResult(PaymentPage(call.Request, call.Merchant)), checkFields: false),
        };

        /// <summary>card/pay: the CVC page of a saved-card payment through the buyer's browser (Cards' CvcPage redirect).</summary>
        public const string CvcPagePath = "v1/merchant/{merchant-id}/card/pay";

        /// <summary>payment.php: the checkout through the buyer's browser (Purchase's PaymentPage redirect).</summary>
        public const string PaymentPagePath = "payment.php";

        /// <summary>A signed browser request to payment.php: the payment is created as by init, and the browser goes on to its page.</summary>
        private SandboxReply PaymentPage(GatewayRequest request, SandboxMerchant merchant)
        {
            SandboxReply created = Init(request, merchant);
            created.RedirectTo = created["pg_redirect_url"];
            return created;
        }

        /// <summary>get_status2.php: status by the merchant's order id (Payouts' StatusByOrder, and specs of one's own such as the README's walkthrough).</summary>
        public const string StatusByOrderPath = "get_status2.php";

        private static SandboxRoute Stateful(OperationInfo operation, Func<SandboxCall, Task<SandboxReply>> handler) =>
            SandboxRoute.For(operation, handler, checkFields: false);

        /// <summary>A stateful route whose fields the spec's rules check first (the handler reads them already valid).</summary>
        private static SandboxRoute Checked(OperationInfo operation, Func<GatewayRequest, SandboxMerchant, SandboxReply> handler) =>
            new SandboxRoute(SandboxRoute.KeyOf(operation), operation, operation.Descriptor.ScriptName, call => Task.FromResult(handler(call.Request, call.Merchant)))
            {
                YieldsToCallerAreas = true,
            };

        private SandboxReply Init(GatewayRequest request, SandboxMerchant merchant)
        {
            // One script for both: mobile commerce when asked for, a card payment (the hosted card page) otherwise.
            string? method = request.Optional("pg_payment_method");
            if (method is not (null or "mobile_commerce" or "bankcard"))
            {
                throw new GatewayError(SandboxErrorCodes.UnsupportedPaymentMethod, "The sandbox emulates mobile commerce and bank cards: send pg_payment_method=mobile_commerce, bankcard, or none for a card payment.");
            }

            // A card payment is one-step unless pg_auto_clearing=0 says otherwise (the merchant's setting decides on
            // the gateway; the sandbox's default is one step).
            CardTerms? card = method == "mobile_commerce"
                ? null
                : new CardTerms(
                    AutoClearing: request.Optional("pg_auto_clearing") is null || request.OptionalFlag("pg_auto_clearing"),
                    RecurringStart: request.OptionalFlag("pg_recurring_start"));

            long? lifetime = request.OptionalInt64("pg_lifetime", 300, 604800);
            var terms = new PaymentTerms(
                Amount: request.RequiredDecimal("pg_amount", 0.01m, 99999999m),
                Currency: request.OneOf("pg_currency", "KZT", "USD", "EUR", "RUB", "UZS", "KGS") ?? "KZT",
                Description: request.OptionalText("pg_description", 1024) ?? throw new GatewayError(SandboxErrorCodes.InvalidField, "Field pg_description is required."),
                OrderId: request.OptionalText("pg_order_id", 50),
                TestingMode: request.OptionalFlag("pg_testing_mode"),
                Lifetime: TimeSpan.FromSeconds(lifetime ?? DefaultLifetimeSeconds),
                ResultUrl: request.OptionalText("pg_result_url", 255),
                ResultMethod: request.OneOf("pg_request_method", "GET", "POST", "XML") == "GET" ? "GET" : "POST",
                CheckUrl: request.OptionalText("pg_check_url", 255),
                UserPhone: request.Optional("pg_user_phone"),
                IdempotencyKey: request.OptionalText("pg_idempotency_key", 255),
                Return: new BuyerReturn(
                    request.OptionalText("pg_success_url", 255),
                    request.OneOf("pg_success_url_method", "GET", "POST") ?? "GET",
                    request.OptionalText("pg_failure_url", 255),
                    request.OneOf("pg_failure_url_method", "GET", "POST") ?? "GET"),
                Language: request.OneOf("pg_language", "ru", "en", "kz", "kg", "uz") ?? "ru",
                // The merchant's own parameters go on to the Check and Result URLs, as the docs say.
                Extra: request.Fields.Where(f => !f.Key.StartsWith(PgSignature.GatewayPrefix, StringComparison.Ordinal)).ToArray(),
                Card: card);
            foreach (var (name, url) in new[] { ("pg_result_url", terms.ResultUrl), ("pg_check_url", terms.CheckUrl), ("pg_success_url", terms.Return.SuccessUrl), ("pg_failure_url", terms.Return.FailureUrl) })
            {
                RequireWebUrl(name, url);
            }

            Payment payment = _book.Create(merchant.MerchantId, terms, Now);
            return SandboxReply.Ok()
                .Set("pg_payment_id", payment.Id)
                .Set("pg_redirect_url", new Uri(_baseAddress(), payment.HostedPagePath).AbsoluteUri)
                .Set("pg_redirect_url_type", "need data");
        }

        private async Task<SandboxReply> PayAsync(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            bool codeSent = await PayAsync(merchant, id, request.Required("pg_abonent_phone"), request.Optional("pg_payment_system_code")).ConfigureAwait(false);
            return codeSent
                ? SandboxReply.Ok("need_approve").Set("pg_payment_id", id)
                : SandboxReply.Ok().Set("pg_payment_id", id);
        }

        /// <summary>
        /// Charges a test phone (the API's pay and the hosted page's phone form): asks the merchant's Check URL
        /// first, then moves the state machine. True when an SMS code was sent.
        /// </summary>
        public async Task<bool> PayAsync(SandboxMerchant merchant, long id, string phoneNumber, string? operatorCode)
        {
            phoneNumber = phoneNumber.TrimStart('+');
            TestPhone phone = _options.Phones.FirstOrDefault(p => p.Phone == phoneNumber)
                ?? throw new GatewayError(SandboxErrorCodes.NotATestPhone, $"The sandbox charges test phones only: {string.Join(", ", _options.Phones.Select(p => p.Phone))}.");
            if (operatorCode is not null && operatorCode != phone.Operator)
            {
                throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field pg_payment_system_code does not match the phone's operator ({phone.Operator}).");
            }

            await AskCheckUrlAsync(merchant, id).ConfigureAwait(false);
            return Change(merchant, id, payment => payment.Pay(phone, _rules, Now));
        }

        private SandboxReply Approve(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            Approve(merchant, id, request.Required("pg_approval_code"));
            return SandboxReply.Ok().Set("pg_payment_id", id);
        }

        /// <summary>Checks the SMS code (the API's approve and the hosted page's code form).</summary>
        public void Approve(SandboxMerchant merchant, long id, string code) => Change(merchant, id, payment =>
        {
            payment.Approve(code, _rules, Now);
            return true;
        });

        private SandboxReply ResendCode(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            ResendCode(merchant, id);
            return SandboxReply.Ok().Set("pg_payment_id", id);
        }

        /// <summary>Sends a new SMS code (the API's resend_code and the hosted page's button).</summary>
        public void ResendCode(SandboxMerchant merchant, long id) => Change(merchant, id, payment =>
        {
            payment.ResendCode(_rules, Now);
            return true;
        });

        /// <summary>The test cards, for the pages' hints.</summary>
        public IEnumerable<TestCard> TestCards => _options.Cards;

        /// <summary>The rules payments follow (attempts, code lifetime), for the hosted page's texts.</summary>
        public SandboxRules Rules => _rules;

        private SandboxReply Status(GatewayRequest request, SandboxMerchant merchant)
        {
            long id = request.RequiredInt64("pg_payment_id");
            lock (_book.Gate)
            {
                Payment payment = _book.Find(merchant.MerchantId, id);
                payment.ExpireIfDue(Now);
                bool paid = payment.Status == SandboxPaymentStatus.Success;
                SandboxReply reply = SandboxReply.Ok()
                    .Set("pg_payment_id", id)
                    .Set("pg_order_id", payment.Terms.OrderId)
                    .Set("pg_currency", payment.Terms.Currency)
                    .Set("pg_amount", payment.Terms.Amount)
                    .Set("pg_payment_status", payment.Status.ToWire())
                    .Set("pg_payment_method", "mobile_commerce")
                    .Set("pg_can_reject", "0")
                    .Set("pg_captured", paid ? "1" : "0")
                    .Set("pg_testing_mode", payment.Terms.TestingMode ? "1" : "0")
                    .Set("pg_user_phone", payment.Phone)
                    .Set("pg_create_date", Local(payment.CreatedAt))
                    .Set("pg_payment_date", payment.PaidAt is { } paidAt ? Local(paidAt) : null)
                    .Set("pg_failure_code", payment.FailureCode?.ToString(CultureInfo.InvariantCulture))
                    .Set("pg_failure_description", payment.FailureDescription);
                if (payment.Card is { } card)
                {
                    AddCardStatus(reply, card);
                }

                return reply;
            }
        }

        /// <summary>
        /// get_status2.php: the latest payment with the merchant's order id. As documented, an unknown order answers
        /// ok with pg_payment_id 0; pg_transaction_status uses the older names (partial, pending, ok, failed, incomplete).
        /// </summary>
        private SandboxReply StatusByOrder(GatewayRequest request, SandboxMerchant merchant)
        {
            string orderId = request.Required("pg_order_id");
            lock (_book.Gate)
            {
                Payment? payment = _book.FindByOrder(merchant.MerchantId, orderId);
                if (payment is null && _book.FindPayoutByOrder(merchant.MerchantId, orderId) is { } payout)
                {
                    return SandboxReply.Ok()
                        .Set("pg_payment_id", payout.Id)
                        .Set("pg_transaction_status", payout.State switch { PayoutState.Ok => "ok", PayoutState.Failed => "failed", _ => "pending" })
                        .Set("pg_can_reject", "0")
                        .Set("pg_testing_mode", "1")
                        .Set("pg_captured", payout.State == PayoutState.Ok ? "1" : "0")
                        .Set("pg_create_date", Local(payout.CreatedAt));
                }

                if (payment is null)
                {
                    return SandboxReply.Ok().Set("pg_payment_id", 0L);
                }

                payment.ExpireIfDue(Now);
                string transaction = payment.Status switch
                {
                    SandboxPaymentStatus.New => "partial",
                    SandboxPaymentStatus.Pending => "pending",
                    SandboxPaymentStatus.Success => "ok",
                    SandboxPaymentStatus.Failed => "failed",
                    _ => "incomplete",
                };
                return SandboxReply.Ok()
                    .Set("pg_payment_id", payment.Id)
                    .Set("pg_transaction_status", transaction)
                    .Set("pg_can_reject", "0")
                    .Set("pg_testing_mode", payment.Terms.TestingMode ? "1" : "0")
                    .Set("pg_captured", payment.Status == SandboxPaymentStatus.Success ? "1" : "0")
                    .Set("pg_create_date", Local(payment.CreatedAt));
            }
        }

        /// <summary>Runs a state change under the lock; a payment that finishes sends its Result notify.</summary>
        private T Change<T>(SandboxMerchant merchant, long id, Func<Payment, T> change)
        {
            lock (_book.Gate)
            {
                Payment payment = _book.Find(merchant.MerchantId, id);
                bool wasFinished = payment.IsFinished;
                try
                {
                    return change(payment);
                }
                finally
                {
                    if (!wasFinished && payment.IsFinished && payment.Status != SandboxPaymentStatus.Incomplete)
                    {
                        _notifier.Notify(payment, merchant, Now);
                    }
                }
            }
        }

        /// <summary>Only web addresses: a javascript: or data: URL would run in the sandbox's origin on a POST return.</summary>
        private static string? RequireWebUrl(string name, string? url) =>
            url is null || (Uri.TryCreate(url, UriKind.Absolute, out Uri? parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
                ? url
                : throw new GatewayError(SandboxErrorCodes.InvalidField, $"Field {name} must be an absolute http or https URL.");

        /// <summary>Dates in replies are the gateway's local time (Kazakhstan, UTC+5), without an offset.</summary>
        private static string Local(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
