using System;
using System.Globalization;
using System.Text;
using FreedomPay.Sandbox.Payments;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Invoice area (JSON, signed with a detached JWS): Init creates an invoice and a QR code that leads to the
    /// sandbox's invoice page, where the buyer pays it; Info and Status read it; Pay pays it. Replies use the area's
    /// own elements (<c>status</c>, <c>error_code</c>, <c>error_description</c>) and an offset date-time <c>dt</c>.
    /// </summary>
    internal sealed partial class SandboxGateway
    {
        private SandboxReply InvoiceInit(GatewayRequest request, SandboxMerchant merchant)
        {
            InvoiceBill invoice;
            lock (_book.Gate)
            {
                invoice = _book.AddInvoice(new InvoiceBill(
                    merchant.MerchantId,
                    request.Required("order_id"),
                    request.RequiredDecimal("amount", 0.01m, 99999999m),
                    request.Optional("currency") ?? "KZT",
                    request.Required("description"),
                    Now));
            }

            string page = new Uri(_baseAddress(), invoice.PagePath).AbsoluteUri;
            return InvoiceReply(invoice)
                .Add("invoice_methods", new SandboxReply().Set("qr", Convert.ToBase64String(Encoding.UTF8.GetBytes(page))));
        }

        private SandboxReply InvoiceInfo(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                InvoiceBill invoice = _book.FindInvoice(merchant.MerchantId, request.Required("invoice_id"));
                return InvoiceReply(invoice)
                    .Set("order_id", invoice.OrderId)
                    .Set("amount", invoice.Amount)
                    .Set("currency", invoice.Currency)
                    .Set("description", invoice.Description);
            }
        }

        private SandboxReply InvoiceStatus(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                return InvoiceReply(_book.FindInvoice(merchant.MerchantId, request.Required("invoice_id")));
            }
        }

        /// <summary>Pay: the invoice is paid at once (the sandbox's reading of an undocumented call); a paid one is refused.</summary>
        private SandboxReply InvoicePay(GatewayRequest request, SandboxMerchant merchant)
        {
            lock (_book.Gate)
            {
                InvoiceBill invoice = _book.FindInvoice(merchant.MerchantId, request.Required("invoice_id"));
                if (!invoice.Pay(Now))
                {
                    throw new GatewayError(SandboxErrorCodes.WrongState, $"Invoice {invoice.Id} is {invoice.WireState}, not waiting for payment. Nothing was changed.");
                }

                return InvoiceReply(invoice);
            }
        }

        /// <summary>The buyer pays on the invoice page; false when the invoice is no longer waiting.</summary>
        public bool PayInvoiceOnPage(string pageKey)
        {
            lock (_book.Gate)
            {
                return _book.FindInvoiceByPage(pageKey)?.Pay(Now) == true;
            }
        }

        private SandboxReply InvoiceReply(InvoiceBill invoice) => new SandboxReply()
            .Set("status", "ok")
            .Set("invoice_id", invoice.Id)
            .Set("invoice_status", invoice.WireState)
            .Set("dt", Now.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }
}
