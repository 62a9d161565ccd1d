using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>Reply elements (of operations and callbacks) as properties: C# type, the <c>PgElement</c> read, doc.</summary>
    internal static class ResponseViewBuilder
    {
        /// <param name="nullableRef">"?" where the language has nullable reference annotations, else "".</param>
        public static PropertyView Property(ResponseElementModel element, string nullableRef)
        {
            string wire = CSharpText.Literal(element.WireName);
            string type;
            string parse;
            if (element.Type == FieldType.List)
            {
                string itemType = element.ItemType == FieldType.Object ? element.ClassName! : TypeNames.Scalar(element.ItemType, null);
                type = $"global::System.Collections.Generic.IReadOnlyList<{itemType}>";
                parse = $"e.GetWrappedList({wire}, {CSharpText.Literal(element.ItemElement!)}, {ItemConverter(element.ItemType, element)})";
            }
            else if (element.Repeated)
            {
                string itemType = element.Type == FieldType.Object ? element.ClassName! : TypeNames.Scalar(element.Type, element.EnumType);
                type = $"global::System.Collections.Generic.IReadOnlyList<{itemType}>";
                parse = $"e.GetList({wire}, {ItemConverter(element.Type, element)})";
            }
            else if (element.Type == FieldType.Object)
            {
                type = element.Required ? element.ClassName! : element.ClassName + nullableRef;
                parse = $"e.{(element.Required ? "GetRequiredObject" : "GetObject")}({wire}, {element.ClassName}.Parse)";
            }
            else if (element.Type == FieldType.Enum)
            {
                type = element.Required ? element.EnumType! : element.EnumType + "?";
                parse = element.Required
                    ? $"{element.EnumType}Wire.Parse(e.GetRequiredString({wire}))"
                    : $"{element.EnumType}Wire.ParseOptional(e.GetString({wire}))";
            }
            else
            {
                string scalar = TypeNames.Scalar(element.Type, null);
                type = element.Required ? scalar : scalar + (element.Type == FieldType.String ? nullableRef : "?");
                string getter = (element.Required ? "GetRequired" : "Get") + TypeNames.Runtime(element.Type);
                string format = element.Type == FieldType.DateTime ? ", " + CSharpText.Literal(element.Format!) : string.Empty;
                parse = $"e.{getter}({wire}{format})";
            }

            string wireNote = "Element " + CSharpText.Code(element.WireName)
                + (element.Type == FieldType.List ? " holding " + CSharpText.Code(element.ItemElement!) + " items" : string.Empty)
                + (element.Repeated ? ", repeated" : string.Empty)
                + (element.Required ? ", always present" : string.Empty)
                + (element.Type == FieldType.DateTime ? ", format " + CSharpText.Code(element.Format!) : string.Empty)
                + ".";
            return new PropertyView
            {
                Name = element.CsName,
                Type = type,
                Parse = parse,
                Doc = DocText.Member(element.Description, wireNote, DocText.Unverified(element.Verified, element.Note)),
            };
        }

        private static string ItemConverter(FieldType itemType, ResponseElementModel element) => itemType switch
        {
            FieldType.Object => element.ClassName + ".Parse",
            FieldType.Enum => $"x => {element.EnumType}Wire.Parse(x.AsString())",
            FieldType.DateTime => $"x => x.AsDateTime({CSharpText.Literal(element.Format ?? "yyyy-MM-dd HH:mm:ss")})",
            _ => $"x => x.As{TypeNames.Runtime(itemType)}()",
        };

        public static void CollectNested(EquatableArray<ResponseElementModel> elements, List<ClassView> into, string nullableRef)
        {
            foreach (ResponseElementModel element in elements)
            {
                if (element.ClassName is null)
                {
                    continue;
                }

                into.Add(new ClassView
                {
                    Name = element.ClassName,
                    Doc = CSharpText.Doc($"Content of a {CSharpText.Code(element.ItemElement ?? element.WireName)} element."),
                    Properties = element.Children.Select(e => Property(e, nullableRef)).ToList(),
                });
                CollectNested(element.Children, into, nullableRef);
            }
        }
    }
}
