using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>
    /// Model -> template input. Decides C# types, the runtime calls that read and write each value, and the doc
    /// comments; the runtime API it targets lives in src/FreedomPay.Client/Runtime.
    /// </summary>
    internal static class ViewBuilder
    {
        private const string Runtime = "global::FreedomPay.Runtime.";

        public static FileView File(AreaContext context) => new FileView
        {
            SourceFile = context.Area.SpecFileName,
            Namespace = context.Options.RootNamespace + "." + context.Area.Name,
            Accessibility = context.Options.Accessibility,
            AreaClient = context.Area.Name + "Client",
            NullableEnable = context.Options.Language.NullableReferences,
            NullableRef = context.Options.Language.NullableReferences ? "?" : string.Empty,
            Setter = context.Options.Language.InitAccessors ? "init" : "set",
        };

        public static AreaView Area(AreaUnit unit)
        {
            AreaInfo area = unit.Context.Area;
            return new AreaView
            {
                File = File(unit.Context),
                AreaName = area.Name,
                ServersClass = area.Name + "Servers",
                Doc = SpecDoc(area.Summary, $"Operations of the {area.Name} API area.", CSharpText.Paragraphs(area.Description).ToArray()),
                Servers = area.Servers.Select(s => new ServerView { Name = s.CsName, Url = CSharpText.Literal(s.Url), UrlText = CSharpText.XmlEscape(s.Url), IsDefault = s.IsDefault }).ToList(),
                DefaultServer = area.Servers.First(s => s.IsDefault).CsName,
                Encoding = Runtime + "RequestEncoding." + (area.Encoding == RequestEncoding.Multipart ? "Multipart" : "UrlEncoded"),
                ErrorStatus = CSharpText.Literal(area.Errors.StatusElement),
                ErrorValue = CSharpText.Literal(area.Errors.ErrorValue),
                ErrorCode = CSharpText.Literal(area.Errors.CodeElement),
                ErrorDescription = CSharpText.Literal(area.Errors.DescriptionElement),
                ErrorUnsignedCodes = area.Errors.UnsignedCodes.Select(CSharpText.Literal).ToList(),
                PartialAccessor = unit.Context.Options.PartialClientAccessor,
                AccessorField = "_" + char.ToLowerInvariant(area.Name[0]) + area.Name.Substring(1),
                ExtensionsClass = area.Name + "ClientExtensions",
                Operations = unit.OperationNames.Select(name => name + "Info").ToList(),
            };
        }

        public static EnumView Enum(EnumUnit unit)
        {
            EnumModel model = unit.Enum;
            return new EnumView
            {
                File = File(unit.Context),
                Name = model.Name,
                Doc = SpecDoc(
                    model.Description,
                    $"Values of {CSharpText.Code(model.Name)} as the gateway sends and accepts them.",
                    "<see cref=\"Unknown\"/> stands for a value this version of the client does not know: never take it for success."),
                Members = model.Values.Select((v, i) => new EnumMemberView
                {
                    Name = v.CsName,
                    Wire = CSharpText.Literal(v.WireValue),
                    Number = i + 1,
                    Doc = SpecDoc(v.Description, "Wire value: " + CSharpText.Code(v.WireValue) + "."),
                }).ToList(),
                Allowed = CSharpText.Literal(string.Join(", ", model.Values.Select(v => v.WireValue))),
            };
        }

        public static CallbackView Callback(CallbackUnit unit)
        {
            CallbackModel callback = unit.Callback;
            FileView file = File(unit.Context);
            var view = new CallbackView
            {
                File = file,
                Callback = new ClassView
                {
                    Name = callback.Name,
                    Doc = SpecDoc(
                        callback.Summary ?? callback.Description,
                        $"The {callback.Name} callback: a request FreedomPay sends to the merchant's server.",
                        (callback.Summary is null ? new List<string>() : CSharpText.Paragraphs(callback.Description)).Concat(new[]
                        {
                            "Read it with <see cref=\"Parse\"/>, which verifies its signature first; answer with a <see cref=\"global::FreedomPay.CallbackReply\"/>.",
                            Unverified(callback.Verified, callback.Note),
                        })),
                    Properties = callback.Fields.Select(f => ResponseProperty(f, file.NullableRef)).ToList(),
                },
            };
            CollectNested(callback.Fields, view.Nested, file.NullableRef);
            return view;
        }

        public static OperationView Operation(OperationUnit unit)
        {
            OperationModel op = unit.Operation;
            var view = new OperationView
            {
                File = File(unit.Context),
                Name = op.Name,
                MethodName = op.Name + "Async",
                DescriptorField = op.Name + "Operation",
                HttpMethod = CSharpText.Literal(op.HttpMethod),
                Path = CSharpText.Literal(op.Path),
                ScriptName = CSharpText.Literal(op.ScriptName),
                SafeToRetry = op.SafeToRetry,
                Timeout = op.TimeoutMilliseconds is { } ms ? $"global::System.TimeSpan.FromMilliseconds({ms.ToString(CultureInfo.InvariantCulture)})" : "null",
                SignedResponse = op.Response.Signed,
                MerchantIdField = CSharpText.NullableLiteral(op.Request.FirstOrDefault(f => f.Fill == FillKind.MerchantId)?.WireName),
                SaltField = CSharpText.NullableLiteral(op.Request.FirstOrDefault(f => f.Fill == FillKind.Salt)?.WireName),
                SignatureField = CSharpText.NullableLiteral(op.Request.FirstOrDefault(f => f.Fill == FillKind.Signature)?.WireName),
                SummaryLiteral = CSharpText.NullableLiteral(op.Summary),
                StatusValues = StatusValues(op, unit.Context.Area.Errors),
            };

            bool signedRequest = op.Request.Any(f => f.Fill == FillKind.Signature);
            string wireLine = $"Sends {CSharpText.Code(op.HttpMethod + " /" + op.Path)}"
                + (signedRequest ? $", signed with script name {CSharpText.Code(op.ScriptName)}." : ", unsigned.")
                + (op.SafeToRetry ? " Safe to retry: the client retries it on network errors." : " Never retried: after a timeout, check the payment status before sending it again.")
                + (op.TimeoutMilliseconds is { } timeoutMs ? $" Waits {(timeoutMs / 1000m).ToString(CultureInfo.InvariantCulture)} s for the reply." : string.Empty);
            string?[] remarks = CSharpText.Paragraphs(op.Description).Concat(new[] { wireLine, Unverified(op.Verified, op.Note) }).ToArray();
            view.MethodDoc = op.Summary is null
                ? SpecDoc(op.Description, op.Name + ".", new[] { wireLine, Unverified(op.Verified, op.Note) })
                : SpecDoc(op.Summary, op.Name + ".", remarks);
            view.MethodDoc.Add("<param name=\"request\">The request fields; validated before anything is sent.</param>");
            view.MethodDoc.Add("<param name=\"cancellationToken\">Cancels the call.</param>");
            view.MethodDoc.Add(op.Response.Signed
                ? $"<returns>The reply, its signature verified, as a <see cref=\"{op.Name}Response\"/>.</returns>"
                : $"<returns>The reply (unsigned), as a <see cref=\"{op.Name}Response\"/>.</returns>");

            view.Request = new ClassView
            {
                Name = op.Name + "Request",
                Doc = CSharpText.Doc($"Request of <see cref=\"{view.File.AreaClient}.{view.MethodName}\"/>" + (op.Summary is null ? "." : ": " + CSharpText.XmlEscape(Lower(op.Summary)))),
            };
            foreach (ConstantModel constant in op.Constants)
            {
                view.Constants.Add($"fields.Add({CSharpText.Literal(constant.WireName)}, {CSharpText.Literal(constant.Value)});");
            }

            foreach (RequestFieldModel field in op.Request.Where(f => f.Fill == FillKind.None))
            {
                AddRequestField(view, field, unit.Context.Options.Language);
            }

            view.Response = new ClassView
            {
                Name = op.Name + "Response",
                Doc = CSharpText.Doc($"Reply of <see cref=\"{view.File.AreaClient}.{view.MethodName}\"/>.", "Every element the gateway sent, also those not described here, stays available through <see cref=\"global::FreedomPay.Runtime.FreedomPayResponse.Raw\"/>."),
                Properties = op.Response.Elements.Select(e => ResponseProperty(e, view.File.NullableRef)).ToList(),
            };
            CollectNested(op.Response.Elements, view.Nested, view.File.NullableRef);
            return view;
        }

        private static void AddRequestField(OperationView view, RequestFieldModel field, LanguageFeatures language)
        {
            string wire = CSharpText.Literal(field.WireName);
            string member = CSharpText.Literal(field.CsName);
            string baseType = ScalarType(field.Type, field.EnumType);
            bool isReference = field.Type == FieldType.String;

            // A required member where the language has them; otherwise a nullable property checked when sent.
            bool compileTimeRequired = field.Required && language.RequiredMembers;
            bool nullableValue = !isReference && !compileTimeRequired;
            string propertyType = isReference
                ? (compileTimeRequired ? baseType : baseType + view.File.NullableRef)
                : (nullableValue ? baseType + "?" : baseType);
            ConstraintModel c = field.Constraints;

            var rules = new List<string>();
            if (c.MinLength is not null || c.MaxLength is not null)
            {
                rules.Add(c.MinLength is null ? $"At most {c.MaxLength} characters." : c.MaxLength is null ? $"At least {c.MinLength} characters." : $"{c.MinLength} to {c.MaxLength} characters.");
            }

            if (c.Min is not null || c.Max is not null)
            {
                rules.Add(c.Min is null ? $"At most {c.Max}." : c.Max is null ? $"At least {c.Min}." : $"From {c.Min} to {c.Max}.");
            }

            if (c.Pattern is not null)
            {
                rules.Add("Matches " + CSharpText.Code(c.Pattern) + ".");
            }

            string wireNote = "Wire name: " + CSharpText.Code(field.WireName) + (field.Type == FieldType.DateTime ? ", format " + CSharpText.Code(field.Format!) : string.Empty) + "."
                + (field.Required ? " Required." : string.Empty) + " " + string.Join(" ", rules);
            view.Request.Properties.Add(new PropertyView
            {
                Name = field.CsName,
                Type = propertyType,
                Required = compileTimeRequired,
                Doc = SpecDoc(field.Description, "The " + CSharpText.Code(field.WireName) + " field.", wireNote.Trim(), field.Example is null ? null : "Example: " + CSharpText.Code(field.Example) + ".", Unverified(field.Verified, field.Note)),
            });

            string name = field.CsName;
            if (field.Required && isReference)
            {
                view.Validations.Add($"validation.Required({wire}, {member}, {name});");
            }
            else if (field.Required && nullableValue)
            {
                view.Validations.Add($"validation.Required({wire}, {member}, {name}.HasValue);");
            }

            if (c.MinLength is not null || c.MaxLength is not null)
            {
                view.Validations.Add($"validation.Length({wire}, {member}, {name}, {IntOrNull(c.MinLength)}, {IntOrNull(c.MaxLength)});");
            }

            if (c.Min is not null || c.Max is not null)
            {
                string suffix = field.Type == FieldType.Integer ? "L" : "m";
                string Bound(string? value) => value is null ? "null" : value + suffix;
                view.Validations.Add($"validation.Range({wire}, {member}, {name}, {Bound(c.Min)}, {Bound(c.Max)});");
            }

            if (c.Pattern is not null)
            {
                string patternField = name + "Pattern";
                // The whole value must match, up to its true end: '$' alone also matches before a final newline.
                view.Patterns.Add(new PatternView { Field = patternField, Literal = CSharpText.Literal(WholeValuePattern(c.Pattern)) });
                view.Validations.Add($"validation.Pattern({wire}, {member}, {name}, {patternField});");
            }

            if (field.Type == FieldType.Enum)
            {
                string wireClass = field.EnumType + "Wire";
                string invalid = nullableValue ? $"{name}.HasValue && {wireClass}.ToWireValue({name}.Value) is null" : $"{wireClass}.ToWireValue({name}) is null";
                view.Validations.Add($"validation.Enum({wire}, {member}, {invalid}, {wireClass}.Allowed);");
                string value = nullableValue ? $"{name}.HasValue ? {wireClass}.ToWireValue({name}.Value) : null" : $"{wireClass}.ToWireValue({name})";
                view.Writes.Add($"fields.Add({wire}, {value});");
            }
            else if (field.Type == FieldType.DateTime)
            {
                view.Writes.Add($"fields.Add({wire}, {name}, {CSharpText.Literal(field.Format!)});");
            }
            else
            {
                view.Writes.Add($"fields.Add({wire}, {name});");
            }

            AddCatalogEntry(view, field, wire, member);
        }

        /// <summary>The field's <c>FieldInfo</c> and how the catalog builds its value from text.</summary>
        private static void AddCatalogEntry(OperationView view, RequestFieldModel field, string wire, string member)
        {
            string format = field.Type == FieldType.DateTime ? CSharpText.Literal(field.Format!) : "null";
            string allowed = field.Type == FieldType.Enum ? field.EnumType + "Wire.Values" : "null";
            view.FieldInfos.Add($"new {Runtime}FieldInfo({wire}, {member}, {Runtime}FieldValueType.{RuntimeValueType(field.Type)}, {CSharpText.Bool(field.Required)}, {CSharpText.NullableLiteral(field.Description)}, {allowed}, {format})");

            string getter = field.Type switch
            {
                FieldType.Integer => "Int64",
                FieldType.Decimal => "Decimal",
                FieldType.Boolean => "Boolean",
                FieldType.DateTime => "DateTime",
                FieldType.Enum => "Enum",
                _ => "String",
            };
            string extra = field.Type == FieldType.DateTime ? ", " + format : field.Type == FieldType.Enum ? $", {field.EnumType}Wire.Parse" : string.Empty;
            view.FromValues.Add($"{field.CsName} = values.{(field.Required ? "Required" + getter : getter)}({wire}, {member}{extra}),");
        }

        private static string RuntimeValueType(FieldType type) => type switch
        {
            FieldType.Integer => "Integer",
            FieldType.Decimal => "Decimal",
            FieldType.Boolean => "Boolean",
            FieldType.Enum => "Enum",
            FieldType.DateTime => "DateTime",
            _ => "String",
        };

        /// <param name="nullableRef">"?" where the language has nullable reference annotations, else "".</param>
        private static PropertyView ResponseProperty(ResponseElementModel element, string nullableRef)
        {
            string wire = CSharpText.Literal(element.WireName);
            string type;
            string parse;
            if (element.Type == FieldType.List)
            {
                string itemType = element.ItemType == FieldType.Object ? element.ClassName! : ScalarType(element.ItemType, null);
                type = $"global::System.Collections.Generic.IReadOnlyList<{itemType}>";
                parse = $"e.GetWrappedList({wire}, {CSharpText.Literal(element.ItemElement!)}, {ItemConverter(element.ItemType, element)})";
            }
            else if (element.Repeated)
            {
                string itemType = element.Type == FieldType.Object ? element.ClassName! : ScalarType(element.Type, element.EnumType);
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
                string scalar = ScalarType(element.Type, null);
                type = element.Required ? scalar : scalar + (element.Type == FieldType.String ? nullableRef : "?");
                string getter = (element.Required ? "GetRequired" : "Get") + RuntimeTypeName(element.Type);
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
                Doc = SpecDoc(element.Description, "The " + CSharpText.Code(element.WireName) + " element.", wireNote, Unverified(element.Verified, element.Note)),
            };
        }

        private static string ItemConverter(FieldType itemType, ResponseElementModel element) => itemType switch
        {
            FieldType.Object => element.ClassName + ".Parse",
            FieldType.Enum => $"x => {element.EnumType}Wire.Parse(x.AsString())",
            FieldType.DateTime => $"x => x.AsDateTime({CSharpText.Literal(element.Format ?? "yyyy-MM-dd HH:mm:ss")})",
            _ => $"x => x.As{RuntimeTypeName(itemType)}()",
        };

        private static void CollectNested(EquatableArray<ResponseElementModel> elements, List<ClassView> into, string nullableRef)
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
                    Properties = element.Children.Select(e => ResponseProperty(e, nullableRef)).ToList(),
                });
                CollectNested(element.Children, into, nullableRef);
            }
        }

        private static string ScalarType(FieldType type, string? enumType) => type switch
        {
            FieldType.String => "string",
            FieldType.Integer => "long",
            FieldType.Decimal => "decimal",
            FieldType.Boolean => "bool",
            FieldType.DateTime => "global::System.DateTime",
            FieldType.Enum => enumType!,
            _ => "string",
        };

        private static string RuntimeTypeName(FieldType type) => type switch
        {
            FieldType.Integer => "Int64",
            FieldType.Decimal => "Decimal",
            FieldType.Boolean => "Boolean",
            FieldType.DateTime => "DateTime",
            _ => "String",
        };

        /// <summary>Doc from spec text (its first paragraph is the summary, or <paramref name="fallback"/>) plus remarks.</summary>
        private static List<string> SpecDoc(string? specText, string fallback, params string?[] remarks) =>
            SpecDoc(specText, fallback, (IEnumerable<string?>)remarks);

        private static List<string> SpecDoc(string? specText, string fallback, IEnumerable<string?> remarks)
        {
            List<string> paragraphs = CSharpText.Paragraphs(specText);
            string summary = paragraphs.Count > 0 ? paragraphs[0] : fallback;
            return CSharpText.Doc(new[] { summary }, paragraphs.Skip(1).Concat(remarks));
        }

        private static string Lower(string text) => text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text.Substring(1) : text;

        private static string IntOrNull(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

        private static string? Unverified(bool verified, string? note) => verified
            ? (note is null ? null : CSharpText.XmlEscape(Upper(note)))
            : "Not confirmed by the public FreedomPay documentation" + (note is null ? "." : ": " + CSharpText.XmlEscape(note));

        private static string Upper(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        /// <summary>
        /// The spec's pattern wrapped so that it must match the whole value: <c>\A(?:pattern)\z</c>. The runtime shows
        /// the spec's own pattern in validation messages.
        /// </summary>
        internal static string WholeValuePattern(string pattern) => @"\A(?:" + pattern + @")\z";

        /// <summary>
        /// The wire values the spec lists for the reply's status element (<c>pg_status</c>), as the enum's value list;
        /// "null" when the status is not an enum. Tools use it to tell a status this client does not know.
        /// </summary>
        private static string StatusValues(OperationModel op, ErrorShape errors) =>
            op.Response.Elements.FirstOrDefault(e => e.WireName == errors.StatusElement && e.Type == FieldType.Enum && !e.Repeated) is { EnumType: { } enumType }
                ? enumType + "Wire.Values"
                : "null";
    }
}
