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

        /// <summary>Whether an area the caller adds may serve this path instead (the Cards and Payouts routes).</summary>
        public bool YieldsToCallerAreas { get; init; }

        /// <summary>
        /// The keys a request may be signed with, by name (null: the merchant's main key); the reply is signed with
        /// the one that verified. From the operation's area (<c>secret:</c>), unless a shared path takes several.
        /// </summary>
        public IReadOnlyList<string?> SecretNames { get; init; } = new[] { operation?.Descriptor.SecretName };

        /// <summary>Where replies say they failed (the spec's error elements; the Merchant API's without a description).</summary>
        public ResponseErrorShape? Errors => Operation?.Descriptor.Errors;

        /// <summary>
        /// Other operations the gateway serves at this same path (<c>g2g/payment</c>: a card, a token, Apple Pay, Google
        /// Pay), each answered by the default emulation. Which one a request is for is read from the request itself.
        /// </summary>
        public IReadOnlyList<SandboxRoute> Variants => _variants;

        private SandboxRoute[] _variants = Array.Empty<SandboxRoute>();

        /// <summary>
        /// Serves another described operation at this path too, when both are the default emulation's (a packaged
        /// operation never joins a stateful route: the sandbox's own code registers its variants, <see cref="AddVariant"/>).
        /// </summary>
        public bool TryAddVariant(SandboxRoute variant)
        {
            if (Handler is not null || variant.Handler is not null || Operation is null || variant.Operation is null || Operation == variant.Operation)
            {
                return false;
            }

            AddVariant(variant);
            return true;
        }

        /// <summary>Serves another described operation at this path too.</summary>
        public void AddVariant(SandboxRoute variant)
        {
            if (Operation is null || variant.Operation is null || Operation == variant.Operation)
            {
                throw new System.InvalidOperationException($"Only described operations share a path ('{Path}').");
            }

            _variants = _variants.Append(variant).ToArray();
        }

        /// <summary>
        /// The route a request is for, when several operations share the path: among those whose constants the request
        /// carries with their values (<c>pg_payment_method=apple_pay</c>), one whose required fields are all given,
        /// the one with the most constants first; else this route, whose rules then say what is missing.
        /// </summary>
        public SandboxRoute Serving(GatewayRequest request)
        {
            if (_variants.Length == 0)
            {
                return this;
            }

            SandboxRoute? best = null;
            int bestConstants = -1;
            foreach (SandboxRoute candidate in _variants.Prepend(this))
            {
                if (RouteMatch.Constants(candidate.Operation!.Fields, request) is { } constants && constants > bestConstants && RouteMatch.HasRequiredFields(candidate.Operation.Fields, request))
                {
                    (best, bestConstants) = (candidate, constants);
                }
            }

            return best ?? this;
        }

        /// <summary>
        /// The route a JSON request is for, when several operations share the path (<c>v5/g2g/read</c>,
        /// <c>v5/g2g/edit</c>): the one whose constant headers (X-Action) the request carries with their values, the one
        /// with the most first; else this route.
        /// </summary>
        public SandboxRoute Serving(Microsoft.AspNetCore.Http.IHeaderDictionary headers)
        {
            SandboxRoute best = this;
            int bestHeaders = -1;
            foreach (SandboxRoute candidate in _variants.Length == 0 ? System.Array.Empty<SandboxRoute>() : _variants.Prepend(this))
            {
                if (RouteMatch.Headers(candidate.Operation!.Descriptor, headers) is { } count && count > bestHeaders)
                {
                    (best, bestHeaders) = (candidate, count);
                }
            }

            return best;
        }

        /// <summary><c>MobileBalance.Pay</c>, or the path for undescribed routes.</summary>
        public string DisplayName => Operation?.Descriptor.DisplayName ?? Path;

        public static SandboxRoute For(OperationInfo operation, Func<SandboxCall, Task<SandboxReply>>? handler, bool checkFields = true) =>
            new SandboxRoute(KeyOf(operation), operation, operation.Descriptor.ScriptName, handler, checkFields);

        /// <summary>The lookup key of an operation's path: without the leading '/'.</summary>
        public static string KeyOf(OperationInfo operation) => operation.Descriptor.Path.TrimStart('/');
    }

    /// <summary>
    /// The routes by path. Registered at start and by handlers a test plugs in while the sandbox runs. A path with
    /// parameters (<c>v1/merchant/{merchant-id}/card/init</c>) matches any value in those segments.
    /// </summary>
    internal sealed class RouteTable
    {
        private static readonly KeyValuePair<string, string>[] NoParameters = Array.Empty<KeyValuePair<string, string>>();
        private readonly ConcurrentDictionary<string, SandboxRoute> _routes = new ConcurrentDictionary<string, SandboxRoute>(StringComparer.Ordinal);

        public IReadOnlyList<SandboxRoute> All => _routes.Values.OrderBy(r => r.Path, StringComparer.Ordinal).ToArray();

        /// <summary>The route of a request path, and the values of its parameters (by parameter name).</summary>
        public bool TryGet(string path, out SandboxRoute? route, out IReadOnlyList<KeyValuePair<string, string>> parameters)
        {
            parameters = NoParameters;
            // A template never matches as text: "{merchant-id}" sent literally is a value, checked like any other.
            if (_routes.TryGetValue(path, out route) && path.IndexOf('{') < 0)
            {
                return true;
            }

            string[] segments = path.Split('/');
            foreach (SandboxRoute candidate in _routes.Values)
            {
                if (candidate.Path.IndexOf('{') >= 0 && Match(candidate.Path.Split('/'), segments) is { } values)
                {
                    route = candidate;
                    parameters = values;
                    return true;
                }
            }

            return false;
        }

        private static List<KeyValuePair<string, string>>? Match(string[] template, string[] segments)
        {
            if (template.Length != segments.Length)
            {
                return null;
            }

            var values = new List<KeyValuePair<string, string>>();
            for (int i = 0; i < template.Length; i++)
            {
                if (template[i].StartsWith("{", StringComparison.Ordinal))
                {
                    if (segments[i].Length == 0)
                    {
                        return null;
                    }

                    values.Add(new KeyValuePair<string, string>(template[i].Substring(1, template[i].Length - 2), Uri.UnescapeDataString(segments[i])));
                }
                else if (!string.Equals(template[i], segments[i], StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return values;
        }

        /// <summary>Serves a path (replacing what served it before).</summary>
        public void Set(SandboxRoute route) => _routes[route.Path] = route;

        /// <summary>Serves one of the sandbox's own routes; a second operation at a path becomes a variant of the first.</summary>
        public void AddOwn(SandboxRoute route)
        {
            if (!_routes.TryAdd(route.Path, route))
            {
                _routes[route.Path].AddVariant(route);
            }
        }

        /// <summary>Serves a path unless a route that must not be displaced does (Mobile balance and Purchase keep theirs).</summary>
        public void AddUnlessStateful(SandboxRoute route)
        {
            if (!_routes.TryGetValue(route.Path, out SandboxRoute? existing) || existing.YieldsToCallerAreas)
            {
                _routes[route.Path] = route;
            }
        }

        /// <summary>
        /// Serves a path unless something already does (an area's own description never displaces a stateful route);
        /// another described operation at a path the default emulation serves becomes one of its variants.
        /// </summary>
        public void AddIfAbsent(SandboxRoute route)
        {
            if (!_routes.TryAdd(route.Path, route))
            {
                _routes[route.Path].TryAddVariant(route);
            }
        }
    }
}
