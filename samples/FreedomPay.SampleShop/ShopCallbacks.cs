using System.Threading;
using System.Threading.Tasks;
using FreedomPay.AspNetCore;
using FreedomPay.Callbacks;

namespace FreedomPay.SampleShop;

/// <summary>
/// The shop's answers to FreedomPay: Check agrees to a payment only for a known order of that amount; Result notify
/// marks the order paid (or records why not). Called only for validly signed callbacks.
/// </summary>
public sealed class ShopCallbacks(Orders orders) : IFreedomPayCallbackHandler
{
    public Task<CallbackReply> OnCheckAsync(CheckRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(orders.Find(request.OrderId) is { } order && order.Amount == request.Amount
            ? CallbackReply.Ok()
            : CallbackReply.Rejected("Unknown order or another amount."));

    public Task<CallbackReply> OnResultAsync(ResultNotification notification, CancellationToken cancellationToken)
    {
        if (orders.Find(notification.OrderId) is not { } order)
        {
            return Task.FromResult(CallbackReply.Rejected("Unknown order."));
        }

        order.PaymentId = notification.PaymentId;
        order.Paid = notification.Result == 1;
        order.FailureReason = order.Paid ? null : notification.FailureDescription ?? "not paid";
        return Task.FromResult(CallbackReply.Ok("Order " + order.Id + " recorded."));
    }
}
