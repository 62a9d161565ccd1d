namespace FreedomPay.Generator.Model
{
    /// <summary>
    /// MSBuild settings the generator reads (build_property.*) and the consumer's C# version. They are part of
    /// every emitted unit so that a changed setting regenerates, and an unchanged one keeps everything cached.
    /// </summary>
    /// <param name="RootNamespace">Areas go to <c>{RootNamespace}.{Area}</c>; default <c>FreedomPay</c>.</param>
    /// <param name="Accessibility"><c>public</c> or <c>internal</c> for every generated type.</param>
    /// <param name="PartialClientAccessor">
    /// True only inside the assembly that defines <c>FreedomPayClient</c>: areas become properties of a partial
    /// class. Elsewhere they are reached through an extension method.
    /// </param>
    /// <param name="Language">What the consumer's C# version allows the generated code to use.</param>
    internal sealed record GeneratorOptions(string RootNamespace, string Accessibility, bool PartialClientAccessor, LanguageFeatures Language)
    {
        public static readonly GeneratorOptions Default = new GeneratorOptions("FreedomPay", "public", false, LanguageFeatures.Latest);
    }

    /// <summary>
    /// The C# features generated code may use, from the consuming project's language version and the types its
    /// framework provides: a netstandard2.0 library defaults to C# 7.3 (no nullable annotations, init accessors or
    /// required members), and even at a newer version it lacks the marker types init and required need unless it
    /// adds them (e.g. PolySharp). Without required members, required values are checked when a request is sent.
    /// </summary>
    /// <param name="DateOnly">The framework has <c>System.DateOnly</c> (.NET 6 and later): a <c>date</c> is one.</param>
    internal sealed record LanguageFeatures(bool NullableReferences, bool InitAccessors, bool RequiredMembers, bool FileScopedNamespaces, bool DateOnly = true)
    {
        public static readonly LanguageFeatures Latest = new LanguageFeatures(true, true, true, true);

        /// <param name="version">The effective version as a number: 703 for C# 7.3, 1100 for C# 11.</param>
        public static LanguageFeatures For(int version, CompilerSupport support) => new LanguageFeatures(
            version >= 800,
            version >= 900 && support.IsExternalInit,
            version >= 1100 && support.RequiredMembers,
            version >= 1000,
            support.DateOnly);
    }

    /// <summary>Whether the compilation can use the marker types that init accessors and required members need.</summary>
    internal readonly record struct CompilerSupport(bool IsExternalInit, bool RequiredMembers, bool DateOnly = false);
}
