using FreedomPay.Runtime;
using Microsoft.AspNetCore.Http;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// Whether a request fits an operation's description, to tell apart operations that share a path: the constants
    /// it must carry and the fields it requires (forms), or its constant headers (JSON: X-Action). Read from the
    /// description only (no per-operation code).
    /// </summary>
    internal static class RouteMatch
    {
        /// <summary>How many constants the operation has, all present with their values; null when one is not.</summary>
        public static int? Constants(RequestFieldTable fields, GatewayRequest request)
        {
            int count = 0;
            foreach (RequestField field in fields.All)
            {
                if (field.Role != FieldRole.Constant)
                {
                    continue;
                }

                if (request.Optional(field.WireName) != field.ConstantValue)
                {
                    return null;
                }

                count++;
            }

            return count;
        }

        /// <summary>Whether every required field the caller gives is in the request (nested fields by their parent).</summary>
        public static bool HasRequiredFields(RequestFieldTable fields, GatewayRequest request)
        {
            foreach (RequestField field in fields.CallerFields)
            {
                if (field.Required && field.Items is null && string.IsNullOrEmpty(request.Optional(field.WireName)))
                {
                    return false;
                }
            }

            return true;
        }
    
        /// <summary>How many constant headers the operation has (X-Action), all sent with their values; null when one is not.</summary>
        public static int? Headers(OperationDescriptor operation, IHeaderDictionary headers)
        {
            int count = 0;
            foreach (RequestHeader header in operation.Headers)
            {
                if (header.Source != HeaderSource.Constant)
                {
                    continue;
                }

                if (!string.Equals(headers[header.Name].ToString(), header.Value, System.StringComparison.Ordinal))
                {
                    return null;
                }

                count++;
            }

            return count;
        }
    }
}
