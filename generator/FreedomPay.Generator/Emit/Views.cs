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
        public string ErrorValue { get; set; } = "";
        public string ErrorCode { get; set; } = "";
        public string ErrorDescription { get; set; } = "";
        public bool PartialAccessor { get; set; }
        public string AccessorField { get; set; } = "";
        public string ExtensionsClass { get; set; } = "";
        public List<string> Operations { get; set; } = new List<string>();
    }

    internal sealed class ServerView
    {
        public string Name { get; set; } = "";
        public string Url { get; set; } = "";
        public string UrlText { get; set; } = "";
        public bool IsDefault { get; set; }
    }

    internal sealed class EnumView
    {
        public FileView File { get; set; } = new FileView();
        public string Name { get; set; } = "";
        public List<string> Doc { get; set; } = new List<string>();
        public List<EnumMemberView> Members { get; set; } = new List<EnumMemberView>();
        public string Allowed { get; set; } = "";
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
        public string StatusValues { get; set; } = "null";

        public FileView File { get; set; } = new FileView();
        public string Name { get; set; } = "";
        public string MethodName { get; set; } = "";
        public string DescriptorField { get; set; } = "";
        public List<string> MethodDoc { get; set; } = new List<string>();
        public string HttpMethod { get; set; } = "";
        public string Path { get; set; } = "";
        public string ScriptName { get; set; } = "";
        public bool SafeToRetry { get; set; }
        public string Timeout { get; set; } = "null";
        public bool SignedResponse { get; set; }
        public string MerchantIdField { get; set; } = "null";
        public string SaltField { get; set; } = "null";
        public string SignatureField { get; set; } = "null";
        public ClassView Request { get; set; } = new ClassView();
        public List<string> Constants { get; set; } = new List<string>();
        public List<string> Validations { get; set; } = new List<string>();
        public List<string> Writes { get; set; } = new List<string>();
        public List<PatternView> Patterns { get; set; } = new List<PatternView>();

        /// <summary>For the operation catalog: <c>new FieldInfo(...)</c> expressions and <c>Member = values.X(...)</c> assignments.</summary>
        public List<string> FieldInfos { get; set; } = new List<string>();
        public List<string> FromValues { get; set; } = new List<string>();
        public string SummaryLiteral { get; set; } = "null";
        public ClassView Response { get; set; } = new ClassView();
        public List<ClassView> Nested { get; set; } = new List<ClassView>();
    }

    internal sealed class CallbackView
    {
        public FileView File { get; set; } = new FileView();
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

        /// <summary>For response properties: the expression that reads the value from element <c>e</c>.</summary>
        public string Parse { get; set; } = "";
    }

    internal sealed class PatternView
    {
        public string Field { get; set; } = "";
        public string Literal { get; set; } = "";
    }
}
