namespace FreedomPay.Generator.Model
{
    /// <summary>A request form field.</summary>
    /// <param name="EnumType">C# enum type name when <see cref="Type"/> is <see cref="FieldType.Enum"/>.</param>
    /// <param name="Format">Wire format of date-time values (.NET custom format string).</param>
    /// <param name="Sensitive">How logs and tools show the value.</param>
    /// <param name="PaymentId">The spec's <c>role: payment-id</c>: the value identifies the payment in logs and traces.</param>
    /// <param name="ClassName">The generated class of a list's items or of a nested object (<see cref="RequestClassModel"/>).</param>
    /// <param name="MaxItems">The most items of a list.</param>
    /// <param name="PostedAs">The form field a page (3-D Secure) posts this value back as: the request's <c>FromPostedForm</c> reads it.</param>
    internal sealed record RequestFieldModel(
        string WireName,
        string CsName,
        FieldType Type,
        bool Required,
        FillKind Fill,
        string? Description,
        string? EnumType,
        string? Format,
        ConstraintModel Constraints,
        string? Example,
        bool Verified,
        string? Note,
        Sensitivity Sensitive = Sensitivity.None,
        bool PaymentId = false,
        string? ClassName = null,
        int? MaxItems = null,
        string? Deprecated = null,
        string? PostedAs = null);

    /// <summary>
    /// A generated class of request fields that is not a request: the items of a list (<c>ReceiptPosition</c>) or a
    /// nested object, sent under its parent's form name. Declared once per area, shared by every field naming it.
    /// </summary>
    /// <param name="WireName">The form name of the field that holds it (<c>pg_receipt_positions</c>), for its docs.</param>
    /// <param name="IsListItem">An item of a list (false: a nested object).</param>
    internal sealed record RequestClassModel(string Name, string WireName, bool IsListItem, string? Description, EquatableArray<RequestFieldModel> Fields);

    /// <summary>Validation rules of a request field. Numbers are kept as invariant-culture text for emitting.</summary>
    /// <param name="Scale">The most decimal places of a decimal value (the spec's <c>scale</c>).</param>
    /// <param name="Check">A further check of a string (the spec's <c>check:</c>): <c>luhn</c> for card numbers.</param>
    internal sealed record ConstraintModel(int? MinLength, int? MaxLength, string? Min, string? Max, string? Pattern, int? Scale = null, string? Check = null)
    {
        public static readonly ConstraintModel None = new ConstraintModel(null, null, null, null, null);
    }

    /// <param name="Verified">False when the docs do not confirm the reply as described (its signature, its shape).</param>
    /// <param name="Note">Why, or what a maintainer should know about the reply.</param>
    /// <param name="BrowserStep">The page a reply may send the buyer's browser to next (the spec's <c>browser-step</c>).</param>
    internal sealed record ResponseModel(bool Signed, EquatableArray<ResponseElementModel> Elements, bool Verified = true, string? Note = null, BrowserStepModel? BrowserStep = null);

    /// <summary>
    /// A page the buyer's browser must visit before the payment can go on, named by the reply (3-D Secure: the issuer's
    /// page): generated as a method of the reply that returns a <c>FreedomPayRedirect</c>, or null when the reply does
    /// not ask for it. Elements are top-level elements of the same reply, by wire name.
    /// </summary>
    /// <param name="Name">The method's name (<c>IssuerPage</c>).</param>
    /// <param name="When">The boolean element that says the step is needed.</param>
    /// <param name="Url">The element that holds the page's address.</param>
    /// <param name="Method">POST (a form the browser submits) or GET (the address with the fields as its query).</param>
    /// <param name="Fields">Form field name -> the element whose value it carries, in the spec's order.</param>
    /// <param name="ReturnField">The form field that carries the merchant's own return address, if the page takes one.</param>
    internal sealed record BrowserStepModel(string Name, string When, string Url, string Method, EquatableArray<BrowserFieldModel> Fields, string? ReturnField, string? Description);

    /// <summary>A form field of a browser step and the reply element that gives its value.</summary>
    internal sealed record BrowserFieldModel(string FormName, string Element);

    /// <summary>An XML element of a reply.</summary>
    /// <param name="Repeated">The element may occur several times side by side; the property is a list.</param>
    /// <param name="ClassName">Generated class for <see cref="FieldType.Object"/> elements and object list items.</param>
    /// <param name="ItemElement">Name of the repeated child of a <see cref="FieldType.List"/> wrapper.</param>
    /// <param name="ItemType">Type of the list items (<see cref="FieldType.Object"/> when they have children).</param>
    /// <param name="Example">The spec's example value: what the sandbox answers by default.</param>
    internal sealed record ResponseElementModel(
        string WireName,
        string CsName,
        FieldType Type,
        bool Required,
        bool Repeated,
        string? Description,
        string? EnumType,
        string? Format,
        string? ClassName,
        string? ItemElement,
        FieldType ItemType,
        EquatableArray<ResponseElementModel> Children,
        bool Verified,
        string? Note,
        Sensitivity Sensitive = Sensitivity.None,
        bool PaymentId = false,
        string? Example = null);

    /// <param name="Shared">Declared <c>shared: true</c>: one type in the root namespace for every area that declares it.</param>
    internal sealed record EnumModel(string Name, string? Description, EquatableArray<EnumValueModel> Values, bool Shared = false);

    internal sealed record EnumValueModel(string WireValue, string CsName, string? Description);
}
