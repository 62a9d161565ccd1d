using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FreedomPay.MobileBalance;
using Refit;

namespace FreedomPay.Benchmarks.Client;

/// <summary>
/// One call (sign, multipart encode, send to an in-memory gateway, read and verify the XML) by the generated
/// client, by a hand-written HttpClient baseline (the floor) and by Refit, for pay and for status.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ClientBenchmarks
{
    private FreedomPayClient _ours = null!;
    private HandWrittenClient _handWrittenPay = null!;
    private HandWrittenClient _handWrittenStatus = null!;
    private IMobileBalanceApi _refitPay = null!;
    private IMobileBalanceApi _refitStatus = null!;
    private FreedomPayClient _oursStatus = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pay = new CannedGateway("pay", ("pg_status", "need_approve"), ("pg_payment_id", "987654321"));
        var status = new CannedGateway("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "987654321"), ("pg_payment_status", "success"), ("pg_amount", "150.50"), ("pg_currency", "KZT"));
        var baseAddress = new Uri("https://gateway.test/");
        var options = new FreedomPayClientOptions { MerchantId = CannedGateway.MerchantId, SecretKey = CannedGateway.Secret, BaseAddress = baseAddress };
        _ours = new FreedomPayClient(new HttpClient(pay), options);
        _oursStatus = new FreedomPayClient(new HttpClient(status), options);
        _handWrittenPay = new HandWrittenClient(new HttpClient(pay) { BaseAddress = baseAddress }, CannedGateway.MerchantId, CannedGateway.Secret);
        _handWrittenStatus = new HandWrittenClient(new HttpClient(status) { BaseAddress = baseAddress }, CannedGateway.MerchantId, CannedGateway.Secret);
        var settings = new RefitSettings { ContentSerializer = new XmlContentSerializer() };
        _refitPay = RestService.For<IMobileBalanceApi>(new HttpClient(new SigningHandler(pay, CannedGateway.Secret)) { BaseAddress = baseAddress }, settings);
        _refitStatus = RestService.For<IMobileBalanceApi>(new HttpClient(new SigningHandler(status, CannedGateway.Secret)) { BaseAddress = baseAddress }, settings);
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient")]
    [BenchmarkCategory("pay")]
    public async Task<long> PayHandWritten() => (await _handWrittenPay.SendAsync("mfs/pay", "pay", new List<KeyValuePair<string, string>>
    {
        new("pg_payment_id", "987654321"), new("pg_abonent_phone", "77077777777"),
    })).PaymentId;

    [Benchmark(Description = "FreedomPay.Client (generated)")]
    [BenchmarkCategory("pay")]
    public async Task<long> PayGenerated() => (await _ours.MobileBalance.PayAsync(new PayRequest { PaymentId = 987654321, AbonentPhone = "77077777777" })).PaymentId;

    [Benchmark(Description = "Refit 16.4.0")]
    [BenchmarkCategory("pay")]
    public async Task<long> PayRefit() => (await _refitPay.Pay(CannedGateway.MerchantId, 987654321L.ToString(System.Globalization.CultureInfo.InvariantCulture), "77077777777")).PaymentId;

    [Benchmark(Baseline = true, Description = "hand-written HttpClient")]
    [BenchmarkCategory("status")]
    public async Task<long> StatusHandWritten() => (await _handWrittenStatus.SendAsync("get_status3.php", "get_status3.php", new List<KeyValuePair<string, string>>
    {
        new("pg_payment_id", "987654321"),
    })).PaymentId;

    [Benchmark(Description = "FreedomPay.Client (generated)")]
    [BenchmarkCategory("status")]
    public async Task<long> StatusGenerated() => (await _oursStatus.MobileBalance.StatusAsync(new StatusRequest { PaymentId = 987654321 })).PaymentId;

    [Benchmark(Description = "Refit 16.4.0")]
    [BenchmarkCategory("status")]
    public async Task<long> StatusRefit() => (await _refitStatus.Status(CannedGateway.MerchantId, 987654321L.ToString(System.Globalization.CultureInfo.InvariantCulture))).PaymentId;
}
