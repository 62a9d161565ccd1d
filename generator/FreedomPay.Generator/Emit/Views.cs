using System.Collections.Generic;

namespace FreedomPay.Generator.Emit
{
    // Template input. Everything a template prints is computed here in C# (types, expressions, escaped doc
    // lines), so the templates only lay code out. Scriban sees these members in snake_case (SourceFile -> source_file).

    internal sealed class FileView
    {
        public string SourceFile { get; set; } = "";
        public string Namespace { get; set; } = "";
        public string Accessibility { get; set; } = "public";
        public string AreaClient { get; set; } = "";

        /// <summary>Language-dependent spelling: <c>#nullable enable</c>, the <c>?</c> of nullable references, init or set.</summary>
        public bool NullableEnable { get; set; }
        public string NullableRef { get; set; } = "?";
        public string Setter { get; set; } = "init";

        /// <summary><c>namespace X;</c> from C# 10 (one indentation level less in every file), a block before.</summary>
        public bool FileScopedNamespace { get; set; }
    }

    internal sealed class AreaView
    {
        public FileView File { get; set; } = new FileView();
        public string AreaName { get; set; } = "";
        public string ServersClass { get; set; } = "";
        public List<string> Doc { get; set; } = new List<string>();
        public List<ServerView> Servers { get; set; } = new List<ServerView>();
        public string DefaultServer { get; set; } = "";
        public string Encoding { get; set; } = "";
        public string ErrorStatus { get; set; } = "";

        public List<string> ErrorUnsignedCodes { get; set; } = new List<string>();
        public List<string> ErrorHttpStatuses { get; set; } = new List<string>();
        public string? RequestIdVersion { get; set; }
        public List<ServerAuthView> ServerAuth { get; set; } = new List<ServerAuthView>();
        public List<ServerHeadersView> ServerHeaders { get; set; } = new List<ServerHeadersView>();
        public string ErrorValue { get; set; } = "";
        public string ErrorCode { get; set; } = "";
        public string ErrorDescription { get; set; } = "";

        /// <summary>The C# literal of the spec's <c>secret:</c>, or null when the area is signed with the main key.</summary>
        public string? Secret { get; set; }

        /// <summary>The runtime's <c>AuthScheme</c> member of a header-signed area; null for pg_sig (the default).</summary>
        public string? Auth { get; set; }

        /// <summary>The C# literal of the JWS key-id member when it is not the default <c>auth_id</c>.</summary>
        public string? AuthKeyId { get; set; }

        /// <summary>The JWS merchant id is a JSON number (<c>key-id-type: number</c>).</summary>
        public bool AuthKeyIdNumber { get; set; }

        /// <summary>Literal of the JWS path member when it is not <c>uri</c>.</summary>
        public string? AuthPathMember { get; set; }
        public bool PartialAccessor { get; set; }
        public string AccessorField { get; set; } = "";
        public string ExtensionsClass { get; set; } = "";
        public List<string> Operations { get; set; } = new List<string>();
    }

    /// <summary>A reply's browser step: the <c>BrowserStep</c> constructor's literals and the method's doc.</summary>
    internal sealed class BrowserStepView
    {
        public string Name { get; set; } = "";
        public string NameLiteral { get; set; } = "";
        public string When { get; set; } = "";
        public string Url { get; set; } = "";
        public string Method { get; set; } = "";

        /// <summary>Form field name and element name literals, alternating.</summary>
        public List<string> Fields { get; set; } = new List<string>();

        /// <summary>The return field's literal; null when the page takes no return address.</summary>
        public string? ReturnField { get; set; }

        public List<string> Doc { get; set; } = new List<string>();
    }

    internal sealed class HeaderView
    {
        public string Name { get; set; } = "";

        /// <summary>The value's C# literal; null for <c>fill: request-id</c>.</summary>
        public string? Value { get; set; }
    }

    internal sealed class ServerView
    {
        public string Name { get; set; } = "";
        public string Url { get; set; } = "";
        public string UrlText { get; set; } = "";
        public bool IsDefault { get; set; }
    }

    /// <summary>A server that adds headers to every call made to it (<c>headers:</c> on the server).</summary>
    internal sealed class ServerHeadersView
    {
        public string Server { get; set; } = "";
        public List<HeaderView> Headers { get; set; } = new List<HeaderView>();
    }

    /// <summary>A server signed otherwise than its area (<c>auth:</c> on the server).</summary>
    internal sealed class ServerAuthView
    {
        public string Server { get; set; } = "";
        public string Auth { get; set; } = "";
    }

    internal sealed class EnumView
    {
        public FileView File { get; set; } = new FileView();
        public string Name { get; set; } = "";

        /// <summary>The referenced FreedomPay.Client has this shared enum: only its wire values are generated.</summary>
        public bool WireOnly { get; set; }
        public List<string> Doc { get; set; } = new List<string>();
        public List<EnumMemberView> Members { get; set; } = new List<EnumMemberView>();
    }

    internal sealed class EnumMemberView
    {
        public string Name { get; set; } = "";
        public string Wire { get; set; } = "";
        public int Number { get; set; }
        public List<string> Doc { get; set; } = new List<string>();
    }

    internal sealed class OperationView
    {
        public FileView File { get; set; } = new FileView();
        public string Name { get; set; } = "";
        public string MethodName { get; set; } = "";
        public List<string> MethodDoc { get; set; } = new List<string>();
        public string HttpMethod { get; set; } = "";
        public string Path { get; set; } = "";
        public string ScriptName { get; set; } = "";
        public bool SafeToRetry { get; set; }

        /// <summary>Seconds as invariant text; null for the runtime's default.</summary>
        public string? TimeoutSeconds { get; set; }
        public bool SignedResponse { get; set; }

        /// <summary>The gateway deduplicates by request id (<c>idempotent: request-id</c>).</summary>
        public bool Idempotent { get; set; }

        /// <summary>The spec's <c>headers:</c>: name and C# literal value (null for a generated request id).</summary>
        public List<HeaderView> Headers { get; set; } = new List<HeaderView>();

        public string? SummaryLiteral { get; set; }

        /// <summary>The method's <c>[Obsolete]</c> message as a C# literal (the spec's <c>deprecated:</c>); null when not deprecated.</summary>
        public string? Obsolete { get; set; }
        public RequestView Request { get; set; } = new RequestView();
        public ClassView Response { get; set; } = new ClassView();
        public BrowserStepView? BrowserStep { get; set; }
        public List<ClassView> Nested { get; set; } = new List<ClassView>();
    }

    /// <summary>
    /// A generated request, or a class of a request's list items or nested object: its field table (every field, in
    /// wire order) and its caller properties.
    /// </summary>
    internal sealed class RequestView
    {
        public string Name { get; set; } = "";

        /// <summary><c>FreedomPayRequest</c> for a request, <c>FreedomPayRequestPart</c> for an item class (fully qualified).</summary>
        public string BaseType { get; set; } = "";
        public List<string> Doc { get; set; } = new List<string>();
        public List<TableEntryView> Table { get; set; } = new List<TableEntryView>();

        /// <summary>The operation takes the merchant's own parameters (<c>extra-params: true</c>): an <c>ExtraParams</c> property.</summary>
        public bool ExtraParams { get; set; }

        /// <summary>Conditional requirements: <c>FieldGroup.{Kind}(fields)</c> entries.</summary>
        public List<GroupView> Groups { get; set; } = new List<GroupView>();
        public List<RequestPropertyView> Properties { get; set; } = new List<RequestPropertyView>();

        /// <summary>Some property is deprecated: the class's own reads of it are kept free of CS0618.</summary>
        public bool HasObsolete => Properties.Exists(p => p.Obsolete is not null);

        /// <summary>A <c>FromPostedForm</c> factory, when some field is posted back by a page (<c>posted-as:</c>).</summary>
        public PostedFormView? PostedForm { get; set; }
    }

    /// <summary>
    /// <c>FromPostedForm(form, ...)</c>: the posted fields read from the form, the request's other required values
    /// as parameters (the payment id the merchant kept).
    /// </summary>
    internal sealed class PostedFormView
    {
        public List<string> Doc { get; set; } = new List<string>();

        /// <summary>"long paymentId" and the like, in table order.</summary>
        public List<string> Parameters { get; set; } = new List<string>();

        /// <summary>"PaymentId = paymentId", "Pares = posted.RequiredText(3)" and the like, in table order.</summary>
        public List<string> Assignments { get; set; } = new List<string>();
    }

    /// <summary>
    /// One <c>{Factory}Field(wire, member, ...)</c> entry of a field table (the factories of <c>FreedomPayRequestPart</c>).
    /// Text values are C# literals already; null means "not given".
    /// </summary>
    internal sealed class TableEntryView
    {
        /// <summary>Text, Integer, Decimal, Boolean, Enum, DateTime, DateTimeOffset, List, Object, Constant, MerchantId, Salt or Signature.</summary>
        public string Factory { get; set; } = "";
        public string Wire { get; set; } = "";

        /// <summary>
        /// A merchant id, salt or signature entry: the wire name is all it has. The template skips the optional
        /// arguments for these (every operation has all three, and each skipped test is a Scriban evaluation).
        /// </summary>
        public bool WireOnly { get; set; }

        /// <summary>Literal of the C# name; empty for constants and filled fields, which have none.</summary>
        public string? Member { get; set; }
        public string? EnumType { get; set; }
        public string? Format { get; set; }

        /// <summary>Literal of a constant's value.</summary>
        public string? Value { get; set; }
        public bool Required { get; set; }

        /// <summary>Partial or Hidden; empty when the value is not sensitive.</summary>
        public string? Sensitivity { get; set; }
        public bool PaymentId { get; set; }
        public string? MinLength { get; set; }
        public string? MaxLength { get; set; }

        /// <summary>Invariant numbers; <see cref="NumberSuffix"/> makes them long (L) or decimal (m) literals.</summary>
        public string? Min { get; set; }
        public string? Max { get; set; }
        public string NumberSuffix { get; set; } = "";

        /// <summary>Decimal places allowed (decimal fields); empty when the spec sets none.</summary>
        public string? Scale { get; set; }

        /// <summary>The item class's table of a list or object field (<c>global::Ns.ReceiptPosition.FieldTable</c>); empty otherwise.</summary>
        public string? Items { get; set; }

        /// <summary>The most items of a list; empty when the spec sets none.</summary>
        public string? MaxItems { get; set; }
        public string? Pattern { get; set; }

        /// <summary>The <c>FieldCheck</c> member of a text field's <c>check:</c> (Luhn); null when it has none.</summary>
        public string? Check { get; set; }

        /// <summary>The literal of the form field a page posts the value back as; null when it has none.</summary>
        public string? PostedAs { get; set; }
        public string? Description { get; set; }
    }

    /// <summary>A <c>FieldGroup</c> of a request: OneOf or RequiredUnless, and its fields' wire names as literals.</summary>
    internal sealed class GroupView
    {
        public string Kind { get; set; } = "";
        public List<string> Fields { get; set; } = new List<string>();
    }

    /// <summary>A caller-given request value: its property, the visitor call that hands it over and how text becomes it.</summary>
    internal sealed class RequestPropertyView
    {
        public int Index { get; set; }
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";

        /// <summary>The runtime's value kind: Text, Integer, Decimal, Boolean, DateTime, DateTimeOffset, Enum, List or Object.</summary>
        public string Kind { get; set; } = "";

        /// <summary>A C# 11 required member.</summary>
        public bool Required { get; set; }

        /// <summary>Read from text with the Required* reader (the spec says required).</summary>
        public bool ReadRequired { get; set; }

        /// <summary>For enums: whether the property is nullable, so the visitor gets <c>(int?)</c>.</summary>
        public bool Nullable { get; set; }

        /// <summary>For lists and objects: the item class's text reader (<c>global::Ns.ReceiptPosition.FromText</c>); empty otherwise.</summary>
        public string? ReadWith { get; set; }

        /// <summary>The <c>FieldValues</c> reader: <see cref="Kind"/>, but <c>Date</c> for a <c>DateOnly</c>.</summary>
        public string ReadKind { get; set; } = "";

        /// <summary>The converter the value passes through to its visitor call (<c>AsDateTime</c> for a <c>DateOnly</c>), or null.</summary>
        public string? VisitWith { get; set; }

        /// <summary><c>!</c> after a nullable read assigned to a required list or object (nullable annotations on); else empty.</summary>
        public string Bang { get; set; } = "";

        /// <summary>The <c>[Obsolete]</c> message as a C# literal (the spec's <c>deprecated:</c>); null when not deprecated.</summary>
        public string? Obsolete { get; set; }
        public List<string> Doc { get; set; } = new List<string>();
    }

    /// <summary>A file with one class of request fields that is not a request (list items, a nested object).</summary>
    internal sealed class RequestPartView
    {
        public FileView File { get; set; } = new FileView();
        public RequestView Request { get; set; } = new RequestView();
    }

    internal sealed class CallbackView
    {
        public FileView File { get; set; } = new FileView();

        /// <summary>The runtime's <c>CallbackReplyKind</c> member: SignedXml, Http200 or None.</summary>
        public string ReplyKind { get; set; } = "SignedXml";

        /// <summary>The C# literal of the area's <c>secret:</c>; null when the main key signs it.</summary>
        public string? Secret { get; set; }
        public ClassView Callback { get; set; } = new ClassView();
        public List<ClassView> Nested { get; set; } = new List<ClassView>();
    }

    /// <summary>A generated request, response or nested element class.</summary>
    internal sealed class ClassView
    {
        public string Name { get; set; } = "";
        public List<string> Doc { get; set; } = new List<string>();
        public List<PropertyView> Properties { get; set; } = new List<PropertyView>();
    }

    internal sealed class PropertyView
    {
        public string Name { get; set; } = "";
        public string Type { get; set; } = "";
        public bool Required { get; set; }
        public List<string> Doc { get; set; } = new List<string>();

        // For reply properties: what the ReadElement template needs to read the value from element e.

        /// <summary><c>scalar</c>, <c>enum</c>, <c>object</c>, <c>list</c> (repeated) or <c>wrapped-list</c>.</summary>
        public string Shape { get; set; } = "";
        public string Wire { get; set; } = "";

        /// <summary>Literal of a wrapped list's item element name.</summary>
        public string Item { get; set; } = "";

        /// <summary>For lists: <c>scalar</c>, <c>enum</c> or <c>object</c>.</summary>
        public string ItemShape { get; set; } = "";
        public string ClassName { get; set; } = "";

        /// <summary>How expressions name <see cref="ClassName"/>: fully qualified when a sibling property has its name.</summary>
        public string ClassRef { get; set; } = "";
        public string EnumType { get; set; } = "";

        /// <summary>The runtime kind read (a list's item kind): Text, Integer, Decimal, Boolean, DateTime, DateTimeOffset.</summary>
        public string ValueType { get; set; } = "";

        /// <summary>The property's entry in its class's Shape table, which the generated read names.</summary>
        public int Index { get; set; }

        /// <summary>Literal of a date-time format; empty for other values.</summary>
        public string? Format { get; set; }

        /// <summary>Partial or Hidden (the spec's <c>sensitive:</c>); empty when the value is not sensitive.</summary>
        public string? Sensitivity { get; set; }

        // For the reply's shape table (ReplyElement entries, see the ShapeEntry template).

        /// <summary>The ReplyElement factory: Text, Integer, Decimal, Boolean, Enum, DateTime, Object or List.</summary>
        public string ShapeFactory { get; set; } = "";

        /// <summary>For lists: the factory of the item element.</summary>
        public string ItemFactory { get; set; } = "";
        public bool Repeated { get; set; }
        public bool PaymentId { get; set; }

        /// <summary>Literal of the spec's example; empty when it gives none.</summary>
        public string? Example { get; set; }
    }
}
