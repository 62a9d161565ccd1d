using System;

namespace FreedomPay.Runtime
{
    /// <summary>
    /// Turns reply bytes into a trusted <see cref="PgResponse"/>: well-formed XML, a valid signature for the called
    /// script, and no gateway error. Unsigned errors (unknown merchant, code 101) are gateway errors, not signature
    /// failures.
    /// </summary>
    internal static class ReplyReader
    {
        public static PgResponse Read(OperationDescriptor operation, byte[] body, string secretKey, bool verifySignatures)
        {
            PgResponse reply;
            try
            {
                reply = PgXmlReader.Read(body);
            }
            catch (FreedomPayProtocolException ex)
            {
                ex.Operation = operation.DisplayName;
                throw;
            }

            PgElement root = reply.Root;
            ResponseErrorShape errors = operation.Errors;
            string signatureElement = operation.SignatureField ?? PgSignature.SignatureField;
            string? signature = root.GetString(signatureElement);
            bool verify = operation.SignedResponse && verifySignatures;
            if (signature is null)
            {
                if (root.Find(errors.CodeElement) is not null)
                {
                    throw Refused(operation, reply, signed: false);
                }

                if (verify)
                {
                    throw new FreedomPaySignatureException(operation.DisplayName, $"The reply to {operation.DisplayName} carries no <{signatureElement}> signature, so it cannot be trusted.", reply.Xml);
                }
            }
            else if (verify && !PgSignature.FixedTimeEquals(SignatureString.Sign(operation.ScriptName, root, signatureElement, secretKey), signature))
            {
                throw new FreedomPaySignatureException(
                    operation.DisplayName,
                    $"The signature of the reply to {operation.DisplayName} does not match (script '{operation.ScriptName}'). Check that the secret key is the merchant's; otherwise the reply was altered on the way.",
                    reply.Xml);
            }

            if (string.Equals(root.GetString(errors.StatusElement), errors.ErrorValue, StringComparison.Ordinal))
            {
                throw Refused(operation, reply, signed: signature is not null);
            }

            return reply;
        }

        private static FreedomPayGatewayException Refused(OperationDescriptor operation, PgResponse reply, bool signed) =>
            new FreedomPayGatewayException(operation.DisplayName, reply.Root.GetString(operation.Errors.CodeElement), reply.Root.GetString(operation.Errors.DescriptionElement), reply.Xml, signed);
    }
}
