using System.Collections.Generic;
using System.Linq;
using FreedomPay.Generator.Description;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>Reply elements (of operations and callbacks) as properties: C# type, the <c>PgElement</c> read, doc.</summary>
    internal static class ResponseViewBuilder
    {
        /// <summary>The properties of one generated class, in spec order.</summary>
        /// <param name="elements">The class's elements.</param>
        /// <param name="described">Their runtime descriptions (<see cref="Describe.Reply"/>), in the same order: built once per reply.</param>
        /// <param name="nullableRef">"?" where the language has nullable reference annotations, else "".</param>
        /// <param name="ns">The file's namespace: a class named like a sibling property is referred to by its full name.</param>
        /// <param name="dateOnly">Whether a <c>date</c> is a <c>DateOnly</c> (the framework has it).</param>
        public static List<PropertyView> Properties(EquatableArray<ResponseElementModel> elements, IReadOnlyList<ReplyElementDescription> described, string nullableRef, string ns, bool dateOnly)
        {
            List<PropertyView> properties = elements.Select((e, i) => Property(e, described[i], i, nullableRef, dateOnly)).ToList();
            foreach (PropertyView property in properties)
            {
                // In expressions (Settlement.Parse) a property named like the class would win the lookup.
                property.ClassRef = property.ClassName.Length > 0 && properties.Any(p => p.Name == property.ClassName)
                    ? "global::" + ns + "." + property.ClassName
                    : property.ClassName;
            }

            return properties;
        }

        private static PropertyView Property(ResponseElementModel element, ReplyElementDescription runtime, int index, string nullableRef, bool dateOnly)
        {
            // What the ReadElement template needs to write the read (entry 'index' of the Shape, by its runtime kind);
            // the C# types are decided here. The Shape entry's arguments are the runtime description's
            // (Describe.Reply), as freedompay --spec builds them.
            var view = new PropertyView
            {
                Name = element.CsName,
                Index = index,
                Wire = CSharpText.Literal(runtime.WireName),
                Required = runtime.Required,
                ClassName = element.ClassName ?? string.Empty,
                EnumType = element.EnumType ?? string.Empty,
                ValueType = ReadKind(element.Type, runtime.Kind, dateOnly),
                Format = Describe.HasFormat(element.Type) ? CSharpText.Literal(element.Format!) : null,
                Sensitivity = runtime.Sensitivity == Sensitivity.None ? null : runtime.Sensitivity.ToString(),
                ShapeFactory = runtime.Kind,
                ItemFactory = runtime.Item?.Kind ?? string.Empty,
                Repeated = runtime.Repeated,
                PaymentId = runtime.PaymentId,
                Example = element.Example is null ? null : CSharpText.Literal(element.Example),
            };
            if (element.Type == FieldType.List || element.Repeated)
            {
                FieldType itemType = element.Type == FieldType.List ? element.ItemType : element.Type;
                view.Shape = element.Type == FieldType.List ? "wrapped-list" : "list";
                view.Item = element.Type == FieldType.List ? CSharpText.Literal(element.ItemElement!) : string.Empty;
                view.ItemShape = itemType switch { FieldType.Object => "object", FieldType.Enum => "enum", _ => "scalar" };
                view.ValueType = ReadKind(itemType, runtime.Item?.Kind ?? runtime.Kind, dateOnly);
                view.Format = Describe.HasFormat(itemType) ? CSharpText.Literal(element.Format!) : null;
                view.Type = $"global::System.Collections.Generic.IReadOnlyList<{(itemType == FieldType.Object ? element.ClassName! : TypeNames.Scalar(itemType, element.EnumType, dateOnly))}>";
            }
            else if (element.Type == FieldType.Object)
            {
                view.Shape = "object";
                view.Type = element.Required ? element.ClassName! : element.ClassName + nullableRef;
            }
            else if (element.Type == FieldType.Enum)
            {
                view.Shape = "enum";
                view.Type = element.Required ? element.EnumType! : element.EnumType + "?";
            }
            else
            {
                string scalar = TypeNames.Scalar(element.Type, null, dateOnly);
                view.Shape = "scalar";
                view.Type = element.Required ? scalar : scalar + (element.Type == FieldType.String ? nullableRef : "?");
            }

            string wireNote = "Element " + CSharpText.Code(element.WireName)
                + (element.Type == FieldType.List ? " holding " + CSharpText.Code(element.ItemElement!) + " items" : string.Empty)
                + (element.Repeated ? ", repeated" : string.Empty)
                + (element.Required ? ", always present" : string.Empty)
                + (Describe.HasFormat(element.Type) ? ", format " + CSharpText.Code(element.Format!) : string.Empty)
                + ".";
            view.Doc = DocText.Member(element.Description, wireNote, DocText.Unverified(element.Verified, element.Note));
            return view;
        }

        /// <summary>The <c>ReplyValues</c> reader of a value: the runtime kind, but <c>Date</c> for a date read as a <c>DateOnly</c>.</summary>
        private static string ReadKind(FieldType type, string runtimeKind, bool dateOnly) => type == FieldType.Date && dateOnly ? "Date" : runtimeKind;

        /// <summary>The classes of nested elements (objects, object lists), depth first; <paramref name="described"/> as for <see cref="Properties"/>.</summary>
        public static void CollectNested(EquatableArray<ResponseElementModel> elements, IReadOnlyList<ReplyElementDescription> described, List<ClassView> into, string nullableRef, string ns, bool dateOnly)
        {
            for (int i = 0; i < elements.Count; i++)
            {
                ResponseElementModel element = elements[i];
                if (element.ClassName is null)
                {
                    continue;
                }

                // An object's elements are its description's children; a list's, its item's.
                EquatableArray<ReplyElementDescription> children = described[i].Item?.Children ?? described[i].Children;
                into.Add(new ClassView
                {
                    Name = element.ClassName,
                    Doc = CSharpText.Doc($"Content of a {CSharpText.Code(element.ItemElement ?? element.WireName)} element."),
                    Properties = Properties(element.Children, children, nullableRef, ns, dateOnly),
                });
                CollectNested(element.Children, children, into, nullableRef, ns, dateOnly);
            }
        }
    }
}
