using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// An operation as the spec describes it, and a way to send it from text values keyed by wire name. Generated
    /// per operation (e.g. <c>MobileBalanceClient.PayInfo</c>); tools build commands and forms from it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Advanced)]
    public abstract class OperationInfo
    {
        private protected OperationInfo(OperationDescriptor descriptor, string? summary)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            Summary = summary;
        }

        /// <summary>Where and how the operation is sent.</summary>
        public OperationDescriptor Descriptor { get; }

        /// <summary>The spec's summary, if any.</summary>
        public string? Summary { get; }

        /// <summary>The request's fields; <see cref="RequestFieldTable.CallerFields"/> are those a caller gives.</summary>
        public RequestFieldTable Fields => Descriptor.Fields;

        /// <summary>Describes an operation (called by generated code).</summary>
        /// <param name="descriptor">Where and how it is sent.</param>
        /// <param name="summary">The spec's summary.</param>
        /// <param name="fromText">Builds the typed request from text values.</param>
        /// <param name="parse">Reads the typed reply.</param>
        public static OperationInfo Create<TRequest, TResponse>(OperationDescriptor descriptor, string? summary, Func<FieldValues, TRequest> fromText, Func<PgResponse, TResponse> parse)
            where TRequest : FreedomPayRequest
            where TResponse : FreedomPayResponse =>
            new Typed<TRequest, TResponse>(descriptor, summary, fromText, parse);

        /// <summary>Builds the typed request from text values (keyed by wire name) and sends it.</summary>
        /// <exception cref="FreedomPayValidationException">A value is missing, malformed or breaks a rule; nothing was sent.</exception>
        public abstract Task<FreedomPayResponse> SendAsync(FreedomPayConnection connection, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends it from text values and returns the trusted reply as read (its signature checked), without the typed
        /// response, which would stop at the first element that breaks the spec: <c>freedompay verify</c> lists them all.
        /// </summary>
        internal abstract Task<PgResponse> SendForReplyAsync(FreedomPayConnection connection, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken);

        private sealed class Typed<TRequest, TResponse> : OperationInfo
            where TRequest : FreedomPayRequest
            where TResponse : FreedomPayResponse
        {
            private readonly Func<FieldValues, TRequest> _fromText;
            private readonly Func<PgResponse, TResponse> _parse;

            public Typed(OperationDescriptor descriptor, string? summary, Func<FieldValues, TRequest> fromText, Func<PgResponse, TResponse> parse)
                : base(descriptor, summary)
            {
                _fromText = fromText ?? throw new ArgumentNullException(nameof(fromText));
                _parse = parse ?? throw new ArgumentNullException(nameof(parse));
            }

            public override async Task<FreedomPayResponse> SendAsync(FreedomPayConnection connection, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
            {
                if (connection is null)
                {
                    throw new ArgumentNullException(nameof(connection));
                }

                if (values is null)
                {
                    throw new ArgumentNullException(nameof(values));
                }

                TRequest request = _fromText(new FieldValues(Descriptor.DisplayName, Fields, values));
                return await connection.SendAsync(Descriptor, request, _parse, cancellationToken).ConfigureAwait(false);
            }

            internal override Task<PgResponse> SendForReplyAsync(FreedomPayConnection connection, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
            {
                TRequest request = _fromText(new FieldValues(Descriptor.DisplayName, Fields, values));
                return connection.SendAsync(Descriptor, request, static raw => raw, cancellationToken);
            }
        }
    }
}
