using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.GatewayAsync;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --async`: the Gateway API's Async part (v5/g2g/...; JSON signed with a detached HS256 JWS,
    /// the operation chosen by X-Action). A card payment is created and read back; a refund's reply is lost on the way
    /// (the sandbox's fault injection, after it refunded), the client sends it again under the same X-Request-Id, the
    /// gateway answers with its first reply, and reading the payment and the request shows one refund, not two.
    /// </summary>
    internal static class AsyncDemo
    {
        private const string Card = "4405645000006150";

        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("Gateway Async, JSON + JWS, idempotent by request id", output, cancellationToken).ConfigureAwait(false);
            GatewayAsyncClient v5 = run.Client.GatewayAsync;

            CreatePaymentResponse created = await v5.CreatePaymentAsync(new CreatePaymentRequest
            {
                Amount = amount, Currency = "KZT", Description = "FreedomPay.Generated async demo", AutoClearing = true,
                OrderId = "async-" + DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture),
                From = new PaymentSource { Type = PaymentSourceType.Card, Card = new PaymentCard { Name = "TEST TESTOV", Pan = Card, Cvc = "123", Year = 49, Month = 12 } },
                Device = new PayerDevice { UserIp = "203.0.113.7" },
            }, cancellationToken).ConfigureAwait(false);
            run.Step("create", $"payment {created.Id}  status={created.Status}  {DemoBuyer.Money(created.Amount)} KZT  (X-Action gateway.payment.create, X-Request-Id {created.RequestId})");

            ReadPaymentResponse read = await v5.ReadPaymentAsync(new ReadPaymentRequest { Id = created.Id }, cancellationToken).ConfigureAwait(false);
            run.Step("read", $"status={read.Status}  card {read.From?.Card?.Brand}  3-D Secure {read.ThreeDs?.FlowType}  cleared {read.Clearing?.Amount:0.00}  approval {read.Additional?.ApprovalCode}");

            decimal part = Math.Round(amount / 3m, 2);
            run.Sandbox.Faults.Add(GatewayAsyncClient.RefundInfo, SandboxFault.DropConnection(afterProcessing: true));
            run.Step("fault", "the sandbox will refund, then drop the connection before its reply (a reply lost on the way)");
            RefundResponse refund = await v5.RefundAsync(new RefundRequest { Id = created.Id, Amount = part }, cancellationToken).ConfigureAwait(false);
            int attempts = run.Sandbox.Requests.Count(r => r.Operation == "GatewayAsync.Refund");
            run.Step("refund", $"{DemoBuyer.Money(part)} KZT  refund {refund.RefundPayment.Id} {refund.RefundPayment.Status}  after {attempts} attempts under X-Request-Id {refund.RequestId}: the second got the first reply");

            ReadPaymentResponse after = await v5.ReadPaymentAsync(new ReadPaymentRequest { Id = created.Id }, cancellationToken).ConfigureAwait(false);
            int refunds = after.RefundPayments.Count;
            run.Step("read", $"status={after.Status}  refunds {refunds}: {string.Join(", ", after.RefundPayments.Select(r => $"{r.Id} {DemoBuyer.Money(r.Amount ?? 0m)}"))}");

            ReadRequestResponse request = await v5.ReadRequestAsync(new ReadRequestRequest { Id = refund.RequestId! }, cancellationToken).ConfigureAwait(false);
            run.Step("request", $"X-Request-Id {request.Id}: status={request.Status}, made {request.Response.Id} ({request.Response.Status})  (X-Action gateway.request.status)");

            bool ok = created.Status == "success" && refunds == 1 && attempts == 2 && after.RefundPayments[0].Id == refund.RefundPayment.Id && request.Response.Id == refund.RefundPayment.Id;
            run.Say(ok
                ? $"Demo finished: payment {created.Id} of {DemoBuyer.Money(amount)} KZT, refunded {DemoBuyer.Money(part)} KZT once though the refund was sent twice, in {run.Steps} steps, every request signed with a detached JWS, {run.ElapsedMilliseconds} ms."
                : $"Demo stopped: expected one refund from two attempts, found {refunds} refund(s) from {attempts} attempt(s) (payment status {after.Status}).");
            return ok ? ExitCodes.Success : ExitCodes.Failure;
        }
    }
}
