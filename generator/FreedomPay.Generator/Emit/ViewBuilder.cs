using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FreedomPay.Generator.Description;
using FreedomPay.Generator.Model;

namespace FreedomPay.Generator.Emit
{
    /// <summary>
    /// Model -> template input for the files of an area: its client, its enums and its callbacks. Operations are built
    /// by <see cref="OperationViewBuilder"/>. The runtime API the views target lives in src/FreedomPay.Client/Runtime.
    /// </summary>
    internal static class ViewBuilder
    {
        public static FileView File(AreaContext context) => new FileView
        {
            SourceFile = context.Area.SpecFileName,
            Namespace = context.Options.RootNamespace + "." + context.Area.Name,
            Accessibility = context.Options.Accessibility,
            AreaClient = context.Area.Name + "Client",
            NullableEnable = context.Options.Language.NullableReferences,
            NullableRef = context.Options.Language.NullableReferences ? "?" : string.Empty,
            Setter = context.Options.Language.InitAccessors ? "init" : "set",
            FileScopedNamespace = context.Options.Language.FileScopedNamespaces,
        };

        public static AreaView Area(AreaUnit unit)
        {
            AreaInfo area = unit.Context.Area;
            AreaDescription runtime = Describe.Area(area);
            return new AreaView
            {
                File = File(unit.Context),
                AreaName = area.Name,
                ServersClass = area.Name + "Servers",
                Doc = DocText.FromSpec(area.Summary, $"Operations of the {area.Name} API area.", CSharpText.Paragraphs(area.Description).Append(SecretRemark(area)).ToArray()),
                Servers = area.Servers.Select(s => new ServerView { Name = s.CsName, Url = CSharpText.Literal(s.Url), UrlText = CSharpText.XmlEscape(s.Url), IsDefault = s.IsDefault }).ToList(),
                DefaultServer = runtime.DefaultServer.CsName,
                Encoding = runtime.Encoding.ToString(),
                Auth = runtime.Auth == AuthScheme.PgSig ? null : runtime.Auth.ToString(),
                AuthKeyId = runtime.AuthKeyId == "auth_id" ? null : CSharpText.Literal(runtime.AuthKeyId),
                AuthKeyIdNumber = runtime.AuthKeyIdNumber,
                AuthPathMember = runtime.AuthPathMember == "uri" ? null : CSharpText.Literal(runtime.AuthPathMember),
                RequestIdVersion = runtime.RequestIdVersion == 4 ? null : runtime.RequestIdVersion.ToString(CultureInfo.InvariantCulture),
                ServerAuth = runtime.ServerAuth.Select(s => new ServerAuthView { Server = s.CsName, Auth = s.Auth!.Value.ToString() }).ToList(),
                ServerHeaders = runtime.ServerHeaders.Select(s => new ServerHeadersView { Server = s.CsName, Headers = s.Headers.Select(OperationViewBuilder.Header).ToList() }).ToList(),
                ErrorStatus = CSharpText.Literal(runtime.Errors.StatusElement),
                ErrorValue = CSharpText.Literal(runtime.Errors.ErrorValue),
                ErrorCode = CSharpText.Literal(runtime.Errors.CodeElement),
                ErrorDescription = CSharpText.Literal(runtime.Errors.DescriptionElement),
                ErrorUnsignedCodes = runtime.Errors.UnsignedCodes.Select(CSharpText.Literal).ToList(),
                ErrorHttpStatuses = runtime.Errors.HttpStatuses.Select(status => status.ToString(CultureInfo.InvariantCulture)).ToList(),
                Secret = runtime.SecretName is null ? null : CSharpText.Literal(runtime.SecretName),
                PartialAccessor = unit.Context.Options.PartialClientAccessor,
                AccessorField = "_" + char.ToLowerInvariant(area.Name[0]) + area.Name.Substring(1),
                ExtensionsClass = area.Name + "ClientExtensions",
                Operations = unit.OperationNames.Select(name => name + "Info").ToList(),
            };
        }

        /// <summary>What the docs do not confirm about the area's own key (<c>secret: { verified: false }</c>), or null.</summary>
        private static string? SecretRemark(AreaInfo area) => area.Secret is null || area.SecretVerified
            ? null
            : $"Its own secret key ({CSharpText.Code("SecretKeys[\"" + area.Secret + "\"]")}): " + DocText.Lower(DocText.Unverified(false, area.SecretNote)!);

        public static EnumView Enum(EnumUnit unit)
        {
            EnumModel model = unit.Enum;
            FileView file = File(unit.Context);
            if (unit.Shared)
            {
                // One type for every area that shares it: the root namespace, which the areas' namespaces sit in.
                file.Namespace = unit.Context.Options.RootNamespace;
            }

            return new EnumView
            {
                File = file,
                Name = model.Name,
                WireOnly = unit.WireOnly,
                Doc = DocText.FromSpec(model.Description, $"Values of {CSharpText.Code(model.Name)} as the gateway sends and accepts them."),
                Members = model.Values.Select((v, i) => new EnumMemberView
                {
                    Name = v.CsName,
                    Wire = CSharpText.Literal(v.WireValue),
                    Number = i + 1,
                    Doc = DocText.FromSpec(v.Description, "Wire value: " + CSharpText.Code(v.WireValue) + "."),
                }).ToList(),
            };
        }

        public static CallbackView Callback(CallbackUnit unit)
        {
            CallbackModel callback = unit.Callback;
            FileView file = File(unit.Context);
            ReplyElementDescription[] described = callback.Fields.Select(Describe.Reply).ToArray();
            var view = new CallbackView
            {
                File = file,
                ReplyKind = callback.Reply.ToString(),
                Secret = unit.Context.Area.Secret is { } secret ? CSharpText.Literal(secret) : null,
                Callback = new ClassView
                {
                    Name = callback.Name,
                    Doc = DocText.FromSpec(
                        callback.Summary ?? callback.Description,
                        $"The {callback.Name} callback: a request FreedomPay sends to the merchant's server.",
                        (callback.Summary is null ? new List<string>() : CSharpText.Paragraphs(callback.Description)).Concat(new[]
                        {
                            "Read it with <see cref=\"Parse\"/>, which verifies its signature first; " + ReplyAdvice(callback.Reply),
                            DocText.Unverified(callback.Verified, callback.Note),
                        })),
                    Properties = ResponseViewBuilder.Properties(callback.Fields, described, file.NullableRef, file.Namespace, unit.Context.Options.Language.DateOnly),
                },
            };
            ResponseViewBuilder.CollectNested(callback.Fields, described, view.Nested, file.NullableRef, file.Namespace, unit.Context.Options.Language.DateOnly);
            return view;
        }

        private static string ReplyAdvice(CallbackReplyKind reply) => reply switch
        {
            CallbackReplyKind.Http200 => "answer with plain HTTP 200 (nothing else is read).",
            CallbackReplyKind.None => "it comes from the buyer's browser: answer with the shop's own page, nothing is read by the gateway.",
            _ => "answer with a <see cref=\"global::FreedomPay.CallbackReply\"/>.",
        };
    }
}
