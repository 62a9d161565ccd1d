using System;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cli.Output;
using FreedomPay.MobileBalance;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo`: starts the embedded sandbox and runs init -> pay -> approve (with the code the sandbox
    /// "sent") -> status with the generated client, printing each step. `--hosted` runs the hosted-page path instead,
    /// `--card` a two-step card payment (Purchase), `--saved-card` a card saved once and paid with twice (Cards),
    /// `--payout` money in and out of the merchant's balance (Payouts), `--invoice` an invoice paid by its QR code (JSON + JWS).
    /// </summary>
    internal static class DemoCommand
    {
        public static Command Create(CliEnvironment environment)
        {
            var phone = new Option<string>("--phone") { Description = "Test phone to charge (77017777777 needs an SMS code; 77077777777 charges at once).", DefaultValueFactory = _ => "77017777777" };
            var amount = new Option<decimal>("--amount")
            {
                Description = "Amount in KZT.",
                HelpName = "decimal",
                DefaultValueFactory = _ => 150.50m,
                // The option's own words, not the CLR type's ("as expected type 'System.Decimal'").
                CustomParser = result =>
                {
                    string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                    if (decimal.TryParse(text, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out decimal value) && value > 0)
                    {
                        return value;
                    }

                    result.AddError($"--amount must be a positive amount with '.' as the decimal separator (e.g. 150.50), not '{text}'.");
                    return 0m;
                },
            };
            var hosted = new Option<bool>("--hosted") { Description = "Pay on the sandbox's hosted payment page (pg_redirect_url) as the buyer would, instead of calling pay and approve." };
            var card = new Option<bool>("--card") { Description = "Run a two-step card payment instead (Purchase): init, the hosted card page with a test card, partial clearing, partial refund, status." };
            var savedCard = new Option<bool>("--saved-card") { Description = "Save a test card on the save-card page, then pay with it twice without entering it again (Cards)." };
            var payout = new Option<bool>("--payout") { Description = "Pay in with a saved card, pay out part of it to the card, wait for the Payout notify, show the balance (Payouts)." };
            var gateway = new Option<bool>("--gateway") { Description = "Pay with card data from the shop's server (Gateway API): 3-D Secure on the issuer page, clearing, a partial refund, the card saved and paid again by token, a transfer, status." };
            var asyncFlow = new Option<bool>("--async") { Description = "Create a payment through the Gateway API's Async part (JSON, X-Action), read it, refund it with the reply lost on the way and resent under the same X-Request-Id: one refund (GatewayAsync)." };
            var invoice = new Option<bool>("--invoice") { Description = "Create an invoice (the JSON protocol, signed with a detached JWS), pay it by its QR code, read its status (Invoice)." };
            var command = new Command("demo", "Run the Mobile balance flow (or a card, saved-card, payout, invoice, gateway or async flow) against an embedded sandbox and show each step.") { phone, amount, hosted, card, savedCard, payout, invoice, gateway, asyncFlow };
            command.Validators.Add(result =>
            {
                int chosen = new[] { hosted, card, savedCard, payout, invoice, gateway, asyncFlow }.Count(option => result.GetValue(option));
                if (chosen > 1)
                {
                    result.AddError("Choose one of --hosted, --card, --saved-card, --payout, --invoice, --gateway and --async.");
                }
            });
            command.SetAction(async (parse, cancellationToken) =>
            {
                try
                {
                    if (parse.GetValue(card))
                    {
                        return await CardDemo.RunAsync(parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                    }

                    if (parse.GetValue(savedCard))
                    {
                        return await SavedCardDemo.RunAsync(parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                    }

                    if (parse.GetValue(payout))
                    {
                        return await PayoutDemo.RunAsync(parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                    }

                    if (parse.GetValue(gateway))
                    {
                        return await GatewayDemo.RunAsync(parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                    }

                    if (parse.GetValue(asyncFlow))
                    {
                        return await AsyncDemo.RunAsync(parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                    }

                    if (parse.GetValue(invoice))
                    {
                        return await InvoiceDemo.RunAsync(parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                    }

                    return parse.GetValue(hosted)
                        ? await HostedDemo.RunAsync(parse.GetValue(phone)!, parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false)
                        : await RunAsync(parse.GetValue(phone)!, parse.GetValue(amount), environment.Out, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    return ErrorReporter.Report(ex, environment.Error);
                }
            });
            return command;
        }

        private static async Task<int> RunAsync(string phone, decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            await using FreedomPaySandbox sandbox = await FreedomPaySandbox.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            using FreedomPayClient client = DemoCommand.ClientFor(sandbox);
            MobileBalanceClient mobile = client.MobileBalance;
            output.WriteLine($"FreedomPay demo: Mobile balance flow against the embedded sandbox at {sandbox.BaseAddress} (merchant {sandbox.Merchant.MerchantId}, secret key {Redaction.Hidden})");
            int calls = 0;
            void Step(string operation, string what) => output.WriteLine($"  {++calls}. {operation,-8} {what}");

            InitResponse init = await mobile.InitAsync(new InitRequest
            {
                OrderId = "demo-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture),
                Amount = amount,
                Currency = "KZT",
                Description = "FreedomPay.Generated demo",
                TestingMode = true,
            }, cancellationToken).ConfigureAwait(false);
            long id = init.PaymentId;
            Step("init", $"pg_status={Wire(init.Status)}  payment {id}  amount {amount.ToString(CultureInfo.InvariantCulture)} KZT  page {init.RedirectUrl}");

            PayResponse pay = await mobile.PayAsync(new PayRequest { PaymentId = id, AbonentPhone = phone }, cancellationToken).ConfigureAwait(false);
            Step("pay", $"pg_status={(pay.Status == PayStatus.NeedApprove ? "need_approve" : Wire(pay.Status))}  payment {id}  phone {Redaction.Phone(phone)}");

            // Ok and NeedApprove are the answers pay documents. Anything else (Unknown: a status this client does not
            // know) is never taken as paid: the status call below decides, as it must for any unclear answer.
            if (pay.Status is not (PayStatus.Ok or PayStatus.NeedApprove))
            {
                output.WriteLine($"     (pay)    pg_status '{pay.Raw.Root.GetString("pg_status")}' is not one this client knows: treated as not paid; asking status");
            }

            if (pay.Status == PayStatus.NeedApprove)
            {
                string code = sandbox.Sms.LastCodeFor(id) ?? throw new InvalidOperationException("The sandbox sent no SMS code.");
                output.WriteLine($"     (sms)    the sandbox sent code {Redaction.Hidden} to {Redaction.Phone(phone)}; the demo reads it from the sandbox inbox");
                ApproveResponse approve = await mobile.ApproveAsync(new ApproveRequest { PaymentId = id, ApprovalCode = code }, cancellationToken).ConfigureAwait(false);
                Step("approve", $"pg_status={Wire(approve.Status)}  payment {id}");
            }

            StatusResponse status = await mobile.StatusAsync(new StatusRequest { PaymentId = id }, cancellationToken).ConfigureAwait(false);
            Step("status", $"pg_status={Wire(status.Status)}  payment {id}  pg_payment_status={status.Raw.Root.GetString("pg_payment_status")}  {status.Amount?.ToString(CultureInfo.InvariantCulture)} {status.Currency}");

            bool paid = status.PaymentStatus == PaymentStatus.Success;
            output.WriteLine(paid
                ? $"Demo finished: payment {id} paid ({amount.ToString(CultureInfo.InvariantCulture)} KZT) in {calls} calls, every reply signature verified, {clock.ElapsedMilliseconds} ms."
                : $"Demo finished: payment {id} is {status.Raw.Root.GetString("pg_payment_status")}, not paid.");
            return paid ? ExitCodes.Success : ExitCodes.Failure;
        }

        /// <summary>The client every demo uses: the sandbox's first merchant with its keys (the payout key too), the generated client's defaults.</summary>
        internal static FreedomPayClient ClientFor(FreedomPaySandbox sandbox)
        {
            var options = new FreedomPayClientOptions
            {
                MerchantId = sandbox.Merchant.MerchantId,
                SecretKey = sandbox.Merchant.SecretKey,
                BaseAddress = sandbox.BaseAddress,
            };
            foreach (var key in sandbox.Merchant.SecretKeys)
            {
                options.SecretKeys.Add(key.Key, key.Value);
            }

            return new FreedomPayClient(options);
        }

        private static string Wire<T>(T value)
            where T : struct, Enum => value.ToString().ToLowerInvariant();
    }
}
