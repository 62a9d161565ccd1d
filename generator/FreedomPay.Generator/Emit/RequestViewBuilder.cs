using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Generator.Description;
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
        /// <param name="op">The operation (its fields' C# side: properties, docs).</param>
        /// <param name="table">Its runtime description (<see cref="Describe.Request"/>): the table's entries, in wire order.</param>
        /// <param name="file">The file's settings.</param>
        /// <param name="language">The consumer's C# features.</param>
        public static RequestView Build(OperationModel op, RequestTableDescription table, FileView file, LanguageFeatures language)
        {
            var view = new RequestView
            {
                Name = table.Name,
                BaseType = "global::FreedomPay.Runtime.FreedomPayRequest",
                Doc = CSharpText.Doc($"Request of <see cref=\"{file.AreaClient}.{OperationViewBuilder.MethodName(op)}\"/>" + (op.Summary is null ? "." : ": " + CSharpText.XmlEscape(DocText.Lower(op.Summary)))),
                ExtraParams = table.ExtraParams,
            };
            AddTable(view, table, op.Request, file, language);
            view.Groups.AddRange(table.Groups.Select(g => new GroupView { Kind = g.Kind.ToString(), Fields = g.Fields.Select(CSharpText.Literal).ToList() }));
            view.PostedForm = PostedForm(op, view);
            return view;
        }

        /// <summary>
        /// The factory of a request a page's post back fills (3-D Secure's MD and PaRes): the posted fields from the
        /// form, the other required values as parameters; null when no field is <c>posted-as</c>.
        /// </summary>
        private static PostedFormView? PostedForm(OperationModel op, RequestView view)
        {
            Dictionary<string, RequestFieldModel> byName = op.Request.Where(f => f.Fill == FillKind.None).ToDictionary(f => f.CsName);
            if (!byName.Values.Any(f => f.PostedAs is not null))
            {
                return null;
            }

            var form = new PostedFormView();
            foreach (RequestPropertyView p in view.Properties)
            {
                RequestFieldModel field = byName[p.Name];
                if (field.PostedAs is not null)
                {
                    form.Assignments.Add($"{p.Name} = posted.{(p.ReadRequired ? "Required" : string.Empty)}Text({p.Index})");
                }
                else if (field.Required)
                {
                    string parameter = char.ToLowerInvariant(p.Name[0]) + p.Name.Substring(1);
                    parameter = Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(parameter) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None ? parameter : "@" + parameter;
                    form.Parameters.Add(p.Type.TrimEnd('?') + " " + parameter);
                    form.Assignments.Add($"{p.Name} = {parameter}");
                }
            }

            string posted = string.Join(", ", op.Request.Where(f => f.PostedAs is not null).Select(f => f.PostedAs + " (" + CSharpText.Code(f.WireName) + ")"));
            form.Doc = CSharpText.Doc(
                new[] { $"The request from what a page posted back to the merchant's return address: {posted}." },
                new[] { "Names are compared without case; at most 256 form fields are read. A required field the page did not post throws <see cref=\"global::FreedomPay.FreedomPayValidationException\"/>; the values are checked like any request's when it is sent." });
            form.Doc.Add("<param name=\"form\">The fields the page posted (name, value).</param>");
            foreach (string parameter in form.Parameters)
            {
                string name = parameter.Substring(parameter.LastIndexOf(' ') + 1).TrimStart('@');
                form.Doc.Add($"<param name=\"{name}\">{CSharpText.XmlEscape(byName[char.ToUpperInvariant(name[0]) + name.Substring(1)].Description ?? "The request's value.")}</param>");
            }

            form.Doc.Add("<returns>The request, ready to send.</returns>");
            return form;
        }

        /// <summary>The file of a class of list items or of a nested object: its fields' table and properties, no request plumbing.</summary>
        public static RequestPartView Part(RequestClassUnit unit)
        {
            FileView file = ViewBuilder.File(unit.Context);
            RequestClassModel model = unit.Class;
            string summary = (model.IsListItem ? "One item of the request field " : "The nested request field ") + CSharpText.Code(model.WireName)
                + (model.Description is null ? "." : ": " + CSharpText.XmlEscape(DocText.Lower(model.Description)));
            RequestTableDescription table = Describe.Class(model);
            var view = new RequestView
            {
                Name = table.Name,
                BaseType = "global::FreedomPay.Runtime.FreedomPayRequestPart",
                Doc = CSharpText.Doc(summary),
            };
            AddTable(view, table, model.Fields, file, unit.Context.Options.Language);
            return new RequestPartView { File = file, Request = view };
        }

        /// <summary>The table's entries as the description gives them; a property (and its index) for each caller's value.</summary>
        private static void AddTable(RequestView view, RequestTableDescription table, IEnumerable<RequestFieldModel> fields, FileView file, LanguageFeatures language)
        {
            Dictionary<string, RequestFieldModel> byWireName = fields.Where(f => f.Fill == FillKind.None).ToDictionary(f => f.WireName);
            foreach (RequestFieldDescription entry in table.Fields)
            {
                if (entry.Entry == FieldEntry.Value)
                {
                    view.Properties.Add(Property(byWireName[entry.WireName], view.Table.Count, file, language));
                }

                view.Table.Add(Entry(entry, file));
            }
        }

        private static TableEntryView Entry(RequestFieldDescription field, FileView file)
        {
            switch (field.Entry)
            {
                case FieldEntry.MerchantId:
                case FieldEntry.RequestId:
                case FieldEntry.Salt:
                case FieldEntry.Signature:
                    // MerchantIdField, SaltField, SignatureField
                    return new TableEntryView { Factory = field.Entry.ToString(), Wire = CSharpText.Literal(field.WireName), WireOnly = true };
                case FieldEntry.Constant:
                    return new TableEntryView { Factory = "Constant", Wire = CSharpText.Literal(field.WireName), Value = CSharpText.Literal(field.ConstantValue!) };
            }

            ConstraintModel c = field.Constraints ?? ConstraintModel.None;
            return new TableEntryView
            {
                Factory = field.Kind,
                Wire = CSharpText.Literal(field.WireName),
                Member = CSharpText.Literal(field.MemberName!),
                EnumType = field.EnumType,
                Format = field.Format is null ? null : CSharpText.Literal(field.Format),
                Required = field.Required,
                Sensitivity = field.Sensitivity == Sensitivity.None ? null : field.Sensitivity.ToString(),
                PaymentId = field.PaymentId,
                MinLength = c.MinLength?.ToString(CultureInfo.InvariantCulture),
                MaxLength = c.MaxLength?.ToString(CultureInfo.InvariantCulture),
                Min = c.Min,
                Max = c.Max,
                NumberSuffix = field.Kind == "Integer" ? "L" : "m",
                Scale = c.Scale?.ToString(CultureInfo.InvariantCulture),
                Pattern = c.Pattern is null ? null : CSharpText.Literal(c.Pattern),
                Check = c.Check == "luhn" ? "Luhn" : null,
                PostedAs = field.PostedAs is null ? null : CSharpText.Literal(field.PostedAs),
                Items = field.ClassName is null ? null : "global::" + file.Namespace + "." + field.ClassName + ".FieldTable",
                MaxItems = field.MaxItems?.ToString(CultureInfo.InvariantCulture),
                Description = field.Description is null ? null : CSharpText.Literal(field.Description),
            };
        }

        private static RequestPropertyView Property(RequestFieldModel field, int index, FileView file, LanguageFeatures language)
        {
            bool nested = field.ClassName is not null;
            bool isReference = field.Type == FieldType.String || nested;

            // A required member where the language has them; otherwise a nullable property checked when sent.
            bool compileTimeRequired = field.Required && language.RequiredMembers;
            bool nullableValue = !isReference && !compileTimeRequired;
            bool dateOnly = field.Type == FieldType.Date && language.DateOnly;
            string baseType = !nested ? TypeNames.Scalar(field.Type, field.EnumType, language.DateOnly)
                : field.Type == FieldType.List ? "global::System.Collections.Generic.IReadOnlyList<" + ClassRef(field, file) + ">"
                : ClassRef(field, file);
            return new RequestPropertyView
            {
                Index = index,
                Name = field.CsName,
                Type = isReference ? (compileTimeRequired ? baseType : baseType + file.NullableRef) : (nullableValue ? baseType + "?" : baseType),
                Kind = Describe.Kind(field.Type),
                // A DateOnly reaches the runtime as the DateTime of its midnight; text is read back as a DateOnly.
                ReadKind = dateOnly ? "Date" : Describe.Kind(field.Type),
                VisitWith = dateOnly ? "AsDateTime" : null,
                Required = compileTimeRequired,
                ReadRequired = field.Required,
                Nullable = nullableValue,
                ReadWith = nested ? ClassRef(field, file) + ".FromText" : null,
                Bang = nested && compileTimeRequired && file.NullableEnable ? "!" : string.Empty,
                Obsolete = field.Deprecated is null ? null : CSharpText.Literal(field.Deprecated),
                Doc = DocText.Member(field.Description, Remarks(field), DocText.Unverified(field.Verified, field.Note)),
            };
        }

        /// <summary>The item class, fully qualified: a property may share its name.</summary>
        private static string ClassRef(RequestFieldModel field, FileView file) => "global::" + file.Namespace + "." + field.ClassName;

        /// <summary>One remark: wire name, rules, role, sensitivity and example.</summary>
        private static string Remarks(RequestFieldModel field)
        {
            ConstraintModel c = field.Constraints;
            var parts = new List<string> { "Wire name " + CSharpText.Code(field.WireName) + (Describe.HasFormat(field.Type) ? ", format " + CSharpText.Code(field.Format!) : string.Empty) + "." };
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

            if (c.Check == "luhn")
            {
                parts.Add("A card number: its Luhn check digit is checked before sending.");
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
    }
}
