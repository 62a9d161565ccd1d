using System;
using System.Collections.Immutable;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Generator.Tests.Infrastructure;
using FreedomPay.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// <c>type: date</c>: a calendar date on the wire as <c>yyyy-MM-dd</c>, a <c>DateOnly</c> in C# where the framework has
/// one and a <c>DateTime</c> on netstandard2.0; to the runtime (and so to the tool and the sandbox) a date-time in the
/// date's format.
/// </summary>
public sealed class DateTypeTests
{
    private const string Spec = """
        area: Cards
        servers:
          kz: https://api.example.test/
        operations:
          Statement:
            path: /statement
            summary: Reads a card's statement for a day.
            request:
              pg_merchant_id: { fill: merchant-id }
              pg_on: { type: date, required: true }
              pg_salt: { fill: salt }
              pg_sig: { fill: signature }
            response:
              elements:
                pg_status: { values: [ok, error] }
                pg_opened: date
                pg_holidays: { type: list, item: pg_holiday, item-type: date }
        """;

    [Fact]
    public async Task A_date_is_sent_and_read_as_yyyy_MM_dd_and_is_a_DateOnly_on_net()
    {
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/cards.yaml", Spec) }, ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", "Dates"), compilation);
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
        CompiledClient generated = CompiledClient.Load(output);
        var gateway = new FakeGateway
        {
            Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("statement", ("pg_status", "ok"), ("pg_opened", "2019-08-24"))),
        };
        using var client = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions { MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = new Uri("https://gateway.test/") });

        object reply = await generated.CallAsync(client, "Dates.Cards", "Cards", "Statement", generated.Create("Dates.Cards.StatementRequest", ("On", new DateOnly(2026, 12, 31))));

        Assert.Equal("2026-12-31", gateway.Single["pg_on"]);
        Assert.Equal(ReferenceSignature.Sign("statement", gateway.Single.Fields, FakeGateway.Secret), gateway.Single["pg_sig"]);
        Assert.Equal(new DateOnly(2019, 8, 24), reply.GetType().GetProperty("Opened")!.GetValue(reply));
        Assert.Empty((System.Collections.Generic.IReadOnlyList<DateOnly>)reply.GetType().GetProperty("Holidays")!.GetValue(reply)!);
    }

    [Fact]
    public void On_netstandard20_a_date_is_a_DateTime()
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            Array.Empty<SyntaxTree>(),
            Basic.Reference.Assemblies.NetStandard20.References.All.Append(MetadataReference.CreateFromFile(RepoPaths.BuiltClient("netstandard2.0"))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/cards.yaml", Spec) }, ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", "Dates"), compilation, new CSharpParseOptions(LanguageVersion.CSharp9));

        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
        INamedTypeSymbol request = output.GetTypeByMetadataName("Dates.Cards.StatementRequest")!;
        INamedTypeSymbol response = output.GetTypeByMetadataName("Dates.Cards.StatementResponse")!;
        Assert.Equal("System.DateTime?", ((IPropertySymbol)request.GetMembers("On").Single()).Type.ToDisplayString());
        Assert.Equal("System.DateTime?", ((IPropertySymbol)response.GetMembers("Opened").Single()).Type.ToDisplayString());
    }
}
