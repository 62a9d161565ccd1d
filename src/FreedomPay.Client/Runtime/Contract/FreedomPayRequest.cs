namespace FreedomPay.Runtime
{
    /// <summary>
    /// Base of every generated request: a <see cref="FreedomPayRequestPart"/> that an operation sends. Its fields
    /// may hold lists and nested objects of further parts.
    /// </summary>
    public abstract class FreedomPayRequest : FreedomPayRequestPart
    {
        /// <summary>Called by generated requests.</summary>
        protected FreedomPayRequest()
        {
        }
    }
}
