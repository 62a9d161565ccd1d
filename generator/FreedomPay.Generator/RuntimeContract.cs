using System;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator
{
    /// <summary>
    /// Which FreedomPay.Client the compilation references, and the generated-code contract it implements
    /// (<c>FreedomPay.Runtime.GeneratedCodeContract.Version</c>). Plain values: the pipeline compares them and stays
    /// cached while they do not change.
    /// </summary>
    /// <param name="Version">The runtime's contract; 1 for a FreedomPay.Client from before the contract type; null when none is referenced.</param>
    /// <param name="AssemblyVersion">The referenced FreedomPay.Client's version, for the message.</param>
    internal readonly record struct RuntimeContract(int? Version, string? AssemblyVersion)
    {
        /// <summary>The contract the templates emit against.</summary>
        public const int Required = 8;

        private const string ContractType = "FreedomPay.Runtime.GeneratedCodeContract";

        /// <summary>True when generated code would not compile against the referenced runtime.</summary>
        public bool IsTooOld => Version is { } version && version < Required;

        public static RuntimeContract Of(Compilation compilation)
        {
            if (compilation.GetTypeByMetadataName(ContractType) is { } type)
            {
                foreach (ISymbol member in type.GetMembers("Version"))
                {
                    if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int version })
                    {
                        return new RuntimeContract(version, type.ContainingAssembly.Identity.Version.ToString());
                    }
                }

                return new RuntimeContract(0, type.ContainingAssembly.Identity.Version.ToString());
            }

            foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
            {
                if (string.Equals(reference.Name, "FreedomPay.Client", StringComparison.Ordinal))
                {
                    return new RuntimeContract(1, reference.Version.ToString());
                }
            }

            return new RuntimeContract(null, null);
        }
    }
}
