using System;
using FreedomPay;
using FreedomPay.MobileBalance;

// Usage: FreedomPay.AotSmoke <base-url> <merchant-id> <secret-key>
// Runs init -> pay (a phone that is charged at once) -> status and prints one line; exit 0 when paid.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: FreedomPay.AotSmoke <base-url> <merchant-id> <secret-key>");
    return 2;
}

using var client = new FreedomPayClient(new FreedomPayClientOptions { BaseAddress = new Uri(args[0]), MerchantId = args[1], SecretKey = args[2] });
InitResponse init = await client.MobileBalance.InitAsync(new InitRequest { Amount = 12.34m, Currency = "KZT", Description = "Native AOT" });
PayResponse pay = await client.MobileBalance.PayAsync(new PayRequest { PaymentId = init.PaymentId, AbonentPhone = "77077777777" });
StatusResponse status = await client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = init.PaymentId });
Console.WriteLine($"aot: payment {init.PaymentId} pay={pay.Status} status={status.PaymentStatus} amount={status.Amount}");
return status.PaymentStatus == PaymentStatus.Success ? 0 : 1;
