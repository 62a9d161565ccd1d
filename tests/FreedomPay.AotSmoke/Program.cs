using System;
using FreedomPay;
using FreedomPay.MobileBalance;

// Usage: FreedomPay.AotSmoke <base-url> <merchant-id> <secret-key>
// Runs init -> pay (a phone that is charged at once) -> status, then an invoice (the JSON protocol: Utf8JsonWriter
// body, detached JWS, JSON reply) and prints two lines; exit 0 when both went through.
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
FreedomPay.Invoice.InitResponse invoice = await client.Invoice.InitAsync(new FreedomPay.Invoice.InitRequest { OrderId = "AOT-1", Amount = 56.78m, Description = "Native AOT", InvoiceMethod = FreedomPay.Invoice.InvoiceMethod.Qr });
Console.WriteLine($"aot: invoice status={invoice.Status} invoice_status={invoice.InvoiceStatus} qr={(invoice.InvoiceMethods?.Qr is { Length: > 0 } ? "yes" : "no")}");
return status.PaymentStatus == PaymentStatus.Success && invoice.InvoiceStatus == FreedomPay.Invoice.InvoiceStatus.Process ? 0 : 1;
