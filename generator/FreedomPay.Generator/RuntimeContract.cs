using System;
using System.Collections.Generic;
using FreedomPay.Generator.Model;
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
    /// <param name="PackagedAreas">
    /// The areas the referenced FreedomPay.Client was generated with (<c>FreedomPay.{Area}.{Area}Client</c>); empty when
    /// the compilation is FreedomPay.Client itself. A user's area of the same name in the same namespace would clash.
    /// </param>
    /// <param name="SharedEnums">
    /// The public enums directly in the <c>FreedomPay</c> namespace of a referenced FreedomPay.Client (the packaged shared
    /// vocabulary), each as <c>Name:Member1,Member2</c> without <c>Unknown</c>; empty when the compilation is FreedomPay.Client.
    /// </param>
    internal readonly record struct RuntimeContract(int? Version, string? AssemblyVersion, EquatableArray<string> PackagedAreas, EquatableArray<string> SharedEnums)
    {
        /// <summary>The contract the templates emit against.</summary>
        public const int Required = 19;

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
                        return new RuntimeContract(version, type.ContainingAssembly.Identity.Version.ToString(), AreasOf(type.ContainingAssembly, compilation), SharedEnumsOf(type.ContainingAssembly, compilation));
                    }
                }

                return new RuntimeContract(0, type.ContainingAssembly.Identity.Version.ToString(), EquatableArray<string>.Empty, EquatableArray<string>.Empty);
            }

            foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
            {
                if (string.Equals(reference.Name, "FreedomPay.Client", StringComparison.Ordinal))
                {
                    return new RuntimeContract(1, reference.Version.ToString(), EquatableArray<string>.Empty, EquatableArray<string>.Empty);
                }
            }

            return new RuntimeContract(null, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty);
        }

        /// <summary>The shared enum of this name and members in the referenced runtime, as <see cref="SharedEnums"/> lists them.</summary>
        public static string SharedEnumKey(EnumModel model) => model.Name + ":" + string.Join(",", System.Linq.Enumerable.Select(model.Values, v => v.CsName));

        private static EquatableArray<string> SharedEnumsOf(IAssemblySymbol runtime, Compilation compilation)
        {
            if (SymbolEqualityComparer.Default.Equals(runtime, compilation.Assembly))
            {
                return EquatableArray<string>.Empty;
            }

            var enums = new List<string>();
            foreach (INamespaceSymbol root in runtime.GlobalNamespace.GetNamespaceMembers())
            {
                if (root.Name != "FreedomPay")
                {
                    continue;
                }

                foreach (INamedTypeSymbol type in root.GetTypeMembers())
                {
                    if (type.TypeKind == TypeKind.Enum && type.DeclaredAccessibility == Accessibility.Public)
                    {
                        var members = new List<string>();
                        foreach (ISymbol member in type.GetMembers())
                        {
                            if (member is IFieldSymbol { HasConstantValue: true } field && field.Name != "Unknown")
                            {
                                members.Add(field.Name);
                            }
                        }

                        enums.Add(type.Name + ":" + string.Join(",", members));
                    }
                }
            }

            enums.Sort(StringComparer.Ordinal);
            return enums.ToEquatableArray();
        }

        /// <summary>The <c>FreedomPay.{Area}</c> namespaces of a referenced FreedomPay.Client that hold an <c>{Area}Client</c>.</summary>
        private static EquatableArray<string> AreasOf(IAssemblySymbol runtime, Compilation compilation)
        {
            if (SymbolEqualityComparer.Default.Equals(runtime, compilation.Assembly))
            {
                return EquatableArray<string>.Empty;
            }

            var areas = new List<string>();
            foreach (INamespaceSymbol root in runtime.GlobalNamespace.GetNamespaceMembers())
            {
                if (root.Name != "FreedomPay")
                {
                    continue;
                }

                foreach (INamespaceSymbol area in root.GetNamespaceMembers())
                {
                    if (area.GetTypeMembers(area.Name + "Client").Length > 0)
                    {
                        areas.Add(area.Name);
                    }
                }
            }

            areas.Sort(StringComparer.Ordinal);
            return areas.ToEquatableArray();
        }
    }
}
