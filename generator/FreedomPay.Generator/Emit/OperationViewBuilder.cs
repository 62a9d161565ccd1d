using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Generator.Description;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>Model -> template input for one operation's file: its request, its reply and its client method.</summary>
    internal static class OperationViewBuilder
    {
        public static OperationView Build(OperationUnit unit)
        {
            OperationModel op = unit.Operation;
            OperationDescription runtime = Describe.Operation(op);
            FileView file = ViewBuilder.File(unit.Context);
            var view = new OperationView
            {
                File = file,
                Name = runtime.Name,
                MethodName = MethodName(op),
                HttpMethod = CSharpText.Literal(runtime.HttpMethod),
                Path = CSharpText.Literal(runtime.Path),
                ScriptName = CSharpText.Literal(runtime.ScriptName),
                SafeToRetry = runtime.SafeToRetry,
                TimeoutSeconds = runtime.TimeoutSeconds?.ToString(CultureInfo.InvariantCulture),
                SignedResponse = runtime.SignedResponse,
                Idempotent = runtime.Idempotent,
                Headers = runtime.Headers.Select(Header).ToList(),
                SummaryLiteral = runtime.Summary is null ? null : CSharpText.Literal(runtime.Summary),
                Obsolete = op.Deprecated is null ? null : CSharpText.Literal(op.Deprecated),
                MethodDoc = MethodDoc(op, unit.Context.Area.Auth),
                Request = RequestViewBuilder.Build(op, runtime.Request, file, unit.Context.Options.Language),
                Response = new ClassView
                {
                    Name = op.Name + "Response",
                    Doc = CSharpText.Doc($"Reply of <see cref=\"{file.AreaClient}.{op.Name}Async\"/>; <c>Raw</c> holds all its elements, described or not.", DocText.Unverified(op.Response.Verified, op.Response.Note)),
                    Properties = ResponseViewBuilder.Properties(op.Response.Elements, runtime.Reply, file.NullableRef, file.Namespace, unit.Context.Options.Language.DateOnly),
                },
            };
            ResponseViewBuilder.CollectNested(op.Response.Elements, runtime.Reply, view.Nested, file.NullableRef, file.Namespace, unit.Context.Options.Language.DateOnly);
            view.BrowserStep = runtime.BrowserStep is { } step ? BrowserStep(step) : null;
            return view;
        }

        private static BrowserStepView BrowserStep(BrowserStepModel step)
        {
            string form = string.Join(", ", step.Fields.Select(f => f.FormName + " (" + CSharpText.Code(f.Element) + ")")
                .Concat(step.ReturnField is null ? Array.Empty<string>() : new[] { step.ReturnField + " (the return address)" }));
            string how = step.Method == "POST"
                ? $"When {CSharpText.Code(step.When)} is set: a form to post to {CSharpText.Code(step.Url)}" + (form.Length > 0 ? " with " + form : string.Empty) + " (<c>ToHtmlForm()</c> writes it)."
                : $"When {CSharpText.Code(step.When)} is set: the address in {CSharpText.Code(step.Url)}" + (form.Length > 0 ? ", with " + form + " in its query." : ".");
            var doc = DocText.FromSpec(step.Description ?? "Where to send the buyer's browser next; null when this reply does not ask for it.", step.Name + ".", new[] { how });
            if (step.ReturnField is not null)
            {
                doc.Add($"<param name=\"returnUrl\">The merchant's page the browser comes back to (sent as {CSharpText.Code(step.ReturnField)}); it receives what the page posts back.</param>");
            }

            doc.Add("<returns>The redirect, or null when the reply asks for no such step.</returns>");
            return new BrowserStepView
            {
                Name = step.Name,
                NameLiteral = CSharpText.Literal(step.Name),
                When = CSharpText.Literal(step.When),
                Url = CSharpText.Literal(step.Url),
                Method = CSharpText.Literal(step.Method),
                Fields = step.Fields.SelectMany(f => new[] { CSharpText.Literal(f.FormName), CSharpText.Literal(f.Element) }).ToList(),
                ReturnField = step.ReturnField is null ? null : CSharpText.Literal(step.ReturnField),
                Doc = doc,
            };
        }

        /// <summary><c>PayAsync</c> for a call; the operation's own name for a redirect, which sends nothing (<c>PaymentPage</c>).</summary>
        public static string MethodName(OperationModel op) => op.IsRedirect ? op.Name : op.Name + "Async";

        private static List<string> MethodDoc(OperationModel op, AuthScheme auth)
        {
            if (op.IsRedirect)
            {
                return RedirectDoc(op);
            }

            string wireLine = $"Sends {CSharpText.Code(op.HttpMethod + " /" + op.Path)}, " + Signing(op, auth)
                + (op.SafeToRetry ? " Safe to retry: the client retries it on network errors."
                    : op.Idempotent ? " The gateway answers a repeated request id with its first reply, so the client retries it on network errors and HTTP 5xx under the same id (set <c>RequestId</c> to resume a call yourself); when the last attempt fails too, <see cref=\"global::FreedomPay.FreedomPayOutcomeUnknownException\"/> names the id to resend with."
                    : " Never retried: after a timeout, find out whether it took effect (a status call, or the merchant portal) before sending it again.")
                + (op.TimeoutMilliseconds is { } timeoutMs ? $" Waits {(timeoutMs / 1000m).ToString(CultureInfo.InvariantCulture)} s for the reply." : string.Empty);
            string?[] remarks = CSharpText.Paragraphs(op.Description).Concat(new[] { wireLine, DocText.Unverified(op.Verified, op.Note) }).ToArray();
            List<string> doc = op.Summary is null
                ? DocText.FromSpec(op.Description, op.Name + ".", new[] { wireLine, DocText.Unverified(op.Verified, op.Note) })
                : DocText.FromSpec(op.Summary, op.Name + ".", remarks);
            doc.Add("<param name=\"request\">The request; validated before anything is sent.</param>");
            doc.Add("<param name=\"cancellationToken\">Cancels the call.</param>");
            doc.Add(op.Response.Signed
                ? $"<returns>The reply, its signature verified, as a <see cref=\"{op.Name}Response\"/>.</returns>"
                : $"<returns>The reply (unsigned), as a <see cref=\"{op.Name}Response\"/>.</returns>");
            return doc;
        }

        /// <summary>What is signed, and how: the request by the area's scheme, and whether the reply is verified.</summary>
        private static string Signing(OperationModel op, AuthScheme auth)
        {
            string reply = op.Response.Signed ? " the reply's signature is verified." : " the reply is not signed.";
            return auth switch
            {
                AuthScheme.JwsHs256 or AuthScheme.JwsHs512 => $"its body signed with {CSharpText.Code("X-JWS-Signature")} (a detached JWS, {(auth == AuthScheme.JwsHs512 ? "HS512" : "HS256")});" + reply,
                AuthScheme.Sha256Sign => $"its body signed with the {CSharpText.Code("Sign")} header (SHA-256 of the body and the key, with {CSharpText.Code("Auth-Id")});" + reply,
                _ when op.Request.Any(f => f.Fill == FillKind.Signature) => $"signed with {CSharpText.Code("pg_sig")} (script name {CSharpText.Code(op.ScriptName)});" + reply,
                _ => "unsigned;" + reply,
            };
        }

        private static List<string> RedirectDoc(OperationModel op)
        {
            string wireLine = $"Builds the signed {CSharpText.Code(op.HttpMethod + " /" + op.Path)} the buyer's browser goes to, signed with script name {CSharpText.Code(op.ScriptName)}. Sends nothing: redirect the browser to it (GET) or post its fields there (POST).";
            string?[] remarks = CSharpText.Paragraphs(op.Description).Concat(new[] { wireLine, DocText.Unverified(op.Verified, op.Note) }).ToArray();
            List<string> doc = op.Summary is null
                ? DocText.FromSpec(op.Description, op.Name + ".", new[] { wireLine, DocText.Unverified(op.Verified, op.Note) })
                : DocText.FromSpec(op.Summary, op.Name + ".", remarks);
            doc.Add("<param name=\"request\">The request; validated before the address is built.</param>");
            doc.Add("<returns>The address and the signed fields (<see cref=\"global::FreedomPay.FreedomPayRedirect\"/>).</returns>");
            return doc;
        }

        /// <summary>A header's literals: its name, and its value (null for <c>fill: request-id</c>).</summary>
        internal static HeaderView Header(HeaderModel h) => new HeaderView { Name = CSharpText.Literal(h.Name), Value = h.Value is null ? null : CSharpText.Literal(h.Value) };
    }
}
