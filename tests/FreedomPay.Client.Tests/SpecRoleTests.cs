using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.MobileBalance;
using FreedomPay.TestSupport;

namespace FreedomPay.Client.Tests;

/// <summary>
/// What the spec says about fields reaches logs and traces without the runtime knowing any wire name: the payment id
/// comes from the field with <c>role: payment-id</c>, masks from <c>sensitive:</c>.
/// </summary>
public sealed class SpecRoleTests
{
    [Fact]
    public async Task A_call_whose_reply_is_lost_is_traced_with_the_payment_id_of_its_request()
    {
        const long paymentId = 918273645;
        var tags = new ConcurrentQueue<(string Operation, string? PaymentId)>();
        using ActivityListener listener = ListenForPaymentIds(tags);
        using var test = new TestClient();
        test.Gateway.Respond = _ => throw new System.Net.Http.HttpRequestException("connection reset");

        await Assert.ThrowsAsync<FreedomPayOutcomeUnknownException>(() => test.Client.MobileBalance.PayAsync(new PayRequest { PaymentId = paymentId, AbonentPhone = "77017777777" }));

        Assert.Contains(("MobileBalance.Pay", paymentId.ToString()), tags);
    }

    [Fact]
    public async Task The_payment_id_of_a_reply_comes_from_the_element_with_the_role()
    {
        var tags = new ConcurrentQueue<(string Operation, string? PaymentId)>();
        using ActivityListener listener = ListenForPaymentIds(tags);
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("init_payment.php", ("pg_status", "ok"), ("pg_payment_id", "564738291")));

        await test.Client.MobileBalance.InitAsync(new InitRequest { Amount = 1m, Description = "Roles" });

        Assert.Contains(("MobileBalance.Init", "564738291"), tags);
        Assert.Equal("pg_payment_id", MobileBalanceClient.InitInfo.Descriptor.PaymentIdElement);
    }

    [Fact]
    public void Requests_show_their_set_values_with_the_spec_s_masks()
    {
        var pay = new PayRequest { PaymentId = 42, AbonentPhone = "77017777777", PaymentSystemCode = MobileOperator.Kcell };
        var approve = new ApproveRequest { PaymentId = 42, ApprovalCode = "077587" };

        Assert.Equal("PayRequest { pg_payment_id = 42, pg_abonent_phone = 7701*****77, pg_payment_system_code = KCELLKZT }", pay.ToString());
        Assert.Equal("ApproveRequest { pg_payment_id = 42, pg_approval_code = *** }", approve.ToString());
        Assert.Equal("StatusRequest { pg_payment_id = 7 }", new StatusRequest { PaymentId = 7 }.ToString());
    }

    [Fact]
    public async Task Reply_elements_the_spec_marks_sensitive_are_masked_and_others_are_not()
    {
        // The masks come from the reply's Shape: pg_user_phone is partial there; the signature is always hidden.
        using var test = new TestClient();
        test.Gateway.Respond = _ => FakeGateway.Xml(FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_payment_status", "success"), ("pg_user_phone", "77017777777")));

        StatusResponse reply = await test.Client.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 7 });

        Assert.Equal("<pg_user_phone>7701*****77</pg_user_phone>", reply.Raw.Root.Find("pg_user_phone")!.ToString());
        Assert.Equal("<pg_sig>***</pg_sig>", reply.Raw.Root.Find("pg_sig")!.ToString());
        Assert.Equal("<pg_payment_status>success</pg_payment_status>", reply.Raw.Root.Find("pg_payment_status")!.ToString());
        Assert.Equal("77017777777", reply.UserPhone);
    }

    [Fact]
    public void The_runtime_holds_no_wire_name_of_its_own_for_masks_or_payment_ids()
    {
        // Endpoint knowledge lives in the spec: the runtime's sources name no pg_ field outside comments and docs.
        string runtime = System.IO.Path.Combine(RepoRoot(), "src", "FreedomPay.Client", "Runtime");
        var offenders = System.IO.Directory.GetFiles(runtime, "*.cs")
            .SelectMany(file => System.IO.File.ReadLines(file).Select((line, i) => (file, line: line.Trim(), i)))
            .Where(x => !x.line.StartsWith("//", StringComparison.Ordinal) && x.line.Contains("\"pg_", StringComparison.Ordinal))
            .Select(x => $"{System.IO.Path.GetFileName(x.file)}:{x.i + 1}: {x.line}")
            .ToList();

        Assert.Empty(offenders);
    }

    /// <summary>Records the operation and payment id tags of every FreedomPay activity that stops.</summary>
    private static ActivityListener ListenForPaymentIds(ConcurrentQueue<(string Operation, string? PaymentId)> into)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == FreedomPayDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => into.Enqueue(((string)a.GetTagItem("freedompay.operation")!, a.GetTagItem("freedompay.payment_id") as string)),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static string RepoRoot()
    {
        string dir = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(System.IO.Path.Combine(dir, "FreedomPay.Generated.sln")))
        {
            dir = System.IO.Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("repository root not found");
        }

        return dir;
    }
}
