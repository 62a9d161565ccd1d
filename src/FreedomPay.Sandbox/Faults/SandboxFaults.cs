using System;
using System.Collections.Generic;
using FreedomPay.MobileBalance;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Gateway;

namespace FreedomPay.Sandbox
{
    /// <summary>The Mobile balance operations, by name (fault injection also takes any operation's <c>OperationInfo</c>).</summary>
    public enum SandboxOperation
    {
        /// <summary>POST /init_payment.php</summary>
        Init,

        /// <summary>POST /mfs/pay</summary>
        Pay,

        /// <summary>POST /mfs/approve</summary>
        Approve,

        /// <summary>POST /mfs/resend_code</summary>
        ResendCode,

        /// <summary>POST /get_status3.php</summary>
        Status,

        /// <summary>POST /get_status2.php: status by the merchant's order id (not in the generated client; for custom specs).</summary>
        StatusByOrder,
    }

    /// <summary>What goes wrong.</summary>
    public enum SandboxFaultKind
    {
        /// <summary>The reply is delayed by <see cref="SandboxFault.Delay"/> (the request is still processed).</summary>
        Latency,

        /// <summary>HTTP 500 instead of a reply; the request is not processed.</summary>
        HttpError,

        /// <summary>The connection is cut with no reply. With <see cref="SandboxFault.AfterProcessing"/> the request took effect.</summary>
        DropConnection,

        /// <summary>The request is processed, but the reply is cut off mid-XML.</summary>
        MalformedReply,

        /// <summary>The request is processed, but the reply's pg_sig is wrong.</summary>
        WrongSignature,
    }

    /// <summary>One fault, applied to the next <see cref="Times"/> requests of an operation.</summary>
    public sealed record SandboxFault(SandboxFaultKind Kind, TimeSpan Delay = default, bool AfterProcessing = false, int Times = 1)
    {
        /// <summary>Delays the reply.</summary>
        public static SandboxFault Latency(TimeSpan delay, int times = 1) => new SandboxFault(SandboxFaultKind.Latency, delay, Times: times);

        /// <summary>Answers HTTP 500 without processing the request.</summary>
        public static SandboxFault HttpError(int times = 1) => new SandboxFault(SandboxFaultKind.HttpError, Times: times);

        /// <summary>Cuts the connection; by default after the request took effect ("the reply never came").</summary>
        public static SandboxFault DropConnection(bool afterProcessing = true, int times = 1) => new SandboxFault(SandboxFaultKind.DropConnection, AfterProcessing: afterProcessing, Times: times);

        /// <summary>Processes the request and sends half a reply.</summary>
        public static SandboxFault MalformedReply(int times = 1) => new SandboxFault(SandboxFaultKind.MalformedReply, AfterProcessing: true, Times: times);

        /// <summary>Processes the request and signs the reply wrongly.</summary>
        public static SandboxFault WrongSignature(int times = 1) => new SandboxFault(SandboxFaultKind.WrongSignature, AfterProcessing: true, Times: times);
    }

    /// <summary>Faults queued per operation; each request takes the next one (if any) and uses up one of its times.</summary>
    public sealed class SandboxFaults
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, Queue<(SandboxFault Fault, int Left)>> _queues = new Dictionary<string, Queue<(SandboxFault, int)>>(StringComparer.Ordinal);

        /// <summary>Queues a fault for the next requests of a Mobile balance operation.</summary>
        public void Add(SandboxOperation operation, SandboxFault fault) => Add(PathOf(operation), fault);

        /// <summary>Queues a fault for the next requests of any operation the sandbox serves (e.g. <c>OrdersClient.StatusByOrderInfo</c>).</summary>
        public void Add(OperationInfo operation, SandboxFault fault) =>
            Add(SandboxRoute.KeyOf(operation ?? throw new ArgumentNullException(nameof(operation))), fault);

        /// <summary>Removes every queued fault.</summary>
        public void Clear()
        {
            lock (_gate)
            {
                _queues.Clear();
            }
        }

        internal SandboxFault? Take(string path)
        {
            lock (_gate)
            {
                if (!_queues.TryGetValue(path, out var queue) || queue.Count == 0)
                {
                    return null;
                }

                var (fault, left) = queue.Dequeue();
                if (left > 1)
                {
                    // Put it back at the front: rebuild the queue with this fault first.
                    var rest = queue.ToArray();
                    queue.Clear();
                    queue.Enqueue((fault, left - 1));
                    foreach (var item in rest)
                    {
                        queue.Enqueue(item);
                    }
                }

                return fault;
            }
        }

        private void Add(string path, SandboxFault fault)
        {
            if (fault is null || fault.Times < 1)
            {
                throw new ArgumentException("A fault needs Times of 1 or more.", nameof(fault));
            }

            lock (_gate)
            {
                if (!_queues.TryGetValue(path, out var queue))
                {
                    _queues[path] = queue = new Queue<(SandboxFault, int)>();
                }

                queue.Enqueue((fault, fault.Times));
            }
        }

        private static string PathOf(SandboxOperation operation) => operation switch
        {
            SandboxOperation.Init => SandboxRoute.KeyOf(MobileBalanceClient.InitInfo),
            SandboxOperation.Pay => SandboxRoute.KeyOf(MobileBalanceClient.PayInfo),
            SandboxOperation.Approve => SandboxRoute.KeyOf(MobileBalanceClient.ApproveInfo),
            SandboxOperation.ResendCode => SandboxRoute.KeyOf(MobileBalanceClient.ResendCodeInfo),
            SandboxOperation.Status => SandboxRoute.KeyOf(MobileBalanceClient.StatusInfo),
            SandboxOperation.StatusByOrder => SandboxGateway.StatusByOrderPath,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not a sandbox operation."),
        };
    }
}
