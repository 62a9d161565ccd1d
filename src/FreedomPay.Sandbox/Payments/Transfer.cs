using System;
using System.Security.Cryptography;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox.Payments
{
    /// <summary>
    /// A card-to-card transfer of the Gateway API (g2g/p2p/transfer): debited from the sender's card, credited to the
    /// recipient's. A sender's card that asks for 3-D Secure waits (process) until the code is typed on the sandbox's
    /// 3-D Secure page and the merchant completes it (g2g/p2p/transfer_acs); a wrong code fails it.
    /// </summary>
    internal sealed class Transfer(long id, string merchantId, string? orderId, decimal amount, string currencyFrom, string currencyTo, decimal payoutAmount, DateTimeOffset createdAt)
    {
        public long Id { get; } = id;

        public string MerchantId { get; } = merchantId;

        public string? OrderId { get; } = orderId;

        public decimal Amount { get; } = amount;

        public string CurrencyFrom { get; } = currencyFrom;

        public string CurrencyTo { get; } = currencyTo;

        public decimal PayoutAmount { get; } = payoutAmount;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        /// <summary>success, process (waiting for 3-D Secure) or error, as the transfer replies write it.</summary>
        public string Status { get; private set; } = "process";

        public DateTimeOffset? PaidAt { get; private set; }

        /// <summary>The masks and tokens the replies show (a token when the side paid or was saved with one).</summary>
        public string SenderMask { get; init; } = string.Empty;

        public string RecipientMask { get; init; } = string.Empty;

        public string? SenderToken { get; init; }

        public string? RecipientToken { get; init; }

        /// <summary>The key of the sender's 3-D Secure page; null when none is open.</summary>
        public string? PageKey { get; private set; }

        /// <summary>What the 3-D Secure page said: null until the code is typed.</summary>
        public bool? CodePassed { get; private set; }

        public void Succeed(DateTimeOffset now)
        {
            Status = "success";
            PaidAt = now;
            PageKey = null;
        }

        /// <summary>The sender's card asks for 3-D Secure: a page is opened, the transfer waits.</summary>
        public string AwaitCode()
        {
            PageKey = RandomNumberGenerator.GetHexString(32, lowercase: true);
            return PageKey;
        }

        /// <summary>The code typed on the page; the transfer stays in process until the merchant completes it.</summary>
        public void TypeCode(bool passed) => CodePassed = passed;

        /// <summary>g2g/p2p/transfer_acs: success when the code was right, a failed transfer otherwise.</summary>
        public void Complete(DateTimeOffset now)
        {
            if (Status != "process" || PageKey is null)
            {
                throw new GatewayError(SandboxErrorCodes.WrongState, $"Transfer {Id} does not wait for 3-D Secure (it is {Status}). Nothing was changed.");
            }

            switch (CodePassed)
            {
                case null:
                    throw new GatewayError(SandboxErrorCodes.WrongState, $"Transfer {Id} waits for the sender to type the 3-D Secure code on its page. Nothing was changed.");
                case false:
                    Status = "error";
                    PageKey = null;
                    throw new GatewayError(SandboxErrorCodes.ThreeDsFailed, "3-D Secure failed: the sender's code was wrong. The transfer has failed.");
                default:
                    Succeed(now);
                    break;
            }
        }
    }
}
