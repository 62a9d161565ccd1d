using FreedomPay.Runtime;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// Whether a form request fits an operation's description, to tell apart operations that share a path: the
    /// constants it must carry and the fields it requires. Read from the description only (no per-operation code).
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
    }
}
