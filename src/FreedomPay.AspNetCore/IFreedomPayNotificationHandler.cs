using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Runtime;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// What the merchant writes for a notification answered with plain HTTP 200 (the spec's <c>reply: http-200</c>),
    /// such as <c>FreedomPay.Payouts.PayoutNotification</c> or <c>FreedomPay.Cards.CardSaved</c>. Called only when
    /// the notification is validly signed with the key its area names. Returning answers HTTP 200; throwing answers
    /// HTTP 500 and FreedomPay posts again later, so the same notification can arrive more than once: act on its id once.
    /// Register it in DI (e.g. <c>services.AddScoped&lt;IFreedomPayNotificationHandler&lt;PayoutNotification&gt;, Payouts&gt;()</c>).
    /// </summary>
    /// <typeparam name="TNotification">The generated callback type.</typeparam>
    public interface IFreedomPayNotificationHandler<in TNotification>
        where TNotification : FreedomPayCallback
    {
        /// <summary>A verified notification arrived.</summary>
        Task OnNotificationAsync(TNotification notification, CancellationToken cancellationToken);
    }
}
