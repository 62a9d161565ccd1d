using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FreedomPay.Sandbox;
using FreedomPay.TestSupport;
using Microsoft.AspNetCore.Builder;

namespace FreedomPay.Cli.Tests;

/// <summary>The freedompay tool against a sandbox the test starts: output, --json, exit codes, help, redaction.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Demo_runs_the_whole_flow_and_exits_0()
    {
        CliResult result = await CliRunner.RunAsync("demo");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. init") && l.Contains("pg_status=ok"));
        Assert.Contains(lines, l => l.Contains("2. pay") && l.Contains("pg_status=need_approve") && l.Contains("7701*****77"));
        Assert.Contains(lines, l => l.Contains("3. approve") && l.Contains("pg_status=ok"));
        Assert.Contains(lines, l => l.Contains("4. status") && l.Contains("pg_payment_status=success"));
        Assert.StartsWith("Demo finished: payment", lines.Last());
        Assert.Contains("paid (150.50 KZT) in 4 calls", lines.Last());
        Assert.DoesNotContain("111111", result.Out);
    }

    [Fact]
    public async Task Demo_hosted_pays_on_the_hosted_page_as_the_buyer_and_the_shop_is_notified()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--hosted");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. init") && l.Contains("pg_redirect_url http://127.0.0.1:") && l.Contains("/pay/"));
        Assert.Contains(lines, l => l.Contains("2. buyer") && l.Contains("\"Pay from your mobile balance\", 150.50 KZT"));
        Assert.Contains(lines, l => l.Contains("3. buyer") && l.Contains("We sent a code by SMS"));
        Assert.Contains(lines, l => l.Contains("4. buyer") && l.Contains("/_sandbox/shop/return/success?pg_order_id=demo-"));
        Assert.Contains(lines, l => l.Contains("6. notify") && l.Contains("pg_result=1") && l.Contains("pg_status=ok, signature valid"));
        Assert.Contains(lines, l => l.Contains("7. status") && l.Contains("pg_payment_status=success"));
        Assert.StartsWith("Demo finished: payment", lines.Last());
        Assert.DoesNotContain("111111", result.Out);
    }

    [Fact]
    public async Task Demo_card_holds_on_the_card_page_then_clears_part_refunds_part_and_status_shows_both()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--card", "--amount", "1000");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. init") && l.Contains("1000.00 KZT, two-step") && l.Contains("/pay/card/"));
        Assert.Contains(lines, l => l.Contains("2. buyer") && l.Contains("held on the card"));
        Assert.Contains(lines, l => l.Contains("3. clearing") && l.Contains("cleared 800.00 of 1000.00 KZT"));
        Assert.Contains(lines, l => l.Contains("4. refund") && l.Contains("refunded 400.00 KZT"));
        Assert.Contains(lines, l => l.Contains("5. status") && l.Contains("pg_payment_status=success  captured 800.00  refunded 400.00  refunds 1  card 440564******6150"));
        Assert.StartsWith("Demo finished: payment", lines.Last());
        Assert.DoesNotContain("4405645000006150", result.Out); // the card number is shown masked only
    }

    [Fact]
    public async Task Demo_gateway_passes_3DS_on_the_issuer_page_clears_refunds_saves_the_card_pays_and_transfers_by_token()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--gateway", "--amount", "1000");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. pay") && l.Contains("1000.00 KZT, two-step") && l.Contains("pg_3ds=1"));
        Assert.Contains(lines, l => l.Contains("2. buyer") && l.Contains("/_sandbox/issuer") && l.Contains("MD and PaRes"));
        Assert.Contains(lines, l => l.Contains("3. 3ds") && l.Contains("held on the card"));
        Assert.Contains(lines, l => l.Contains("4. clearing") && l.Contains("cleared 800.00 of 1000.00 KZT"));
        Assert.Contains(lines, l => l.Contains("5. refund") && l.Contains("refunded 400.00 KZT"));
        Assert.Contains(lines, l => l.Contains("6. save") && l.Contains("4405-64XX-XXXX-6150") && l.Contains("token ***"));
        Assert.Contains(lines, l => l.Contains("7. token") && l.Contains("no card number sent"));
        Assert.Contains(lines, l => l.Contains("8. transfer") && l.Contains("pg_payment_status=success"));
        Assert.Contains(lines, l => l.Contains("9. status") && l.Contains("captured 800.00  refunded 400.00") && l.Contains("token payment success"));
        Assert.StartsWith("Demo finished: payment", lines.Last());
        Assert.DoesNotContain("4405645000006150", result.Out); // card numbers are shown masked only
        Assert.DoesNotContain("4000000000003220", result.Out);
        Assert.DoesNotContain("111111", result.Out);
    }

    [Fact]
    public async Task Demo_async_refunds_once_though_the_lost_refund_is_sent_twice_under_one_request_id()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--async", "--amount", "900");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. create") && l.Contains("status=success") && l.Contains("900.00 KZT"));
        Assert.Contains(lines, l => l.Contains("2. read") && l.Contains("card VI") && l.Contains("cleared 900.00"));
        Assert.Contains(lines, l => l.Contains("3. fault"));
        Assert.Contains(lines, l => l.Contains("4. refund") && l.Contains("300.00 KZT") && l.Contains("after 2 attempts under X-Request-Id"));
        Assert.Contains(lines, l => l.Contains("5. read") && l.Contains("refunds 1:") && l.Contains("-300.00"));
        Assert.Contains(lines, l => l.Contains("6. request") && l.Contains("status=success"));
        Assert.StartsWith("Demo finished: payment", lines.Last());
        Assert.Contains("refunded 300.00 KZT once though the refund was sent twice", lines.Last());
        Assert.DoesNotContain("4405645000006150", result.Out);
    }

    [Fact]
    public async Task Demo_saved_card_saves_the_card_once_and_pays_with_it_twice()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--saved-card", "--amount", "200");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. add") && l.Contains("/pay/save-card/"));
        Assert.Contains(lines, l => l.Contains("3. notify") && l.Contains("/_sandbox/shop/notify (pg_status=success); the shop answered HTTP 200"));
        Assert.Contains(lines, l => l.Contains("4. list") && l.Contains("4405-64XX-XXXX-6150, token ***"));
        Assert.Equal(2, lines.Count(l => l.Contains("direct") && l.Contains("pg_payment_status=success")));
        Assert.Contains("entered once and paid with twice (200.00 KZT each)", lines.Last());
        Assert.DoesNotContain("4405645000006150", result.Out);
    }

    [Fact]
    public async Task Demo_payout_pays_in_pays_out_to_the_saved_card_and_the_balance_follows()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--payout", "--amount", "1000");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("6. balance") && l.Contains("1000.00 KZT"));
        Assert.Contains(lines, l => l.Contains("7. reg2reg") && l.Contains("400.00 KZT to 4405-64XX-XXXX-6150"));
        Assert.Contains(lines, l => l.Contains("8. notify") && l.Contains("Payout notify") && l.Contains("pg_status=ok") && l.Contains("answered HTTP 200"));
        Assert.Contains(lines, l => l.Contains("9. status") && l.Contains("pg_transaction_status=ok"));
        Assert.Contains(lines, l => l.Contains("10. balance") && l.Contains("600.00 KZT"));
        Assert.StartsWith("Demo finished: 1000.00 KZT paid in, 400.00 KZT paid out", lines.Last());
    }

    [Fact]
    public async Task Demo_invoice_creates_a_json_invoice_pays_it_by_its_qr_code_and_reads_it_back()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--invoice", "--amount", "4500");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        string[] lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("1. init") && l.Contains("4500.00 KZT") && l.Contains("invoice_status=process") && l.Contains("X-JWS-Signature HS512 verified"));
        Assert.Contains(lines, l => l.Contains("2. qr") && l.Contains("/pay/invoice/"));
        Assert.Contains(lines, l => l.Contains("4. status") && l.Contains("invoice_status=ok"));
        Assert.Contains(lines, l => l.Contains("5. info") && l.Contains("4500.00 KZT") && l.Contains("invoice demo"));
        Assert.StartsWith("Demo finished: invoice inv-", lines.Last());
    }

    [Fact]
    public async Task Demo_refuses_two_flows_at_once()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--card", "--payout");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Choose one of --hosted, --card, --saved-card, --payout, --invoice, --gateway and --async.", result.Error);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task Demo_hosted_with_a_declining_phone_ends_at_the_failure_page_and_exits_non_zero()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--hosted", "--phone", "77000000000");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("declined", result.Out + result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Demo_with_a_phone_that_charges_at_once_skips_approve()
    {
        CliResult result = await CliRunner.RunAsync("demo", "--phone", "77077777777", "--amount", "10");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("approve", result.Out);
        Assert.Contains("paid (10 KZT) in 3 calls", result.Out);
    }

    [Fact]
    public async Task Operation_commands_drive_the_flow_with_credentials_from_the_environment()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var env = Env(sandbox);

        CliResult init = await CliRunner.RunAsync(env, "mobile-balance", "init", "--amount", "99.90", "--description", "CLI test", "--testing-mode", "--json");
        long id = JsonDocument.Parse(init.Out).RootElement.GetProperty("pg_payment_id").GetInt64(); // a JSON number, as the spec types it
        CliResult pay = await CliRunner.RunAsync(env, "mobile-balance", "pay", "--payment-id", id.ToString(), "--abonent-phone", "77017777777", "--payment-system-code", "KCELLKZT");
        CliResult approve = await CliRunner.RunAsync(env, "mobile-balance", "approve", "--payment-id", id.ToString(), "--approval-code", sandbox.Sms.LastCodeFor(id)!);
        CliResult status = await CliRunner.RunAsync(env, "mobile-balance", "status", "--payment-id", id.ToString(), "--json");

        Assert.Equal((0, 0, 0, 0), (init.ExitCode, pay.ExitCode, approve.ExitCode, status.ExitCode));
        Assert.Matches(@"(?m)^pg_status +need_approve$", pay.Out);
        JsonElement json = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal("ok", json.GetProperty("pg_status").GetString());
        Assert.Equal("success", json.GetProperty("pg_payment_status").GetString());
        Assert.Equal(99.90m, json.GetProperty("pg_amount").GetDecimal());
        Assert.Equal("99.90", json.GetProperty("pg_amount").GetRawText()); // the gateway's scale kept
        Assert.Equal(JsonValueKind.True, json.GetProperty("pg_testing_mode").ValueKind);
        Assert.False(json.TryGetProperty("pg_sig", out _));
        Assert.False(json.TryGetProperty("pg_salt", out _));
    }

    [Fact]
    public async Task Flags_override_the_environment()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var wrong = new Dictionary<string, string> { ["FREEDOMPAY_MERCHANT_ID"] = "1", ["FREEDOMPAY_SECRET_KEY"] = "nope", ["FREEDOMPAY_BASE_URL"] = "http://127.0.0.1:9/" };

        CliResult result = await CliRunner.RunAsync(wrong, "mobile-balance", "init", "--amount", "1", "--description", "x",
            "--merchant-id", sandbox.Merchant.MerchantId, "--secret-key", sandbox.Merchant.SecretKey, "--base-url", sandbox.BaseAddress.ToString());

        Assert.Equal(0, result.ExitCode);
        Assert.Single(sandbox.Payments);
    }

    [Fact]
    public async Task A_missing_required_option_is_a_usage_error_with_exit_2()
    {
        CliResult result = await CliRunner.RunAsync("mobile-balance", "pay", "--payment-id", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--abonent-phone", result.Error);
    }

    [Fact]
    public async Task Missing_credentials_are_a_usage_error_that_names_the_variable()
    {
        CliResult result = await CliRunner.RunAsync(new Dictionary<string, string>(), "mobile-balance", "status", "--payment-id", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("FREEDOMPAY_MERCHANT_ID", result.Error);
    }

    [Fact]
    public async Task A_value_that_breaks_the_spec_is_exit_2_and_nothing_is_sent()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();

        CliResult result = await CliRunner.RunAsync(Env(sandbox), "mobile-balance", "pay", "--payment-id", "1", "--abonent-phone", "+7 701 777");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("pg_abonent_phone (AbonentPhone) must match the pattern", result.Error);
        Assert.Empty(sandbox.Payments);
    }

    [Fact]
    public async Task A_gateway_error_is_exit_3_with_its_code()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();

        CliResult result = await CliRunner.RunAsync(Env(sandbox), "mobile-balance", "status", "--payment-id", "424242");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("gateway error 1003", result.Error);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // printed once
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("-3")]
    public async Task A_demo_amount_that_is_not_one_says_so_in_the_options_words(string amount)
    {
        CliResult result = await CliRunner.RunAsync("demo", "--amount", amount);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"--amount must be a positive amount with '.' as the decimal separator (e.g. 150.50), not '{amount}'.", result.Error);
        Assert.DoesNotContain("System.Decimal", result.Error);
    }

    [Fact]
    public async Task A_usage_error_names_the_whole_command_to_ask_for_help()
    {
        CliResult result = await CliRunner.RunAsync("mobile-balance", "init", "--amount", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run 'freedompay mobile-balance init --help' for usage.", result.Error);
    }

    [Fact]
    public async Task A_wrong_secret_is_exit_4_and_the_secret_is_never_printed()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var env = Env(sandbox);
        env["FREEDOMPAY_SECRET_KEY"] = "wrong-secret-value";

        CliResult result = await CliRunner.RunAsync(env, "mobile-balance", "status", "--payment-id", "1", "--verbose");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("secret key", result.Error);
        Assert.DoesNotContain("wrong-secret-value", result.Out + result.Error);
        Assert.DoesNotContain(sandbox.Merchant.SecretKey, result.Out + result.Error);
    }

    [Fact]
    public async Task An_unreachable_gateway_is_exit_5_and_says_nothing_was_sent()
    {
        var env = new Dictionary<string, string> { ["FREEDOMPAY_MERCHANT_ID"] = "1", ["FREEDOMPAY_SECRET_KEY"] = "s", ["FREEDOMPAY_BASE_URL"] = "http://127.0.0.1:9/" };

        CliResult result = await CliRunner.RunAsync(env, "mobile-balance", "pay", "--payment-id", "1", "--abonent-phone", "77017777777", "--timeout", "5");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("was not sent", result.Error);
    }

    [Fact]
    public async Task A_pay_whose_reply_never_comes_is_exit_5_and_says_to_check_status()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var env = Env(sandbox);
        CliResult init = await CliRunner.RunAsync(env, "mobile-balance", "init", "--amount", "5", "--description", "x", "--json");
        string id = JsonDocument.Parse(init.Out).RootElement.GetProperty("pg_payment_id").GetInt64().ToString();
        sandbox.Faults.Add(SandboxOperation.Pay, SandboxFault.DropConnection());

        CliResult result = await CliRunner.RunAsync(env, "mobile-balance", "pay", "--payment-id", id, "--abonent-phone", "77077777777");

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("outcome unknown", result.Error);
        Assert.Contains("check the payment's status before sending it again", result.Error);
    }

    [Fact]
    public async Task Verbose_shows_the_request_with_signature_code_and_phone_redacted()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();

        CliResult result = await CliRunner.RunAsync(Env(sandbox), "mobile-balance", "approve", "--payment-id", "1", "--approval-code", "987654", "--verbose");

        Assert.Contains("> POST " + sandbox.BaseAddress + "mfs/approve", result.Error);
        Assert.Contains(">   pg_approval_code = ***", result.Error);
        Assert.Contains(">   pg_sig = ***", result.Error);
        Assert.Contains(">   pg_merchant_id = " + sandbox.Merchant.MerchantId, result.Error);
        Assert.DoesNotContain("987654", result.Out + result.Error);
    }

    [Fact]
    public async Task Verbose_shows_a_gateway_card_payment_with_the_card_number_masked_and_cvc_and_expiry_hidden()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();

        CliResult result = await CliRunner.RunAsync(Env(sandbox), "gateway-payments", "pay", "--order-id", "V-1", "--amount", "10", "--description", "x",
            "--card-pan", "4405645000006150", "--card-cvc", "864", "--card-month", "12", "--card-year", "49", "--card-name", "TEST TESTOV", "--verbose");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("> POST " + sandbox.BaseAddress + "g2g/payment", result.Error);
        Assert.Contains(">   pg_card_pan = 4405**********50", result.Error);
        Assert.Contains(">   pg_card_cvc = ***", result.Error);
        Assert.Contains(">   pg_card_month = ***", result.Error);
        Assert.DoesNotContain("4405645000006150", result.Out + result.Error);
        Assert.DoesNotMatch(@"\b864\b", result.Out + result.Error); // the CVC as a value anywhere (random ids may hold the digits)
    }

    [Fact]
    public async Task Help_lists_each_operation_and_its_options_from_the_spec()
    {
        CliResult area = await CliRunner.RunAsync("mobile-balance", "--help");
        CliResult pay = await CliRunner.RunAsync("mobile-balance", "pay", "--help");

        Assert.Equal(0, area.ExitCode);
        foreach (string operation in new[] { "init", "pay", "approve", "resend-code", "status" })
        {
            Assert.Contains("  " + operation + " ", area.Out);
        }

        Assert.Equal(0, pay.ExitCode);
        Assert.Contains("--abonent-phone <text> (REQUIRED)", pay.Out);
        Assert.Contains("Phone number to charge", pay.Out);
        Assert.Contains("--payment-system-code", pay.Out);
    }

    [Fact]
    public async Task An_enum_option_accepts_only_the_specs_values()
    {
        CliResult result = await CliRunner.RunAsync("mobile-balance", "pay", "--payment-id", "1", "--abonent-phone", "77017777777", "--payment-system-code", "MTS");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("KCELLKZT", result.Error);
    }

    [Theory]
    [InlineData("pay", "--abonent-phone", "77077777777", 6)]
    [InlineData("status", null, null, 0)]
    public async Task A_status_the_client_does_not_know_exits_non_zero_for_a_call_that_moves_money(string operation, string? option, string? value, int expected)
    {
        const string secret = "cli-test-secret";
        await using LoopbackApp gateway = await LoopbackApp.StartAsync(app => app.MapPost("/{**path}", (Microsoft.AspNetCore.Http.HttpContext c) =>
        {
            string script = c.Request.Path.Value!.Split('/').Last();
            return Microsoft.AspNetCore.Http.Results.Content(FakeGateway.SignedReply(script, "response", secret, ("pg_status", "brand_new"), ("pg_payment_id", "1")), "application/xml");
        }));
        var env = new Dictionary<string, string> { ["FREEDOMPAY_MERCHANT_ID"] = "12345", ["FREEDOMPAY_SECRET_KEY"] = secret, ["FREEDOMPAY_BASE_URL"] = gateway.BaseAddress.ToString() };
        string[] args = option is null
            ? new[] { "mobile-balance", operation, "--payment-id", "1" }
            : new[] { "mobile-balance", operation, "--payment-id", "1", option, value! };

        CliResult result = await CliRunner.RunAsync(env, args);

        Assert.Equal(expected, result.ExitCode);
        Assert.Contains("brand_new", result.Out); // the reply is printed either way
        if (expected != 0)
        {
            Assert.Contains("'brand_new' is not a status this client knows (ok, need_approve)", result.Error);
            Assert.Contains("treat the payment as not paid", result.Error);
        }
    }

    [Fact]
    public async Task Sandbox_command_prints_its_address_and_stops_on_cancel()
    {
        var output = new StringWriter();
        using var cts = new CancellationTokenSource();
        var environment = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Null, _ => null);

        Task<int> running = FreedomPayCli.RunAsync(new[] { "sandbox", "--merchant-id", "777", "--secret-key", "local-secret" }, environment, cts.Token);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!output.ToString().Contains("Press Ctrl+C") && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        string text = output.ToString();
        Assert.Contains("FreedomPay sandbox listening on http://127.0.0.1:", text);
        Assert.Contains("merchant id  777", text);
        Assert.Matches(@"dashboard    http://127\.0\.0\.1:\d+/_sandbox ", text);
        Assert.Contains("FREEDOMPAY_SECRET_KEY='<the --secret-key you gave>'", text);
        Assert.DoesNotContain("local-secret", text); // a key the caller gave may be a real one: never echoed
        cts.Cancel();
        Assert.Equal(0, await running);
    }

    [Theory]
    [InlineData(new[] { "--drift" }, "drift        Readable")]
    [InlineData(new[] { "--drift", "MissingElement", "ExtraElement" }, "drift        ExtraElement, MissingElement")]
    public async Task Sandbox_drift_is_asked_for_by_kind_or_as_every_readable_one_and_shown(string[] drift, string banner)
    {
        var output = new StringWriter();
        using var cts = new CancellationTokenSource();
        var environment = new CliEnvironment(TextWriter.Synchronized(output), TextWriter.Null, _ => null);

        Task<int> running = FreedomPayCli.RunAsync(new[] { "sandbox", "--secret-key", "local-secret" }.Concat(drift).ToArray(), environment, cts.Token);
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!output.ToString().Contains("Press Ctrl+C") && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        cts.Cancel();
        Assert.Equal(0, await running);
        Assert.Contains(banner, output.ToString());
    }

    [Fact]
    public async Task The_built_tool_runs_the_demo_as_a_process()
    {
        string tool = Path.Combine(AppContext.BaseDirectory, "freedompay.dll");
        var start = new ProcessStartInfo("dotnet", new[] { tool, "demo" }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Demo finished: payment", output);
    }

    [Fact]
    public async Task Payout_commands_take_the_payout_key_from_the_variable_or_the_option_and_say_which_is_missing()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var env = Env(sandbox);
        string payoutKey = sandbox.Merchant.SecretFor("payout")!;

        CliResult missing = await CliRunner.RunAsync(env, "payouts", "balance");
        CliResult wrong = await CliRunner.RunAsync(env, "payouts", "balance", "--payout-key", sandbox.Merchant.SecretKey, "--json");
        env["FREEDOMPAY_PAYOUT_KEY"] = payoutKey;
        CliResult fromVariable = await CliRunner.RunAsync(env, "payouts", "balance", "--json");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("No payout key: this area is signed with it; set FREEDOMPAY_PAYOUT_KEY or pass --payout-key (or --key payout=...).", missing.Error);
        Assert.NotEqual(0, wrong.ExitCode); // the main key does not sign payouts: the gateway refuses the signature
        Assert.Equal(0, fromVariable.ExitCode);
        Assert.Equal(0m, JsonDocument.Parse(fromVariable.Out).RootElement.GetProperty("pg_balance").GetDecimal());
        Assert.DoesNotContain(payoutKey, fromVariable.Out + fromVariable.Error + wrong.Out + wrong.Error);
    }

    [Fact]
    public async Task A_mistyped_option_or_command_gets_the_closest_known_one_and_nothing_runs()
    {
        CliResult option = await CliRunner.RunAsync("mobile-balance", "status", "--paymnt-id", "5");
        CliResult command = await CliRunner.RunAsync("mobil-balance", "status");
        CliResult nothingClose = await CliRunner.RunAsync("mobile-balance", "status", "--xyzzy-quux-frob", "5");

        Assert.Equal((2, 2, 2), (option.ExitCode, command.ExitCode, nothingClose.ExitCode));
        Assert.Contains("Unrecognized command or argument '--paymnt-id'. Did you mean '--payment-id'?", option.Error);
        Assert.Contains("Unrecognized command or argument 'mobil-balance'. Did you mean 'mobile-balance'?", command.Error);
        Assert.DoesNotContain("Did you mean", nothingClose.Error);
        Assert.Empty(option.Out);
    }

    [Fact]
    public async Task Help_lists_the_allowed_values_of_an_enum_option()
    {
        CliResult help = await CliRunner.RunAsync("mobile-balance", "init", "--help");

        Assert.Contains("--language <ru|en|kz|kg|uz>", help.Out);
        Assert.Contains("--success-url-method <GET|POST>", help.Out);
    }

    [Fact]
    public async Task With_json_a_gateway_error_is_also_a_json_object_on_stdout()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();

        CliResult refused = await CliRunner.RunAsync(Env(sandbox), "mobile-balance", "status", "--payment-id", "424242", "--json");

        Assert.Equal(3, refused.ExitCode);
        JsonElement error = JsonDocument.Parse(refused.Out).RootElement.GetProperty("error");
        Assert.Equal(("gateway", "MobileBalance.Status", "1003", true), (error.GetProperty("kind").GetString(), error.GetProperty("operation").GetString(), error.GetProperty("code").GetString(), error.GetProperty("signed").GetBoolean()));
        Assert.Contains("gateway error 1003", refused.Error); // the message for a human stays on stderr, once
        Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Json_output_keeps_the_values_a_script_needs_and_the_text_output_masks_them()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        var env = Env(sandbox);
        CliResult added = await CliRunner.RunAsync(env, "cards", "add", "--user-id", "buyer-1", "--back-link", "https://shop.test/cards", "--json");
        string page = JsonDocument.Parse(added.Out).RootElement.GetProperty("pg_redirect_url").GetString()!;
        using (var browser = new System.Net.Http.HttpClient(new System.Net.Http.HttpClientHandler { AllowAutoRedirect = false }))
        {
            using var saved = await browser.PostAsync(page + "/card", new System.Net.Http.FormUrlEncodedContent(new Dictionary<string, string> { ["pan"] = "4405645000006150", ["expiry"] = "12/30", ["cvc"] = "123" }));
            Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        }

        CliResult json = await CliRunner.RunAsync(env, "cards", "list", "--user-id", "buyer-1", "--json");
        CliResult text = await CliRunner.RunAsync(env, "cards", "list", "--user-id", "buyer-1");

        string token = JsonDocument.Parse(json.Out).RootElement.GetProperty("card")[0].GetProperty("pg_card_token").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", token); // as saved: a script can pay with it
        Assert.DoesNotContain(token, text.Out); // a person's terminal shows it masked
        Assert.DoesNotContain("pg_sig", json.Out);
    }

    [Fact]
    public async Task On_a_terminal_a_slow_call_shows_how_long_it_has_waited_and_clears_the_line_in_a_pipe_nothing()
    {
        await using var sandbox = await FreedomPaySandbox.StartAsync();
        sandbox.Faults.Add(SandboxOperation.Status, SandboxFault.Latency(TimeSpan.FromMilliseconds(2500), times: 2));
        CliResult init = await CliRunner.RunAsync(Env(sandbox), "mobile-balance", "init", "--amount", "1", "--description", "slow", "--json");
        long id = JsonDocument.Parse(init.Out).RootElement.GetProperty("pg_payment_id").GetInt64();

        CliResult terminal = await CliRunner.RunAsync(Env(sandbox), terminal: true, "mobile-balance", "status", "--payment-id", id.ToString());
        CliResult piped = await CliRunner.RunAsync(Env(sandbox), "mobile-balance", "status", "--payment-id", id.ToString());

        Assert.Equal((0, 0), (terminal.ExitCode, piped.ExitCode));
        Assert.Contains("\rwaiting for MobileBalance.Status... 1 s", terminal.Error); // (2 s too, unless the machine is slow)
        Assert.EndsWith("\r", terminal.Error); // the line is cleared before the reply is printed
        Assert.Empty(piped.Error);
    }

    private static Dictionary<string, string> Env(FreedomPaySandbox sandbox) => new()
    {
        ["FREEDOMPAY_MERCHANT_ID"] = sandbox.Merchant.MerchantId,
        ["FREEDOMPAY_SECRET_KEY"] = sandbox.Merchant.SecretKey,
        ["FREEDOMPAY_BASE_URL"] = sandbox.BaseAddress.ToString(),
    };
}
