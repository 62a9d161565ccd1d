using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Callbacks;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// What the merchant writes: the decisions for FreedomPay's callbacks. It is called only for callbacks whose
    /// signature is valid. Register it in DI (e.g. <c>services.AddScoped&lt;IFreedomPayCallbackHandler, MyHandler&gt;()</c>).
    /// </summary>
    public interface IFreedomPayCallbackHandler
    {
        /// <summary>
        /// A payment finished (<see cref="ResultNotification.Result"/> 1 = paid). FreedomPay repeats the notification
        /// until it gets HTTP 200, so answer a repeat for the same payment with the same reply (see
        /// <see cref="FreedomPayCallbackOptions.RememberReplies"/>). Throwing answers HTTP 500, and FreedomPay retries.
        /// </summary>
        Task<CallbackReply> OnResultAsync(ResultNotification notification, CancellationToken cancellationToken);

        /// <summary>May this order be paid? <see cref="CallbackReply.Ok"/> lets the payment go on; <see cref="CallbackReply.Rejected"/> refuses it.</summary>
        Task<CallbackReply> OnCheckAsync(CheckRequest request, CancellationToken cancellationToken);
    }
}
