using System;
using System.Collections.Generic;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Emulation;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox
{
    /// <summary>
    /// One request that reached a handler: its merchant is known and its signature is good. What a test's handler
    /// (<see cref="FreedomPaySandbox.Handle(OperationInfo, Func{SandboxCall, SandboxReply})"/>) reads to script the gateway.
    /// </summary>
    public sealed class SandboxCall
    {
        private readonly SandboxRoute _route;

        internal SandboxCall(SandboxRoute route, GatewayRequest request, SandboxMerchant merchant, FreedomPaySandbox sandbox)
        {
            _route = route;
            Request = request;
            Merchant = merchant;
            Sandbox = sandbox;
        }

        /// <summary>The operation called, as its spec describes it; null for the sandbox's own undescribed routes.</summary>
        public OperationInfo? Operation => _route.Operation;

        /// <summary>The merchant that signed the request.</summary>
        public SandboxMerchant Merchant { get; }

        /// <summary>The sandbox: its payments, SMS inbox, deliveries and merchants, for handlers that keep state.</summary>
        public FreedomPaySandbox Sandbox { get; }

        /// <summary>Every field sent, in order (values as sent).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Fields => Request.Fields;

        internal GatewayRequest Request { get; }

        /// <summary>The first value of a field, or null when it was not sent or is empty.</summary>
        public string? Field(string name) => Request.Optional(name);

        /// <summary>
        /// What the default emulation answers: the described reply with request values echoed where the names match,
        /// the spec's examples, the first enum values and plausible values per type.
        /// </summary>
        /// <exception cref="InvalidOperationException">The route has no description to build a reply from.</exception>
        public SandboxReply DefaultReply() => _route.Operation is { } operation
            ? DefaultReplyBuilder.Build(operation.Descriptor, Request, Sandbox.NewPaymentId, Sandbox.Options.TimeProvider.GetUtcNow())
            : throw new InvalidOperationException($"'{_route.Path}' is served by the sandbox's own code and has no description to build a default reply from.");
    }
}
