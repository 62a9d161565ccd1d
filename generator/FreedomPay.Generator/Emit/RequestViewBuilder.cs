using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>
    /// A request's field table and caller properties. The table holds what the runtime needs to validate, write,
    /// describe and read the request from text; the generated code per field is only its property, one visitor call
    /// and one line reading it from text.
    /// </summary>
    internal static class RequestViewBuilder
    {
        public static RequestView Build(OperationModel op, FileView file, LanguageFeatures language)
        {
            var view = new RequestView
            {
                Name = op.Name + "Request",
                BaseType = "global::FreedomPay.Runtime.FreedomPayRequest",
                Doc = CSharpText.Doc($"Request of <see cref=\"{file.AreaClient}.{OperationViewBuilder.MethodName(op)}\"/>" + (op.Summary is null ? "." : ": " + CSharpText.XmlEscape(DocText.Lower(op.Summary)))),
            };

            // Wire order, as the client has always sent it: merchant id and constants, the caller's values, salt, signature.
            view.Table.AddRange(op.Request.Where(f => f.Fill == FillKind.MerchantId).Select(Filled));
            view.Table.AddRange(op.Constants.Select(c => new TableEntryView { Factory = "Constant", Wire = CSharpText.Literal(c.WireName), Value = CSharpText.Literal(c.Value) }));
            AddCallerFields(view, op.Request.Where(f => f.Fill == FillKind.None), file, language);

            view.ExtraParams = op.ExtraParams;
            view.Groups.AddRange(op.Groups.Select(g => new GroupView { Kind = g.Kind.ToString(), Fields = g.Fields.Select(CSharpText.Literal).ToList() }));
            view.Table.AddRange(op.Request.Where(f => f.Fill == FillKind.Salt).Select(Filled));
            view.Table.AddRange(op.Request.Where(f => f.Fill == FillKind.Signature).Select(Filled));
            return view;
        }

        /// <summary>The file of a class of list items or of a nested object: its fields' table and properties, no request plumbing.</summary>
        public static RequestPartView Part(RequestClassUnit unit)
        {
            FileView file = ViewBuilder.File(unit.Context);
            RequestClassModel model = unit.Class;
            string summary = (model.IsListItem ? "One item of the request field " : "The nested request field ") + CSharpText.Code(model.WireName)
                + (model.Description is null ? "." : ": " + CSharpText.XmlEscape(DocText.Lower(model.Description)));
            var view = new RequestView
            {
                Name = model.Name,
                BaseType = "global::FreedomPay.Runtime.FreedomPayRequestPart",
                Doc = CSharpText.Doc(summary),
            };
            AddCallerFields(view, model.Fields, file, unit.Context.Options.Language);
            return new RequestPartView { File = file, Request = view };
        }

        private static void AddCallerFields(RequestView view, IEnumerable<RequestFieldModel> fields, FileView file, LanguageFeatures language)
        {
            foreach (RequestFieldModel field in fields)
            {
                view.Properties.Add(Property(field, view.Table.Count, file, language));
                view.Table.Add(Entry(field, file));
            }
        }

        /// <summary><c>MerchantIdField</c>, <c>SaltField</c> or <c>SignatureField</c>.</summary>
        private static TableEntryView Filled(RequestFieldModel field) => new TableEntryView
        {
            Factory = field.Fill.ToString(),
            Wire = CSharpText.Literal(field.WireName),
            WireOnly = true,
        };

        private static TableEntryView Entry(RequestFieldModel field, FileView file)
        {
            ConstraintModel c = field.Constraints;
            return new TableEntryView
            {
                Factory = Kind(field.Type),
                Wire = CSharpText.Literal(field.WireName),
                Member = CSharpText.Literal(field.CsName),
                EnumType = field.Type == FieldType.Enum ? field.EnumType! : string.Empty,
                Format = TypeNames.HasFormat(field.Type) ? CSharpText.Literal(field.Format!) : string.Empty,
                Required = field.Required,
                Sensitivity = field.Sensitive == Sensitivity.None ? string.Empty : field.Sensitive.ToString(),
                PaymentId = field.PaymentId,
                MinLength = c.MinLength?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                MaxLength = c.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Min = c.Min ?? string.Empty,
                Max = c.Max ?? string.Empty,
                NumberSuffix = field.Type == FieldType.Integer ? "L" : "m",
                Scale = c.Scale?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Pattern = c.Pattern is null ? string.Empty : CSharpText.Literal(c.Pattern),
                Items = field.ClassName is null ? string.Empty : ClassRef(field, file) + ".FieldTable",
                MaxItems = field.MaxItems?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                Description = field.Description is null ? string.Empty : CSharpText.Literal(field.Description),
            };
        }

        private static RequestPropertyView Property(RequestFieldModel field, int index, FileView file, LanguageFeatures language)
        {
            bool nested = field.ClassName is not null;
            bool isReference = field.Type == FieldType.String || nested;

            // A required member where the language has them; otherwise a nullable property checked when sent.
            bool compileTimeRequired = field.Required && language.RequiredMembers;
            bool nullableValue = !isReference && !compileTimeRequired;
            string baseType = !nested ? TypeNames.Scalar(field.Type, field.EnumType)
                : field.Type == FieldType.List ? "global::System.Collections.Generic.IReadOnlyList<" + ClassRef(field, file) + ">"
                : ClassRef(field, file);
            return new RequestPropertyView
            {
                Index = index,
                Name = field.CsName,
                Type = isReference ? (compileTimeRequired ? baseType : baseType + file.NullableRef) : (nullableValue ? baseType + "?" : baseType),
                Kind = Kind(field.Type),
                Required = compileTimeRequired,
                ReadRequired = field.Required,
                Nullable = nullableValue,
                ReadWith = nested ? ClassRef(field, file) + ".FromText" : string.Empty,
                Bang = nested && compileTimeRequired && file.NullableEnable ? "!" : string.Empty,
                Doc = DocText.Member(field.Description, Remarks(field), DocText.Unverified(field.Verified, field.Note)),
            };
        }

        /// <summary>The item class, fully qualified: a property may share its name.</summary>
        private static string ClassRef(RequestFieldModel field, FileView file) => "global::" + file.Namespace + "." + field.ClassName;

        /// <summary>One remark: wire name, rules, role, sensitivity and example.</summary>
        private static string Remarks(RequestFieldModel field)
        {
            ConstraintModel c = field.Constraints;
            var parts = new List<string> { "Wire name " + CSharpText.Code(field.WireName) + (TypeNames.HasFormat(field.Type) ? ", format " + CSharpText.Code(field.Format!) : string.Empty) + "." };
            if (field.Required)
            {
                parts.Add("Required.");
            }

            if (c.MinLength is not null || c.MaxLength is not null)
            {
                parts.Add(c.MinLength is null ? $"At most {c.MaxLength} characters." : c.MaxLength is null ? $"At least {c.MinLength} characters." : $"{c.MinLength} to {c.MaxLength} characters.");
            }

            if (c.Min is not null || c.Max is not null)
            {
                parts.Add(c.Min is null ? $"At most {c.Max}." : c.Max is null ? $"At least {c.Min}." : $"From {c.Min} to {c.Max}.");
            }

            if (c.Pattern is not null)
            {
                parts.Add("Matches " + CSharpText.Code(c.Pattern) + ".");
            }

            if (field.PaymentId)
            {
                parts.Add("Identifies the payment in logs and traces.");
            }

            if (field.Sensitive != Sensitivity.None)
            {
                parts.Add(field.Sensitive == Sensitivity.Hidden ? "Sensitive: never logged." : "Sensitive: logged masked.");
            }

            if (field.ClassName is not null)
            {
                parts.Add(field.Type == FieldType.List
                    ? $"Sent as {CSharpText.Code(field.WireName + "[0][name]")}, {CSharpText.Code(field.WireName + "[1][name]")}, ...{(field.MaxItems is { } max ? $" At most {max} items." : string.Empty)}"
                    : $"Sent as {CSharpText.Code(field.WireName + "[name]")}.");
            }

            if (field.Example is not null)
            {
                parts.Add("Example: " + CSharpText.Code(field.Example) + ".");
            }

            return string.Join(" ", parts);
        }

        /// <summary>The runtime's value kind: the <c>RequestField</c> factory, the visitor method and the text reader.</summary>
        private static string Kind(FieldType type) => type switch
        {
            FieldType.Integer => "Integer",
            FieldType.Decimal => "Decimal",
            FieldType.Boolean => "Boolean",
            FieldType.Enum => "Enum",
            FieldType.DateTime => "DateTime",
            FieldType.DateTimeOffset => "DateTimeOffset",
            FieldType.List => "List",
            FieldType.Object => "Object",
            _ => "Text",
        };
    }
}
