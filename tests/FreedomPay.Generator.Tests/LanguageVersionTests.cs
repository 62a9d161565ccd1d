using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Generator.Tests.Infrastructure;
using FreedomPay.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// Generated code follows the consumer's C# version: a netstandard2.0 library defaults to C# 7.3 (no nullable
/// annotations, init accessors or required members), and its build must still compile the output cleanly.
/// </summary>
public sealed class LanguageVersionTests
{
    public static TheoryData<string, LanguageVersion> Cases()
    {
        var data = new TheoryData<string, LanguageVersion>();
        foreach (string spec in new[] { "real", "enums", "response-shapes", "request-shapes" })
        {
            foreach (LanguageVersion version in new[] { LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.CSharp10, LanguageVersion.CSharp11 })
            {
                data.Add(spec, version);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_compiles_without_warnings_in_a_netstandard20_library_at_that_language_version(string spec, LanguageVersion version)
    {
        var parseOptions = new CSharpParseOptions(version, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Consumer",
            Array.Empty<SyntaxTree>(),
            Basic.Reference.Assemblies.NetStandard20.References.All.Append(MetadataReference.CreateFromFile(RepoPaths.BuiltClient("netstandard2.0"))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: version >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable));

        var (result, output) = GeneratorHarness.Run(new[] { Spec(spec) }, ConsumerNamespace, compilation, parseOptions);

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
    }

    [Fact]
    public void At_csharp_7_3_the_output_has_no_nullable_annotations_init_or_required()
    {
        var (result, _) = GeneratorHarness.Run(new[] { Spec("enums") }, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp7_3));

        Snapshot.VerifyAll("enums-csharp7.3", result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    [Fact]
    public async Task Without_required_members_a_missing_required_value_is_refused_when_sent()
    {
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        var (_, output) = GeneratorHarness.Run(new[] { Spec("real") }, ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", "Old"), compilation, new CSharpParseOptions(LanguageVersion.CSharp10));
        CompiledClient generated = CompiledClient.Load(output);
        var gateway = new FakeGateway();
        using var client = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions { MerchantId = "1", SecretKey = "s", BaseAddress = new Uri("https://gateway.test/") });
        object request = generated.Create("Old.MobileBalance.PayRequest", ("AbonentPhone", "77017777777")); // no PaymentId

        var ex = await Assert.ThrowsAsync<FreedomPayValidationException>(() => generated.CallAsync(client, "Old.MobileBalance", "MobileBalance", "Pay", request));

        Assert.Equal("pg_payment_id (PaymentId) is required", Assert.Single(ex.Errors).ToString());
        Assert.Empty(gateway.Requests);
    }

    /// <summary>A consumer's own namespace (the default one would clash with FreedomPay.Client's own MobileBalance types).</summary>
    private static readonly ImmutableDictionary<string, string> ConsumerNamespace = ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", "Consumer");

    private static SpecFile Spec(string name)
    {
        string path = name == "real" ? RepoPaths.RealSpec : Path.Combine(AppContext.BaseDirectory, "Specs", name + ".yaml");
        return new SpecFile(path, File.ReadAllText(path));
    }
}
