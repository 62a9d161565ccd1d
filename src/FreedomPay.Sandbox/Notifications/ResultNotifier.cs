using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox
{
    /// <summary>One attempt to deliver a Result notify.</summary>
    /// <param name="At">When the attempt was made.</param>
    /// <param name="HttpStatus">The merchant's HTTP status, or null when the call failed.</param>
    /// <param name="Error">Why the call failed, when it did.</param>
    /// <param name="ReplyStatus">The merchant's pg_status (ok, rejected, error), when it sent one.</param>
    /// <param name="ReplySignatureValid">Whether the merchant's reply was signed correctly, when it was signed.</param>
    public sealed record ResultAttempt(DateTimeOffset At, int? HttpStatus, string? Error, string? ReplyStatus, bool? ReplySignatureValid);

    /// <summary>The Result notify of one finished payment and its delivery attempts.</summary>
    /// <param name="PaymentId">The payment it reports.</param>
    /// <param name="Url">The merchant's pg_result_url.</param>
    /// <param name="Fields">The signed fields sent.</param>
    /// <param name="Delivered">True once the merchant answered HTTP 200.</param>
    /// <param name="Attempts">Every attempt, oldest first.</param>
    public sealed record ResultDelivery(long PaymentId, Uri Url, IReadOnlyList<KeyValuePair<string, string>> Fields, bool Delivered, IReadOnlyList<ResultAttempt> Attempts);
}

namespace FreedomPay.Sandbox.Notifications
{
    /// <summary>
    /// Sends the signed Result notify of a finished payment to its pg_result_url, and retries on failure (no
    /// answer or not HTTP 200) every <see cref="FreedomPaySandboxOptions.ResultRetryInterval"/>, like the real
    /// gateway (every 30 minutes for 2 hours). POST sends an urlencoded body, GET a query string.
    /// </summary>
    internal sealed class ResultNotifier : IAsyncDisposable
    {
        private readonly HttpClient _http;
        private readonly FreedomPaySandboxOptions _options;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly List<Delivery> _deliveries = new List<Delivery>();
        private readonly List<Task> _running = new List<Task>();
        private readonly Dictionary<long, TaskCompletionSource<ResultDelivery>> _deliveredWaiters = new Dictionary<long, TaskCompletionSource<ResultDelivery>>();

        public ResultNotifier(FreedomPaySandboxOptions options)
        {
            _options = options;
            _http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        }

        public IReadOnlyList<ResultDelivery> Deliveries
        {
            get
            {
                lock (_gate)
                {
                    return _deliveries.Select(d => d.Snapshot()).ToArray();
                }
            }
        }

        /// <summary>Completes when a Result notify of the payment has been answered with HTTP 200 (at once if it has been).</summary>
        public Task<ResultDelivery> WhenDeliveredAsync(long paymentId, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_deliveries.LastOrDefault(d => d.PaymentId == paymentId && d.Delivered) is { } done)
                {
                    return Task.FromResult(done.Snapshot());
                }

                if (!_deliveredWaiters.TryGetValue(paymentId, out TaskCompletionSource<ResultDelivery>? waiter))
                {
                    waiter = new TaskCompletionSource<ResultDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
                    _deliveredWaiters.Add(paymentId, waiter);
                }

                return waiter.Task.WaitAsync(cancellationToken);
            }
        }

        /// <summary>Starts delivering the notification of a finished payment (if it has a result URL).</summary>
        public void Notify(Payment payment, SandboxMerchant merchant, DateTimeOffset now)
        {
            if (payment.Terms.ResultUrl is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out Uri? target))
            {
                return;
            }

            Start(payment.Id, target, Fields(payment, now), merchant.SecretKey, payment.Terms.ResultMethod, signedReply: true);
        }

        /// <summary>
        /// Starts delivering a notification whose answer is plain HTTP 200 (Payout notify, the saved-card result):
        /// signed with <paramref name="secret"/> for the script of <paramref name="url"/>, retried like Result notify.
        /// </summary>
        public void NotifyPlain(long id, string? url, List<KeyValuePair<string, string>> fields, string secret)
        {
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out Uri? target))
            {
                return;
            }

            fields.Add(new KeyValuePair<string, string>("pg_salt", RandomText(16)));
            Start(id, target, fields, secret, "POST", signedReply: false);
        }

        /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> on the sandbox's clock (a payout finishing); stopped with the sandbox.</summary>
        public void After(TimeSpan delay, Action action)
        {
            lock (_gate)
            {
                _running.RemoveAll(task => task.IsCompleted);
                // The timer starts now, before the caller's reply is sent: a test moving a fake clock finds it waiting.
                _running.Add(RunAfterAsync(Task.Delay(delay, _options.TimeProvider, _stopping.Token), action));
            }

            static async Task RunAfterAsync(Task waited, Action action)
            {
                await waited.ConfigureAwait(false);
                action();
            }
        }

        private void Start(long id, Uri target, List<KeyValuePair<string, string>> fields, string secret, string method, bool signedReply)
        {
            string script = PgSignature.ScriptNameOf(target);
            fields.Add(new KeyValuePair<string, string>("pg_sig", PgSignature.Compute(script, fields, secret)));
            var delivery = new Delivery(id, target, fields, script, secret, method, signedReply);
            lock (_gate)
            {
                // Bounded records: finished deliveries beyond the cap and completed tasks are let go.
                _running.RemoveAll(task => task.IsCompleted);
                _deliveries.Add(delivery);
                if (_deliveries.Count > _options.MaxPayments)
                {
                    _deliveries.RemoveRange(0, _deliveries.Count - (_options.MaxPayments / 2));
                }

                _running.Add(Task.Run(() => DeliverAsync(delivery)));
            }
        }

        public async ValueTask DisposeAsync()
        {
            _stopping.Cancel();
            Task[] running;
            lock (_gate)
            {
                running = _running.ToArray();
            }

            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping the sandbox stops pending retries.
            }

            _http.Dispose();
            _stopping.Dispose();
        }

        private static List<KeyValuePair<string, string>> Fields(Payment payment, DateTimeOffset now)
        {
            string amount = payment.Terms.Amount.ToString(CultureInfo.InvariantCulture);
            bool paid = payment.IsPaid;
            var fields = new List<KeyValuePair<string, string>>();
            void Add(string name, string? value)
            {
                if (value is not null)
                {
                    fields.Add(new KeyValuePair<string, string>(name, value));
                }
            }

            Add("pg_order_id", payment.Terms.OrderId ?? payment.Id.ToString(CultureInfo.InvariantCulture));
            Add("pg_payment_id", payment.Id.ToString(CultureInfo.InvariantCulture));
            Add("pg_amount", amount);
            Add("pg_currency", payment.Terms.Currency);
            Add("pg_net_amount", amount);
            Add("pg_ps_amount", amount);
            Add("pg_ps_full_amount", amount);
            Add("pg_ps_currency", payment.Terms.Currency);
            Add("pg_description", payment.Terms.Description);
            Add("pg_result", paid ? "1" : "0");
            Add("pg_payment_date", (payment.PaidAt ?? now).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            Add("pg_can_reject", "0");
            Add("pg_user_phone", payment.Phone);
            Add("pg_testing_mode", payment.Terms.TestingMode ? "1" : "0");
            Add("pg_payment_method", payment.Card is null ? "mobile_commerce" : "bankcard");
            Add("pg_card_pan", payment.Card?.MaskedPan);
            Add("pg_captured", payment.Card is { } card ? (card.Cleared > 0m ? "1" : "0") : null);
            Add("pg_recurring_profile_id", payment.Card?.RecurringProfile?.ToString(CultureInfo.InvariantCulture));
            Add("pg_failure_code", paid ? null : payment.FailureCode?.ToString(CultureInfo.InvariantCulture));
            Add("pg_failure_description", paid ? null : payment.FailureDescription);
            fields.AddRange(payment.Terms.Extra ?? Array.Empty<KeyValuePair<string, string>>());
            Add("pg_salt", RandomText(16));
            return fields;
        }

        private async Task DeliverAsync(Delivery delivery)
        {
            for (int attempt = 1; attempt <= _options.ResultMaxAttempts && !_stopping.IsCancellationRequested; attempt++)
            {
                ResultAttempt result = await AttemptAsync(delivery).ConfigureAwait(false);
                bool delivered = result.HttpStatus == 200;

                // The retry timer starts before the attempt is published: whoever sees the attempt (a test moving a
                // fake clock) finds the timer already waiting on that clock.
                Task retry = delivered || attempt == _options.ResultMaxAttempts
                    ? Task.CompletedTask
                    : Task.Delay(_options.ResultRetryInterval, _options.TimeProvider, _stopping.Token);
                lock (_gate)
                {
                    delivery.Attempts.Add(result);
                    delivery.Delivered = delivered;
                    if (delivered && _deliveredWaiters.Remove(delivery.PaymentId, out TaskCompletionSource<ResultDelivery>? waiter))
                    {
                        waiter.TrySetResult(delivery.Snapshot());
                    }
                }

                if (delivered)
                {
                    return;
                }

                await retry.ConfigureAwait(false);
            }
        }

        private async Task<ResultAttempt> AttemptAsync(Delivery delivery)
        {
            DateTimeOffset at = _options.TimeProvider.GetUtcNow();
            try
            {
                using HttpRequestMessage request = delivery.Method == "GET"
                    ? new HttpRequestMessage(HttpMethod.Get, new Uri(delivery.Url, "?" + Query(delivery.Fields)))
                    : new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new FormUrlEncodedContent(delivery.Fields) };
                using HttpResponseMessage response = await _http.SendAsync(request, _stopping.Token).ConfigureAwait(false);
                if (!delivery.SignedReply)
                {
                    return new ResultAttempt(at, (int)response.StatusCode, null, null, null);
                }

                MerchantReply reply = await MerchantReply.ReadAsync(response, delivery.Script, delivery.Secret, _stopping.Token).ConfigureAwait(false);
                return new ResultAttempt(at, (int)response.StatusCode, null, reply.Status, reply.SignatureValid);
            }
            catch (Exception ex) when (ex is HttpRequestException or System.IO.IOException or TaskCanceledException && !_stopping.IsCancellationRequested)
            {
                return new ResultAttempt(at, null, ex.Message, null, null);
            }
        }

        private static string Query(IEnumerable<KeyValuePair<string, string>> fields) =>
            string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

        private static string RandomText(int length) =>
            System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);

        private sealed class Delivery(long paymentId, Uri url, IReadOnlyList<KeyValuePair<string, string>> fields, string script, string secret, string method, bool signedReply)
        {
            /// <summary>Whether the merchant answers signed XML (Result notify) or plain HTTP 200 (Payout notify).</summary>
            public bool SignedReply { get; } = signedReply;

            public long PaymentId { get; } = paymentId;

            public Uri Url { get; } = url;

            public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

            public string Script { get; } = script;

            public string Secret { get; } = secret;

            public string Method { get; } = method;

            public List<ResultAttempt> Attempts { get; } = new List<ResultAttempt>();

            public bool Delivered { get; set; }

            public ResultDelivery Snapshot() => new ResultDelivery(PaymentId, Url, Fields, Delivered, Attempts.ToArray());
        }
    }
}
