using System;
using System.Globalization;
using System.Threading;

namespace FreedomPay.Cli.Output
{
    /// <summary>
    /// "waiting for MobileBalance.Pay... 3 s" on a terminal's stderr while a call has not answered for a second or
    /// more, rewritten in place each second and cleared when the reply comes. Nothing at all in a pipe or a log.
    /// </summary>
    internal sealed class WaitingIndicator : IDisposable
    {
        private readonly CliEnvironment _environment;
        private readonly string _operation;
        private readonly Timer? _timer;
        private readonly object _gate = new();
        private int _seconds;
        private int _written;
        private bool _done;

        private WaitingIndicator(CliEnvironment environment, string operation, TimeSpan firstAfter, TimeSpan every)
        {
            _environment = environment;
            _operation = operation;
            _timer = environment.ErrorIsTerminal ? new Timer(_ => Tick(), null, firstAfter, every) : null;
        }

        public static WaitingIndicator Start(CliEnvironment environment, string operation) =>
            new(environment, operation, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        private void Tick()
        {
            lock (_gate)
            {
                if (_done)
                {
                    return;
                }

                string line = $"waiting for {_operation}... {(++_seconds).ToString(CultureInfo.InvariantCulture)} s";
                _environment.Error.Write("\r" + line.PadRight(_written));
                _environment.Error.Flush();
                _written = line.Length;
            }
        }

        public void Dispose()
        {
            _timer?.Dispose();
            lock (_gate)
            {
                _done = true;
                if (_written > 0)
                {
                    _environment.Error.Write("\r" + new string(' ', _written) + "\r");
                    _environment.Error.Flush();
                }
            }
        }
    }
}
