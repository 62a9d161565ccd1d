using System.Linq;
using FreedomPay.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// <c>deprecated:</c> on an operation and on a request field: <c>[Obsolete]</c> with the spec's text where a caller
/// uses them, none inside the generated code itself (which still sends a deprecated field that is set), and the text
/// in the runtime description that tools show.
/// </summary>
public sealed class DeprecatedKeyTests
{
    private const string Spec = """
        area: Old
        servers:
          kz: https://api.example.test/
        operations:
          Ping:
            path: /ping
            summary: Checks the connection.
            deprecated: use Status instead
            request:
              pg_merchant_id: { fill: merchant-id }
              pg_order_id: { max-length: 10, deprecated: send pg_payment_id instead }
              pg_payment_id: integer
              pg_salt: { fill: salt }
              pg_sig: { fill: signature }
            response:
              elements:
                pg_status: { values: [ok, error] }
        """;

    [Fact]
    public void A_deprecated_operation_and_field_are_obsolete_for_callers_and_compile_clean_inside()
    {
        CSharpCompilation compilation = GeneratorHarness.EmptyCompilation(
            Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/old.yaml", Spec) }, compilation: compilation);

        string operation = result.GeneratedSources.Single(s => s.HintName == "Old.Ping.g.cs").SourceText.ToString();
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output)); // the generated code's own reads of the field are not warnings
        Assert.Contains("[global::System.Obsolete(\"use Status instead\")]\n    public global::System.Threading.Tasks.Task<PingResponse> PingAsync(", operation.Replace("\r\n", "\n"));
        Assert.Contains("[global::System.Obsolete(\"send pg_payment_id instead\")]\n    public string? OrderId", operation.Replace("\r\n", "\n"));
        Assert.Contains("\"Deprecated: use Status instead Checks the connection.\"", operation); // the summary tools show
        Assert.Contains("description: \"Deprecated: send pg_payment_id instead\"", operation);

        // A caller that still uses them is warned with the spec's text.
        Compilation caller = output.AddSyntaxTrees(CSharpSyntaxTree.ParseText("""
            class Caller
            {
                static object Use(FreedomPay.Old.OldClient client) =>
                    client.PingAsync(new FreedomPay.Old.PingRequest { OrderId = "A-1" });
            }
            """, GeneratorHarness.ParseOptions));
        string[] warnings = caller.GetDiagnostics().Where(d => d.Id == "CS0618").Select(d => d.GetMessage()).ToArray();
        Assert.Contains(warnings, w => w.Contains("use Status instead"));
        Assert.Contains(warnings, w => w.Contains("send pg_payment_id instead"));
    }
}
