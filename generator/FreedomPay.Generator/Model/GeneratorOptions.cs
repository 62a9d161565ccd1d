namespace FreedomPay.Generator.Model
{
    /// <summary>
    /// MSBuild settings the generator reads (build_property.*). They are part of every emitted unit so that a
    /// changed setting regenerates, and an unchanged one keeps everything cached.
    /// </summary>
    /// <param name="RootNamespace">Areas go to <c>{RootNamespace}.{Area}</c>; default <c>FreedomPay</c>.</param>
    /// <param name="Accessibility"><c>public</c> or <c>internal</c> for every generated type.</param>
    /// <param name="PartialClientAccessor">
    /// True only inside the assembly that defines <c>FreedomPayClient</c>: areas become properties of a partial
    /// class. Elsewhere they are reached through an extension method.
    /// </param>
    internal sealed record GeneratorOptions(string RootNamespace, string Accessibility, bool PartialClientAccessor)
    {
        public static readonly GeneratorOptions Default = new GeneratorOptions("FreedomPay", "public", false);
    }
}
