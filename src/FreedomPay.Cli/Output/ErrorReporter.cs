using System;
using System.IO;

namespace FreedomPay.Cli.Output
{
    /// <summary>Turns what went wrong into an exit code and a message that says what to do next.</summary>
    internal static class ErrorReporter
    {
        public static int Report(Exception exception, TextWriter error)
        {
            (int code, string message) = exception switch
            {
                FreedomPayValidationException v => (ExitCodes.Usage, v.Message),
                // Once: the code and the description, and the unsigned-reply advice when there is one.
                FreedomPayGatewayException g => (ExitCodes.Gateway, $"gateway error {g.ErrorCode ?? "(no code)"}: {g.ErrorDescription ?? "no description"}" + (g.IsSigned ? string.Empty : " (unsigned: the gateway did not identify the merchant; check the merchant id and the base address)")),
                FreedomPaySignatureException s => (ExitCodes.SignatureOrProtocol, s.Message),
                FreedomPayProtocolException p => (ExitCodes.SignatureOrProtocol, p.Message),
                FreedomPayNetworkException n => (ExitCodes.Network, n.Message),
                FreedomPayOutcomeUnknownException u => (ExitCodes.Network, "outcome unknown: " + u.Message),
                OperationCanceledException => (ExitCodes.Canceled, "Interrupted."),
                ArgumentException a => (ExitCodes.Usage, a.Message),
                UsageException u => (ExitCodes.Usage, u.Message),
                _ => throw exception,
            };
            error.WriteLine("error: " + message);
            return code;
        }
    }

    /// <summary>A command line the tool cannot act on (e.g. no credentials); exit code 2.</summary>
    internal sealed class UsageException(string message) : Exception(message);
}
