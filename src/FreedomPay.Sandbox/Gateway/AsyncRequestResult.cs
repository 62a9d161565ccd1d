using System.Text.Json;

namespace FreedomPay.Sandbox.Gateway
{
    /// <summary>
    /// The Gateway Async API's "read request" reply, built from a request's remembered first reply: the object the
    /// request made or changed (a payment, or the refund or reversal an edit made) with its status, or, for a refused
    /// request, status error with the refusal's error (the docs' example: amount 0, created_at 0001-01-01T00:00:00Z).
    /// The remembered JSON is the sandbox's own, so it is read as such (no untrusted input here).
    /// </summary>
    internal static class AsyncRequestResult
    {
        public static SandboxReply Of(string requestId, RememberedReply remembered)
        {
            using JsonDocument document = JsonDocument.Parse(remembered.Json);
            JsonElement root = document.RootElement;
            var result = new SandboxReply();
            if (remembered.Failed)
            {
                result.Set("id", requestId).Set("status", "error").Set("amount", 0).Set("created_at", "0001-01-01T00:00:00Z");
                if (root.TryGetProperty("error", out JsonElement error))
                {
                    result.Add("error", new SandboxReply().Set("code", Text(error, "code")).Set("description", Text(error, "description")));
                }

                return new SandboxReply().Set("id", requestId).Set("status", "error").Add("response", result);
            }

            // An edit's reply names what it made (refund_payment, reverse_payment); the others are the payment itself.
            JsonElement made = root.TryGetProperty("refund_payment", out JsonElement refund) ? refund
                : root.TryGetProperty("reverse_payment", out JsonElement reverse) ? reverse
                : root;
            result.Set("id", Text(made, "id") ?? requestId)
                .Set("status", Text(made, "status") ?? "success")
                .Set("amount", Text(made, "amount") ?? Text(root, "amount"))
                .Set("created_at", Text(made, "created_at"));
            if (made.TryGetProperty("error", out JsonElement failure))
            {
                result.Add("error", new SandboxReply().Set("code", Text(failure, "code")).Set("description", Text(failure, "description")));
            }

            return new SandboxReply().Set("id", requestId).Set("status", "success").Add("response", result);
        }

        private static string? Text(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind is JsonValueKind.Number ? value.GetRawText() : null
                : null;
    }
}
