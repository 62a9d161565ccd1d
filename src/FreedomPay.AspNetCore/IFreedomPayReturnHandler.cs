using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Callbacks;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.AspNetCore
{
    /// <summary>
    /// The shop's page for the buyer coming back from FreedomPay's page (Redirect back to pg_success_url or
    /// pg_failure_url). Called only when the return is validly signed. It is a browser request: nothing is answered
    /// to the gateway, the result is the page the buyer sees. The Result notify stays the authoritative signal: show
    /// where the order stands, do not complete it here. Register it in DI to have <c>MapFreedomPayCallbacks</c> map
    /// <c>{prefix}/success</c> and <c>{prefix}/failure</c>.
    /// </summary>
    public interface IFreedomPayReturnHandler
    {
        /// <summary>The buyer is back; <paramref name="succeeded"/> tells which URL they came to.</summary>
        Task<IResult> OnReturnAsync(RedirectBack back, bool succeeded, CancellationToken cancellationToken);
    }
}
