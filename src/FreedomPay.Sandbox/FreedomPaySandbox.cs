using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Gateway;
using FreedomPay.Sandbox.Notifications;
using FreedomPay.Sandbox.Pages;
using FreedomPay.Sandbox.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FreedomPay.Sandbox
{
    /// <summary>
    /// An emulator of the FreedomPay gateway on a loopback port: the Mobile balance operations with their state
    /// machine (in-memory payments, test phones whose "SMS" codes can be read, Result notifications), any operation a
    /// spec describes (<see cref="FreedomPaySandboxOptions.AddArea"/>) answered from its description, handlers a test
    /// plugs in (<see cref="Handle(OperationInfo, Func{SandboxCall, SandboxReply})"/>), and fault injection.
    /// <code>
    /// await using var sandbox = await FreedomPaySandbox.StartAsync();
    /// var client = new FreedomPayClient(new FreedomPayClientOptions
    ///     { MerchantId = sandbox.Merchant.MerchantId, SecretKey = sandbox.Merchant.SecretKey, BaseAddress = sandbox.BaseAddress });
    /// </code>
    /// </summary>
    public sealed class FreedomPaySandbox : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly PaymentBook _book;
        private readonly ResultNotifier _notifier;
        private readonly CheckRequester _checker;
        private readonly RequestLog _requests = new RequestLog();
        private readonly RouteTable _routes = new RouteTable();
        private Uri? _baseAddress;
        private readonly SandboxGateway _gateway;

        /// <summary>The JSON APIs' replies by request id (repeats answered alike; Gateway Async's read request).</summary>
        internal RequestMemory Replies { get; } = new RequestMemory();

        private FreedomPaySandbox(WebApplication app, FreedomPaySandboxOptions options)
        {
            _app = app;
            Options = options;
            Merchants = options.Merchants.ToArray();
            _book = new PaymentBook(options.MaxPayments);
            Sms = new SmsInbox(options.MaxPayments);
            _notifier = new ResultNotifier(options);
            _checker = new CheckRequester(options);
            var gateway = _gateway = new SandboxGateway(options, _book, Sms, _notifier, _checker, () => BaseAddress, Replies);
            foreach (SandboxRoute route in gateway.Routes())
            {
                _routes.AddOwn(route);
            }

            // The caller's areas by their description (a path they share with Cards or Payouts is theirs: a spec of
            // one's own may describe it with another key), then every other operation of the packaged specs.
            foreach (OperationInfo operation in options.Areas.SelectMany(area => area))
            {
                _routes.AddUnlessStateful(SandboxRoute.For(operation, handler: null));
            }

            foreach (OperationInfo operation in PackagedAreas.All.SelectMany(area => area))
            {
                _routes.AddIfAbsent(SandboxRoute.For(operation, handler: null));
            }

            GatewayEndpoints.Map(app, _routes, Faults, this, _requests);
            HostedPageEndpoints.Map(app, gateway, _book, Merchants, options);
            CardEntryEndpoints.Map(app, gateway, _book);
            IssuerPage.Map(app, gateway, _book);
            InvoicePage.Map(app, gateway, _book);
            DashboardPage.Map(app, this);
            StandInShop.Map(app, Merchants);
        }

        /// <summary>The address to use as the client's base address, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
        public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The sandbox has not started.");

        /// <summary>The test-mode dashboard: payments, SMS codes, Result notify deliveries, latest requests.</summary>
        public Uri DashboardAddress => new Uri(BaseAddress, DashboardPage.Path.TrimStart('/'));

        /// <summary>A stand-in merchant site: return pages for the buyer and a Result notify endpoint.</summary>
        public SandboxShop Shop => new SandboxShop(BaseAddress);

        /// <summary>The merchants the sandbox accepts.</summary>
        public IReadOnlyList<SandboxMerchant> Merchants { get; }

        /// <summary>The first merchant: what most tests and the demo use.</summary>
        public SandboxMerchant Merchant => Merchants[0];

        /// <summary>The settings the sandbox runs with.</summary>
        public FreedomPaySandboxOptions Options { get; }

        /// <summary>The SMS codes "sent" to test phones.</summary>
        public SmsInbox Sms { get; }

        /// <summary>Faults to inject into the next requests of an operation.</summary>
        public SandboxFaults Faults { get; } = new SandboxFaults();

        /// <summary>Result notifications and their delivery attempts.</summary>
        public IReadOnlyList<ResultDelivery> ResultDeliveries => _notifier.Deliveries;

        /// <summary>The latest API requests (at most 200), oldest first, with their signature verdicts.</summary>
        public IReadOnlyList<SandboxRequest> Requests => _requests.All;

        /// <summary>Every payment, as copies.</summary>
        public IReadOnlyList<SandboxPayment> Payments => _book.All();

        /// <summary>Copies of the payouts the sandbox keeps (the Payouts area), oldest first.</summary>
        public IReadOnlyList<SandboxPayout> Payouts => _book.AllPayouts();

        /// <summary>Copies of the invoices the sandbox keeps (the Invoice area), oldest first.</summary>
        public IReadOnlyList<SandboxInvoice> Invoices => _book.AllInvoices();

        /// <summary>
        /// Completes when the merchant has answered a Result notify of the payment with HTTP 200 (at once if it already
        /// has): tests wait for this event instead of polling or sleeping.
        /// </summary>
        public Task<ResultDelivery> WhenResultDeliveredAsync(long paymentId, CancellationToken cancellationToken = default) =>
            _notifier.WhenDeliveredAsync(paymentId, cancellationToken);

        /// <summary>Starts a sandbox on loopback (a free port unless <see cref="FreedomPaySandboxOptions.Port"/> says otherwise).</summary>
        public static async Task<FreedomPaySandbox> StartAsync(FreedomPaySandboxOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new FreedomPaySandboxOptions();
            Validate(options);
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                ApplicationName = typeof(FreedomPaySandbox).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, options.Port);
                // Gateway requests are a few kilobytes; anything far larger is refused before it is read.
                kestrel.Limits.MaxRequestBodySize = GatewayRequest.MaxBodyBytes;
            });
            WebApplication app = builder.Build();
            var sandbox = new FreedomPaySandbox(app, options);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"The sandbox could not listen on 127.0.0.1:{options.Port} ({ex.Message}). Choose another port, or 0 for a free one.", ex);
            }

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            sandbox._baseAddress = new Uri(address.TrimEnd('/') + "/");
            return sandbox;
        }

        /// <summary>The rate a merchant uploaded through the Partner API for a currency pair (and rate type), or null.</summary>
        /// <param name="merchantId">The partner's merchant id.</param>
        /// <param name="currencyFrom">The currency converted from (USD).</param>
        /// <param name="currencyTo">The currency converted to (KZT).</param>
        /// <param name="rateType">The rate type the upload named (p2p), or empty for none.</param>
        public decimal? PartnerRate(string merchantId, string currencyFrom, string currencyTo, string rateType = "") => _gateway.PartnerRate(merchantId, currencyFrom, currencyTo, rateType);

        /// <summary>The operations the sandbox serves by description (stateful or default), by path.</summary>
        public IReadOnlyList<OperationInfo> Operations => _routes.All.SelectMany(r => r.Variants.Prepend(r)).Where(r => r.Operation is not null).Select(r => r.Operation!).ToArray();

        /// <summary>
        /// Answers an operation with <paramref name="handler"/> from now on (registering the operation if the sandbox did
        /// not serve it). The merchant and the signature are checked first, then the spec's field rules; the handler
        /// gets the call (fields, merchant, the sandbox's payments) and returns the reply, e.g. <c>call.DefaultReply()</c>
        /// with a value changed, or <c>SandboxReply.Error(code, text)</c>. The reply is signed for the operation.
        /// </summary>
        public void Handle(OperationInfo operation, Func<SandboxCall, SandboxReply> handler)
        {
            if (handler is null)
            {
                throw new ArgumentNullException(nameof(handler));
            }

            Handle(operation, call => Task.FromResult(handler(call)));
        }

        /// <summary>As <see cref="Handle(OperationInfo, Func{SandboxCall, SandboxReply})"/>, for handlers that wait.</summary>
        public void Handle(OperationInfo operation, Func<SandboxCall, Task<SandboxReply>> handler)
        {
            if (operation is null)
            {
                throw new ArgumentNullException(nameof(operation));
            }

            _routes.Set(SandboxRoute.For(operation, handler ?? throw new ArgumentNullException(nameof(handler))));
        }

        /// <summary>A new payment id, never used before in this sandbox (the default emulation's ids for new payments).</summary>
        internal long NewPaymentId() => _book.ReserveId();

        /// <summary>A copy of one payment, or null.</summary>
        public SandboxPayment? FindPayment(long paymentId) => _book.Snapshot(paymentId);

        /// <summary>Stops the server and pending Result notify retries.</summary>
        public async ValueTask DisposeAsync()
        {
            await _notifier.DisposeAsync().ConfigureAwait(false);
            _checker.Dispose();
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        private static void Validate(FreedomPaySandboxOptions options)
        {
            if (options.Merchants.Count == 0)
            {
                throw new ArgumentException("The sandbox needs at least one merchant (FreedomPaySandboxOptions.Merchants).", nameof(options));
            }

            foreach (SandboxMerchant merchant in options.Merchants)
            {
                if (string.IsNullOrEmpty(merchant.MerchantId) || !merchant.MerchantId.All(char.IsAsciiDigit) || string.IsNullOrEmpty(merchant.SecretKey))
                {
                    throw new ArgumentException($"Sandbox merchant '{merchant.MerchantId}' needs a merchant id of digits and a secret key.", nameof(options));
                }
            }

            if (options.Port is < 0 or > 65535 || options.MaxApprovalAttempts < 1 || options.ResultMaxAttempts < 1 || options.MaxPayments < 10)
            {
                throw new ArgumentException("Port must be 0-65535, MaxApprovalAttempts and ResultMaxAttempts at least 1, MaxPayments at least 10.", nameof(options));
            }
        }
    }
}
