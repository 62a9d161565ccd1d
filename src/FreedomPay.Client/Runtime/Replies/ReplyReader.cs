namespace FreedomPay.Runtime
{
    /// <summary>
    /// Turns reply bytes into a trusted <see cref="PgResponse"/>: well-formed XML within the limits, a valid
    /// signature for the called script, and no gateway error. Only the errors the spec lists as unsigned (the merchant
    /// was not identified) are believed without a signature. A reply that cannot be trusted is a
    /// <see cref="FreedomPaySignatureException"/>; for a call that moves money it is a
    /// <see cref="FreedomPayOutcomeUnknownException"/> around it, because the gateway may have acted on the call.
    /// </summary>
    internal static class ReplyReader
    {
        /// <param name="operation">The operation called.</param>
        /// <param name="body">The reply's bytes.</param>
        /// <param name="length">How many of them.</param>
        /// <param name="limits">The reader's limits.</param>
        /// <param name="secretKey">The key that signs the reply.</param>
        /// <param name="verifySignatures">False only where the options turn checking off.</param>
        /// <param name="errorStatus">
        /// True when the reply came with an HTTP status the area's error shape lists (<see cref="ResponseErrorShape.HttpStatuses"/>):
        /// it can only be a refusal.
        /// </param>
        public static PgResponse Read(OperationDescriptor operation, byte[] body, int length, MessageLimits limits, string secretKey, bool verifySignatures, bool errorStatus = false)
        {
            PgResponse reply = operation.Encoding == RequestEncoding.Json ? PgJsonReader.Read(body, length, limits) : PgXmlReader.Read(body, length, limits);
            PgElement root = reply.Root;
            ResponseErrorShape errors = operation.Errors;
            string signatureElement = operation.SignatureField ?? PgSignature.SignatureField;
            PgElement? signatureNode = root.Find(signatureElement);
            MarkSensitive(operation, root, signatureNode);
            string? signature = signatureNode?.Value;
            // Only pg_sig signs replies; the header schemes sign requests (the docs show no signed reply).
            bool verify = operation.SignedResponse && operation.Auth == AuthScheme.PgSig && verifySignatures;
            if (errorStatus)
            {
                // HTTP 422 and the like: the gateway refused the request (nothing was done), and says why in the body.
                throw errors.CodeOf(root) is null
                    ? new FreedomPayProtocolException($"The gateway refused {operation.DisplayName} with an HTTP error status, and its reply carries no error code ({errors.CodeElement}).") { Operation = operation.DisplayName }
                    : Refused(operation, reply, signed: operation.Auth != AuthScheme.PgSig);
            }

            if (signature is null)
            {
                // Without an outcome element, a code is an error only in a reply that holds nothing else (SaysFailed).
                string? code = errors.CodeOf(root)?.Trim();
                if (code is not null && (errors.HasStatus || errors.SaysFailed(root)) && (!verify || errors.MayBeUnsigned(code)))
                {
                    throw Refused(operation, reply, signed: operation.Auth != AuthScheme.PgSig);
                }

                if (verify)
                {
                    throw Untrusted(operation, reply, code is null
                        ? $"The reply to {operation.DisplayName} carries no <{signatureElement}> signature, so it cannot be trusted."
                        : $"The reply to {operation.DisplayName} is an error (code {Shorten(code)}) without a <{signatureElement}> signature. The gateway leaves only the error for an unidentified merchant ({string.Join(", ", errors.UnsignedCodes)}) unsigned, so this one cannot be trusted: it may have been made up on the way.");
                }
            }
            else if (verify && !PgSignature.FixedTimeEquals(SignatureString.Sign(operation.ScriptName, root, signatureElement, secretKey), signature))
            {
                throw Untrusted(
                    operation,
                    reply,
                    $"The signature of the reply to {operation.DisplayName} does not match (script '{operation.ScriptName}'). Check that the secret key is the merchant's; otherwise the reply was altered on the way.");
            }

            if (errors.SaysFailed(root))
            {
                throw Refused(operation, reply, signed: signature is not null || operation.Auth != AuthScheme.PgSig);
            }

            return reply;
        }

        /// <summary>
        /// Marks the signature (found once, for checking too) and the elements the reply's shape calls sensitive
        /// (<see cref="ReplyMasks"/>), so that their ToString masks them.
        /// </summary>
        private static void MarkSensitive(OperationDescriptor operation, PgElement root, PgElement? signature)
        {
            if (signature is not null)
            {
                signature.Sensitivity = FieldSensitivity.Hidden;
            }

            operation.Masks?.Apply(root);
        }

        private static FreedomPayGatewayException Refused(OperationDescriptor operation, PgResponse reply, bool signed) =>
            new FreedomPayGatewayException(operation.DisplayName, operation.Errors.CodeOf(reply.Root), operation.Errors.DescriptionOf(reply.Root), reply.Xml, signed);

        private static FreedomPayException Untrusted(OperationDescriptor operation, PgResponse reply, string problem)
        {
            var failure = new FreedomPaySignatureException(operation.DisplayName, problem, reply.Xml);
            return operation.SafeToRetry
                ? failure
                : new FreedomPayOutcomeUnknownException(operation.DisplayName, $"{problem} {operation.DisplayName} may have been carried out all the same: check the payment's status before sending it again.", failure);
        }

        private static string Shorten(string text) => text.Length <= 16 ? text : text.Substring(0, 16) + "...";
    }
}
