using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using System.Xml.Linq;
using FreedomPay.Runtime;
using FreedomPay.Sandbox.Tests.Marketplace;
using FreedomPay.TestSupport;

namespace FreedomPay.Sandbox.Tests;

/// <summary>
/// The default emulation reads every value of a validly signed request by the spec's rules: hostile values (huge,
/// control characters, numbers in other scripts, mutations) get a signed ok or a signed 1001 (or, for bytes the form
/// reader refuses, the documented unsigned 101), never a 500.
/// </summary>
public sealed class DefaultEmulationHostileTests
{
    private const int FixedSeed = 20261202;
    private const int Cases = 150;

    public static TheoryData<int> Seeds() => new() { FixedSeed, Environment.GetEnvironmentVariable("FREEDOMPAY_FUZZ_SEED") is { } s ? int.Parse(s) : Random.Shared.Next() };

    private static readonly string[] HostileValues =
    {
        new string('9', HostileCorpus.Megabyte / 4), new string('x', HostileCorpus.Megabyte / 4), "\u0000", "１２３", "-0", "1e5", "NaN",
        "9223372036854775808", "79228162514264337593543950336", "0.00000000000000000000000000001", " 5", "5 ", "\uD800", "💥", "<a>&amp;</a>",
    };

    [Fact]
    public async Task Every_hostile_value_in_every_field_gets_a_signed_reply()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        foreach (OperationInfo operation in MarketplaceClient.Operations)
        {
            // Path parameters are in the URL, whose size Kestrel limits (414); PathParameterTests covers their escaping.
            // Every body field, items' fields (pg_lines[1][price]) included.
            foreach (string field in SampleValues.For(operation).Keys.Where(name => !IsPathParameter(operation, name)))
            {
                foreach (string value in HostileValues)
                {
                    Dictionary<string, string> values = SampleValues.For(operation);
                    values[field] = value;
                    await AssertSignedAsync(f, operation, values, $"{field} = {Describe(value)}");
                }
            }
        }
    }

    public static TheoryData<string> HostileItemNames() => new()
    {
        "pg_lines[99999999999999999999][count]", "pg_lines[-1][count]", "pg_lines[][count]", "pg_lines[0][count][x][y]", "pg_lines[0]",
        "pg_lines[0", "pg_lines]0[", "pg_delivery[city][0]", "pg_delivery[]", "pg_lines" + string.Concat(Enumerable.Repeat("[0]", 5000)),
        "pg_lines[1000][count]", "pg_lines[0][" + new string('x', 100_000) + "]",
    };

    [Theory]
    [MemberData(nameof(HostileItemNames))]
    public async Task Hostile_item_names_get_a_signed_reply(string name)
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.BasketInfo);
        values[name] = "1";

        await AssertSignedAsync(f, MarketplaceClient.BasketInfo, values, Describe(name));
    }

    [Fact]
    public async Task A_thousand_items_far_apart_are_refused_after_one_pass()
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        Dictionary<string, string> values = SampleValues.For(MarketplaceClient.BasketInfo);
        for (int i = 0; i < 1000; i++)
        {
            values[$"pg_lines[{i * 7}][count]"] = "1";
        }

        await AssertSignedAsync(f, MarketplaceClient.BasketInfo, values, "1000 sparse items");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_values_get_a_signed_reply(int seed)
    {
        await using var f = await SandboxFixture.StartAsync(o => o.AddArea(MarketplaceClient.Operations));
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        for (int i = 0; i < Cases; i++)
        {
            OperationInfo operation = MarketplaceClient.Operations[random.Next(MarketplaceClient.Operations.Count)];
            Dictionary<string, string> values = SampleValues.For(operation);
            string[] bodyFields = values.Keys.Where(name => !IsPathParameter(operation, name)).ToArray();
            if (bodyFields.Length == 0)
            {
                continue;
            }

            string field = bodyFields[random.Next(bodyFields.Length)];
            values[field] = mutator.Mutate(values[field]);
            await AssertSignedAsync(f, operation, values, $"seed {seed}, case {i}: {field} = {Describe(values[field])}");
        }
    }

    private static async Task AssertSignedAsync(SandboxFixture f, OperationInfo operation, Dictionary<string, string> values, string what)
    {
        XElement reply;
        try
        {
            reply = await RawGateway.PostAsync(f, operation, values);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Xml.XmlException)
        {
            throw new Xunit.Sdk.XunitException($"{what}: no readable reply ({ex.Message})");
        }

        string? code = reply.Element("pg_error_code")?.Value;
        if (code == "101")
        {
            // ASP.NET Core's form reader refuses some bytes (a NUL): the documented unreadable-body answer, unsigned.
            Assert.Contains("cannot be read as a form", reply.Element("pg_error_description")?.Value);
            return;
        }

        Assert.True(reply.Element("pg_status")?.Value == "ok" || code == "1001", $"{what}: {reply}");
        Assert.True(RawGateway.IsSigned(reply, operation, f.Sandbox.Merchant) || reply.Elements().Any(e => e.HasElements), $"{what}: not validly signed: {reply}");
        Assert.NotNull(reply.Element("pg_sig"));
    }

    private static bool IsPathParameter(OperationInfo operation, string wireName) =>
        operation.Descriptor.Path.Contains("{" + wireName + "}", StringComparison.Ordinal);

    private static string Describe(string value) => value.Length > 40 ? $"{value.Length} x '{value[0]}'" : value;
}
