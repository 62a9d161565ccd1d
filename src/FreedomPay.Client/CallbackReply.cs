using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using FreedomPay.Runtime;

namespace FreedomPay
{
    /// <summary>What the merchant may answer a callback.</summary>
    public enum CallbackReplyStatus
    {
        /// <summary><c>ok</c>: accepted (Result) or the order may be paid (Check).</summary>
        Ok,

        /// <summary><c>rejected</c>: refused; for Result notifications honoured only when pg_can_reject is 1.</summary>
        Rejected,

        /// <summary><c>error</c>: the merchant could not understand the request.</summary>
        Error,
    }

    /// <summary>
    /// The merchant's answer to a callback, rendered as the signed XML FreedomPay expects:
    /// <c>&lt;response&gt;&lt;pg_status/&gt;&lt;pg_description/&gt;&lt;pg_salt/&gt;&lt;pg_sig/&gt;&lt;/response&gt;</c>.
    /// </summary>
    public sealed class CallbackReply : IEquatable<CallbackReply>
    {
        private CallbackReply(CallbackReplyStatus status, string? description)
        {
            Status = status;
            Description = description;
        }

        /// <summary>The answer.</summary>
        public CallbackReplyStatus Status { get; }

        /// <summary>Shown to the buyer when the payment is refused; optional otherwise.</summary>
        public string? Description { get; }

        /// <summary>Accepted (Result) or may be paid (Check).</summary>
        public static CallbackReply Ok(string? description = null) => new CallbackReply(CallbackReplyStatus.Ok, description);

        /// <summary>Refused, with the reason the buyer sees.</summary>
        public static CallbackReply Rejected(string description) => new CallbackReply(CallbackReplyStatus.Rejected, description ?? throw new ArgumentNullException(nameof(description)));

        /// <summary>The request could not be understood.</summary>
        public static CallbackReply Error(string description) => new CallbackReply(CallbackReplyStatus.Error, description ?? throw new ArgumentNullException(nameof(description)));

        /// <summary>The wire value of <see cref="Status"/>.</summary>
        public string WireStatus => Status switch
        {
            CallbackReplyStatus.Ok => "ok",
            CallbackReplyStatus.Rejected => "rejected",
            _ => "error",
        };

        /// <summary>The signed XML, with a fresh salt, for the script name the callback was signed with.</summary>
        public string ToXml(string scriptName, string secretKey)
        {
            var fields = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("pg_status", WireStatus) };
            if (Description is not null)
            {
                fields.Add(new KeyValuePair<string, string>("pg_description", Description));
            }

            fields.Add(new KeyValuePair<string, string>("pg_salt", RandomText.Create(16)));
            fields.Add(new KeyValuePair<string, string>(PgSignature.SignatureField, PgSignature.Compute(scriptName, fields, secretKey)));

            var text = new StringBuilder();
            // Entitize: a "\r" in the description is written as &#xD;, which XML readers keep; written raw, the gateway
            // would read "\n" and the signature over the description would no longer match.
            var settings = new XmlWriterSettings { OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.Entitize };
            using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), settings))
            {
                writer.WriteStartElement("response");
                foreach (KeyValuePair<string, string> field in fields)
                {
                    writer.WriteElementString(field.Key, field.Value);
                }

                writer.WriteEndElement();
            }

            return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + text;
        }

        /// <inheritdoc/>
        public bool Equals(CallbackReply? other) => other is not null && other.Status == Status && other.Description == Description;

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as CallbackReply);

        /// <inheritdoc/>
        public override int GetHashCode() => ((int)Status * 397) ^ (Description?.GetHashCode() ?? 0);

        /// <inheritdoc/>
        public override string ToString() => Description is null ? WireStatus : WireStatus + ": " + Description;
    }
}
