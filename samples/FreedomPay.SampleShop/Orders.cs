using System.Collections.Concurrent;
using System.Threading;

namespace FreedomPay.SampleShop;

/// <summary>An order of the shop and where its payment stands (what a real shop keeps in its database).</summary>
public sealed record Order(string Id, decimal Amount, string Description)
{
    public long? PaymentId { get; set; }

    public bool Paid { get; set; }

    public string? FailureReason { get; set; }
}

/// <summary>The shop's orders, in memory.</summary>
public sealed class Orders
{
    private readonly ConcurrentDictionary<string, Order> _orders = new();
    private int _next;

    public Order Create(decimal amount, string description)
    {
        var order = new Order("SHOP-" + Interlocked.Increment(ref _next), amount, description);
        _orders[order.Id] = order;
        return order;
    }

    public Order? Find(string id) => _orders.TryGetValue(id, out Order? order) ? order : null;

    public System.Collections.Generic.IEnumerable<Order> All => _orders.Values;
}
