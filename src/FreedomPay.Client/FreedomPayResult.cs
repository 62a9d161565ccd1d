using System;
using System.Threading.Tasks;
using FreedomPay.Runtime;

namespace FreedomPay
{
    /// <summary>
    /// A reply or a gateway refusal, for callers who treat declines as ordinary results rather than exceptions:
    /// <c>var result = await client.MobileBalance.PayAsync(request).AsResultAsync();</c>. Only refusals
    /// (<c>pg_status=error</c>) become results; validation, signature, protocol and network problems still throw.
    /// </summary>
    public sealed class FreedomPayResult<T>
        where T : FreedomPayResponse
    {
        private readonly T? _value;

        private FreedomPayResult(T? value, FreedomPayGatewayException? refusal)
        {
            _value = value;
            Refusal = refusal;
        }

        /// <summary>True when the gateway accepted the call.</summary>
        public bool IsSuccess => Refusal is null;

        /// <summary>The reply; throws the refusal when there is none.</summary>
        public T Value => _value ?? throw Refusal!;

        /// <summary>The gateway's refusal (code, description, raw XML), or null on success.</summary>
        public FreedomPayGatewayException? Refusal { get; }

        internal static FreedomPayResult<T> Success(T value) => new FreedomPayResult<T>(value, null);

        internal static FreedomPayResult<T> Refused(FreedomPayGatewayException refusal) => new FreedomPayResult<T>(null, refusal);

        /// <inheritdoc/>
        public override string ToString() => IsSuccess ? "Success: " + typeof(T).Name : $"Refused: error {Refusal!.ErrorCode}, {Refusal.ErrorDescription}";
    }

    /// <summary>Turns a call into a <see cref="FreedomPayResult{T}"/>.</summary>
    public static class FreedomPayResultExtensions
    {
        /// <summary>Awaits the call; a gateway refusal becomes a result instead of an exception.</summary>
        public static async Task<FreedomPayResult<T>> AsResultAsync<T>(this Task<T> call)
            where T : FreedomPayResponse
        {
            if (call is null)
            {
                throw new ArgumentNullException(nameof(call));
            }

            try
            {
                return FreedomPayResult<T>.Success(await call.ConfigureAwait(false));
            }
            catch (FreedomPayGatewayException refusal)
            {
                return FreedomPayResult<T>.Refused(refusal);
            }
        }
    }
}
