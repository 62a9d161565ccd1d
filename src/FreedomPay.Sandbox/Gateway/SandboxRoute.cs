using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Runtime;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// What the sandbox does at one path: the operation's description (if it has one), the script its requests are
    /// signed for, and the handler; a null handler means the default emulation.
    /// </summary>
    /// <param name="path">The path without its leading '/', e.g. <c>mfs/pay</c>.</param>
    /// <param name="operation">The operation's description; null for the sandbox's own undescribed routes.</param>
    /// <param name="script">The script name requests and replies are signed for.</param>
    /// <param name="handler">What answers; null for the default emulation.</param>
    /// <param name="checkFields">Whether the spec's field rules are checked before the handler (stateful built-ins check their own).</param>
    internal sealed class SandboxRoute(string path, OperationInfo? operation, string script, Func<SandboxCall, Task<SandboxReply>>? handler, bool checkFields = true)
    {
        public string Path { get; } = path;

        public OperationInfo? Operation { get; } = operation;

        public string Script { get; } = script;

        public Func<SandboxCall, Task<SandboxReply>>? Handler { get; } = handler;

        public bool CheckFields { get; } = checkFields && operation is not null;

        /// <summary>Where replies say they failed (the spec's error elements; the Merchant API's without a description).</summary>
        public ResponseErrorShape? Errors => Operation?.Descriptor.Errors;

        /// <summary><c>MobileBalance.Pay</c>, or the path for undescribed routes.</summary>
        public string DisplayName => Operation?.Descriptor.DisplayName ?? Path;

        public static SandboxRoute For(OperationInfo operation, Func<SandboxCall, Task<SandboxReply>>? handler, bool checkFields = true) =>
            new SandboxRoute(KeyOf(operation), operation, operation.Descriptor.ScriptName, handler, checkFields);

        /// <summary>The lookup key of an operation's path: without the leading '/'.</summary>
        public static string KeyOf(OperationInfo operation) => operation.Descriptor.Path.TrimStart('/');
    }

    /// <summary>The routes by path. Registered at start and by handlers a test plugs in while the sandbox runs.</summary>
    internal sealed class RouteTable
    {
        private readonly ConcurrentDictionary<string, SandboxRoute> _routes = new ConcurrentDictionary<string, SandboxRoute>(StringComparer.Ordinal);

        public IReadOnlyList<SandboxRoute> All => _routes.Values.OrderBy(r => r.Path, StringComparer.Ordinal).ToArray();

        public bool TryGet(string path, out SandboxRoute? route) => _routes.TryGetValue(path, out route);

        /// <summary>Serves a path (replacing what served it before).</summary>
        public void Set(SandboxRoute route) => _routes[route.Path] = route;

        /// <summary>Serves a path unless something already does (an area's own description never displaces a stateful route).</summary>
        public void AddIfAbsent(SandboxRoute route) => _routes.TryAdd(route.Path, route);
    }
}
