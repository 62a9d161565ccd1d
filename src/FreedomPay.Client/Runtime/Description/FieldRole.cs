namespace FreedomPay.Runtime
{
    /// <summary>What a request field is for, beyond carrying the caller's value.</summary>
    public enum FieldRole
    {
        /// <summary>A value the caller gives.</summary>
        Value = 0,

        /// <summary>A value the caller gives that identifies the payment (logs and traces show it).</summary>
        PaymentId = 1,

        /// <summary>A fixed value the spec gives (<see cref="RequestField.ConstantValue"/>).</summary>
        Constant = 2,

        /// <summary>The merchant id, filled from the client options.</summary>
        MerchantId = 3,

        /// <summary>A fresh random salt, filled on every attempt.</summary>
        Salt = 4,

        /// <summary>The request's signature, filled on every attempt.</summary>
        Signature = 5,

        /// <summary>A request id (a UUID), new per call and the same for every attempt of it.</summary>
        RequestId = 6,
    }
}
