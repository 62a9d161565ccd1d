using System.Collections.Immutable;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using FreedomPay.Generator.Tests.Infrastructure;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;
using Microsoft.CodeAnalysis;

namespace FreedomPay.Generator.Tests;

/// <summary>
/// What an area declares once (defaults, shared fields and elements, enums) and what a field says about itself
/// (sensitive, payment-id role), in a user's own YAML: compiled, called against a fake gateway, and shown.
/// </summary>
public sealed class SharedDefinitionTests
{
    private const string Namespace = "Shop";

    private const string Spec = """
        area: Orders
        servers:
          kz: https://api.example.test/
        defaults:
          request:
            pg_merchant_id: { fill: merchant-id }
            pg_salt: { fill: salt }
            pg_sig: { fill: signature }
        fields:
          pg_order_ref: { required: true, role: payment-id, description: The shop's reference. }
        elements:
          pg_order_ref: { required: true, role: payment-id }
        enums:
          OrderState:
            description: Where an order stands.
            values: [open, closed]
        operations:
          Close:
            path: /close
            summary: Closes an order.
            request:
              pg_order_ref:
              pg_pin: { required: true, sensitive: true }
              pg_contact_phone: { sensitive: partial }
            response:
              elements:
                pg_status: { values: [ok, error], enum: CloseStatus }
                pg_order_ref:
                pg_state: { enum: OrderState }
                pg_pin_echo: { sensitive: true }
          Peek:
            path: /peek
            summary: Reads an order without signing.
            defaults: false
            request:
              pg_order_ref:
            response:
              signed: false
              elements:
                pg_order_ref:
                pg_state: { enum: OrderState }
        """;

    private static (CompiledClient Client, Compilation Output) Compile()
    {
        var compilation = GeneratorHarness.EmptyCompilation(Basic.Reference.Assemblies.Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(FreedomPayClient).Assembly.Location)));
        var options = ImmutableDictionary<string, string>.Empty.Add("build_property.FreedomPayNamespace", Namespace);
        var (result, output) = GeneratorHarness.Run(new[] { new SpecFile("/specs/orders.yaml", Spec) }, options, compilation);
        Assert.Empty(GeneratorHarness.Describe(result.Diagnostics));
        Assert.Empty(RuntimeCompilation.Problems(output));
        return (CompiledClient.Load(output), output);
    }

    [Fact]
    public async Task Area_defaults_and_shared_fields_reach_the_wire_and_an_operation_can_opt_out()
    {
        var (generated, _) = Compile();
        var gateway = new FakeGateway
        {
            Respond = r => FakeGateway.ScriptOf(r) == "close"
                ? FakeGateway.Xml(FakeGateway.SignedReply("close", ("pg_status", "ok"), ("pg_order_ref", "A-1"), ("pg_state", "closed"), ("pg_pin_echo", "4321")))
                : FakeGateway.Xml("<response><pg_order_ref>A-1</pg_order_ref><pg_state>open</pg_state></response>"),
        };
        using var client = new FreedomPayClient(new HttpClient(gateway), new FreedomPayClientOptions
        {
            MerchantId = FakeGateway.MerchantId, SecretKey = FakeGateway.Secret, BaseAddress = new System.Uri("https://gateway.test/"),
        });

        object close = await generated.CallAsync(client, $"{Namespace}.Orders", "Orders", "Close", generated.Create($"{Namespace}.Orders.CloseRequest", ("OrderRef", "A-1"), ("Pin", "4321")));
        object peek = await generated.CallAsync(client, $"{Namespace}.Orders", "Orders", "Peek", generated.Create($"{Namespace}.Orders.PeekRequest", ("OrderRef", "A-1")));

        Assert.Equal(new[] { "pg_merchant_id", "pg_order_ref", "pg_pin", "pg_salt", "pg_sig" }, gateway.Requests[0].Names);
        Assert.Equal(ReferenceSignature.Sign("close", gateway.Requests[0].Fields, FakeGateway.Secret), gateway.Requests[0]["pg_sig"]);
        Assert.Equal(new[] { "pg_order_ref" }, gateway.Requests[1].Names);
        Assert.Equal("Closed", close.GetType().GetProperty("State")!.GetValue(close)!.ToString());
        Assert.Equal("Open", peek.GetType().GetProperty("State")!.GetValue(peek)!.ToString());
        Assert.Equal(generated.Type($"{Namespace}.Orders.OrderState"), peek.GetType().GetProperty("State")!.PropertyType.GetGenericArguments().Single());
    }

    [Fact]
    public void Sensitive_values_are_masked_in_ToString_and_replies_and_the_payment_id_role_reaches_the_runtime()
    {
        var (generated, _) = Compile();
        object request = generated.Create($"{Namespace}.Orders.CloseRequest", ("OrderRef", "A-1"), ("Pin", "4321"), ("ContactPhone", "77017777777"));

        Assert.Equal("CloseRequest { pg_order_ref = A-1, pg_pin = ***, pg_contact_phone = 7701*****77 }", request.ToString());

        var info = (OperationInfo)generated.Type($"{Namespace}.Orders.OrdersClient").GetProperty("CloseInfo")!.GetValue(null)!;
        Assert.Equal(FieldRole.PaymentId, info.Fields.CallerFields.Single(f => f.WireName == "pg_order_ref").Role);
        Assert.Equal("pg_order_ref", info.Descriptor.PaymentIdElement);
        Assert.Equal(FieldSensitivity.Hidden, info.Descriptor.Reply.Single(e => e.Name == "pg_pin_echo").Sensitivity);
        Assert.Equal(FieldSensitivity.None, info.Descriptor.Reply.Single(e => e.Name == "pg_state").Sensitivity);
        Assert.Equal("***", info.Fields.Redact("pg_pin", "4321"));
    }
}
