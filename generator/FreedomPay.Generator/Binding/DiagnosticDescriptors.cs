using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Binding
{
    /// <summary>
    /// Every diagnostic the generator reports. Ids are stable: never renumber, only add (and record the change in
    /// AnalyzerReleases.Unshipped.md). Messages name the key, the bad value and what is allowed.
    /// </summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "FreedomPay.Spec";

        public static readonly DiagnosticDescriptor YamlSyntax = Error("FPG0001", "YAML syntax error", "The spec is not valid YAML: {0}");

        public static readonly DiagnosticDescriptor EmptySpec = Error("FPG0002", "Empty spec", "The spec file '{0}' is empty; it needs at least 'area:' and 'operations:'");

        public static readonly DiagnosticDescriptor UnknownKey = Error("FPG0003", "Unknown key", "Unknown key '{0}' in {1}{2}");

        public static readonly DiagnosticDescriptor MissingKey = Error("FPG0004", "Missing required key", "{0} needs the key '{1}'");

        public static readonly DiagnosticDescriptor WrongType = Error("FPG0005", "Wrong value type", "'{0}' in {1} must be {2}, but is {3}");

        public static readonly DiagnosticDescriptor Duplicate = Error("FPG0006", "Duplicate name", "{0} '{1}' is declared more than once in {2}");

        public static readonly DiagnosticDescriptor InvalidMethod = Error("FPG0007", "Invalid HTTP method", "HTTP method '{0}' of operation '{1}' is not supported; use POST or GET");

        public static readonly DiagnosticDescriptor InvalidPath = Error("FPG0008", "Invalid path", "Path '{0}' of operation '{1}' is not valid: {2}");

        public static readonly DiagnosticDescriptor UnknownType = Error("FPG0009", "Unknown type", "Unknown type '{0}' for {1}; use one of: {2}");

        public static readonly DiagnosticDescriptor EmptyEnum = Error("FPG0010", "Enum without values", "{0} is an enum but lists no values; add 'values:'");

        public static readonly DiagnosticDescriptor ImpossibleConstraint = Error("FPG0011", "Constraint cannot hold", "Constraint on '{0}' cannot hold: {1}");

        public static readonly DiagnosticDescriptor InvalidIdentifier = Error("FPG0012", "Invalid C# name", "'{0}' cannot be used as the C# name of {1}: {2}");

        public static readonly DiagnosticDescriptor NameCollision = Error("FPG0013", "C# name collision", "C# name '{0}' of {1} collides with {2}; {3}");

        public static readonly DiagnosticDescriptor SignatureRule = Error("FPG0014", "Signature rule problem", "Operation '{0}': {1}");

        public static readonly DiagnosticDescriptor DuplicateArea = Error("FPG0015", "Area declared twice", "Area '{0}' is declared in more than one spec file ('{1}' and '{2}'); each area belongs to one file");

        /// <summary>A key that takes one of a few words got another (encoding, auth, fill, sensitive, role, kind, reply).</summary>
        public static readonly DiagnosticDescriptor InvalidValue = Error("FPG0016", "Not one of the allowed values", "'{0}' is not a valid value for '{1}'; {2}");

        /// <summary>A value of the right kind in the wrong form: a URL, a name, a code, a date format, a range, empty text.</summary>
        public static readonly DiagnosticDescriptor MalformedValue = Error("FPG0024", "Malformed value", "'{0}' is not a valid value for '{1}'; {2}");

        /// <summary>A key that exists, written where it does not apply (a type on a field the client fills).</summary>
        public static readonly DiagnosticDescriptor KeyNotHere = Error("FPG0025", "Key does not apply here", "'{0}' does not apply to {1}: {2}");

        public static readonly DiagnosticDescriptor EnumConflict = Error("FPG0017", "Enum declared differently", "Enum '{0}' is declared with different values in '{1}' and '{2}'; shared enums must list the same values");

        public static readonly DiagnosticDescriptor NoSharedDefinition = Error("FPG0019", "No shared definition", "'{0}' in {1} has no value, so it names a shared definition, but the area's '{2}:' declares none by that name; describe it here or add it under '{2}:'");

        public static readonly DiagnosticDescriptor UnknownElementReference = Error("FPG0026", "Unknown element reference", "'{0}' in {1} is not an element of the reply{2}");

        public static readonly DiagnosticDescriptor UnknownFieldReference = Error("FPG0021", "Unknown field reference", "'{0}' in {1} is not a request field the caller gives{2}");

        public static readonly DiagnosticDescriptor PackagedAreaClash = Error("FPG0022", "Area clashes with a packaged one", "Area '{0}' would be generated into {1}.{0}, where the referenced FreedomPay.Client already has its own '{0}' area; use that one (client.{0}), or generate yours into another namespace with <FreedomPayNamespace> (e.g. MyShop.FreedomPay) in the project. Nothing is generated for it until then.");

        public static readonly DiagnosticDescriptor RuntimeTooOld = Error("FPG0020", "FreedomPay.Client too old", "Area '{0}' is generated for FreedomPay.Client's generated-code contract {1}, but the referenced FreedomPay.Client {2} has contract {3}; update the FreedomPay.Client package to the version of FreedomPay.Generator. Nothing is generated until then.");

        public static readonly DiagnosticDescriptor MissingDescription = new DiagnosticDescriptor(
            "FPG0018", "Operation without description", "Operation '{0}' has no 'summary' or 'description'; its generated method will have no documentation", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public static readonly DiagnosticDescriptor HostCannotLoad = Error("FPG0023", "Compiler cannot load the generator's dependencies", "FreedomPay.Generator cannot run in this compiler ({0}): {1} could not be loaded. The generator runs in compilers hosted by .NET 8 or later (the .NET SDK's, Visual Studio 17.8 and later with the .NET compiler, Rider, VS Code); with a .NET Framework compiler, set <RoslynCompilerType>Core</RoslynCompilerType> in the project. Nothing is generated until then");

        public static readonly DiagnosticDescriptor InternalError = Error("FPG9999", "Generator internal error", "FreedomPay.Generator failed while {0}: {1}. This is a bug in the generator; please report it with the spec that caused it");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
