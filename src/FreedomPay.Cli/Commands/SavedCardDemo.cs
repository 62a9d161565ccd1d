using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Cards;
using FreedomPay.Cli.Output;
using FreedomPay.Sandbox;

namespace FreedomPay.Cli.Commands
{
    /// <summary>
    /// `freedompay demo --saved-card`: the buyer saves the sandbox's test card once on the save-card page (the shop is
    /// told by the card-saved post), then the shop charges the saved card twice with card/init + card/direct without
    /// the buyer entering it again; Purchase status confirms both payments.
    /// </summary>
    internal static class SavedCardDemo
    {
        private const string Buyer = "demo-buyer";

        public static async Task<int> RunAsync(decimal amount, TextWriter output, CancellationToken cancellationToken)
        {
            await using DemoRun run = await DemoRun.StartAsync("saved card", output, cancellationToken).ConfigureAwait(false);
            FreedomPayClient client = run.Client;

            string? token = await SaveCardAsync(run, cancellationToken).ConfigureAwait(false);
            if (token is null)
            {
                run.Say("Demo stopped: the save-card page refused the test card; nothing was charged.");
                return ExitCodes.Failure;
            }

            int paid = 0;
            for (int time = 1; time <= 2; time++)
            {
                InitResponse init = await client.Cards.InitAsync(new InitRequest
                {
                    OrderId = "demo-" + time.ToString(CultureInfo.InvariantCulture) + "-" + DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture),
                    Amount = amount,
                    Description = "FreedomPay.Generated saved-card demo",
                    UserId = Buyer,
                    CardToken = token,
                }, cancellationToken).ConfigureAwait(false);
                run.Step("init", $"pg_status=ok  payment {init.PaymentId}  {DemoBuyer.Money(amount)} KZT on the saved card");
                DirectResponse direct = await client.Cards.DirectAsync(new DirectRequest { PaymentId = init.PaymentId }, cancellationToken).ConfigureAwait(false);
                Purchase.StatusResponse status = await client.Purchase.StatusAsync(new Purchase.StatusRequest { PaymentId = init.PaymentId }, cancellationToken).ConfigureAwait(false);
                run.Step("direct", $"pg_status={direct.Raw.Root.GetString("pg_status")}  then status: pg_payment_status={status.Raw.Root.GetString("pg_payment_status")}  card {status.CardPan}");
                paid += status.PaymentStatus == Purchase.PaymentStatus.Success ? 1 : 0;
            }

            run.Say(paid == 2
                ? $"Demo finished: the card was entered once and paid with twice ({DemoBuyer.Money(amount)} KZT each), in {run.Steps} steps, every reply signature verified, {run.ElapsedMilliseconds} ms."
                : $"Demo finished: {paid} of 2 payments with the saved card went through, not as expected.");
            return paid == 2 ? ExitCodes.Success : ExitCodes.Failure;
        }

        /// <summary>
        /// cardstorage/add, the buyer typing the test card on the save-card page, the card-saved post to the sandbox's
        /// stand-in shop, and list: the saved card's token, or null when the page refused the card.
        /// </summary>
        internal static async Task<string?> SaveCardAsync(DemoRun run, CancellationToken cancellationToken)
        {
            FreedomPaySandbox sandbox = run.Sandbox;
            FreedomPayClient client = run.Client;
            AddResponse added = await client.Cards.AddAsync(new AddRequest { UserId = Buyer, BackLink = sandbox.Shop.SuccessUrl.AbsoluteUri, PostLink = sandbox.Shop.NotifyUrl.AbsoluteUri }, cancellationToken).ConfigureAwait(false);
            var page = new Uri(added.RedirectUrl);
            run.Step("add", $"pg_status=ok  user {Buyer}  save-card page {page.AbsolutePath}");
            if (!await DemoBuyer.EnterCardAsync(run.Browser, page, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            run.Step("buyer", $"POST card {Redaction.Apply(Runtime.FieldSensitivity.Partial, DemoBuyer.TestCardNumber)} on the save-card page: the card is saved");
            ResultDelivery? delivery = await DemoBuyer.WaitForDeliveryAsync(sandbox, added.PaymentId, cancellationToken).ConfigureAwait(false);
            run.Step("notify", delivery is null
                ? "no card-saved post was answered within 10 s"
                : $"card saved posted to {delivery.Url.AbsolutePath} (pg_status={delivery.Fields.FirstOrDefault(f => f.Key == "pg_status").Value}); the shop answered {DemoBuyer.Answer(delivery)}");
            SavedCard card = (await client.Cards.ListAsync(new ListRequest { UserId = Buyer }, cancellationToken).ConfigureAwait(false)).Card.Last();
            run.Step("list", $"1 saved card: {card.CardHash}, token {Redaction.Hidden}");
            return card.CardToken;
        }
    }
}
