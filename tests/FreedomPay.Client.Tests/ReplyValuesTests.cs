using System;
using System.Text;
using FreedomPay.Runtime;

namespace FreedomPay.Client.Tests;

/// <summary>
/// Generated replies read their typed properties by position in their Shape table (<see cref="ReplyValues"/>): the
/// wire name, enum values and formats come from the table alone. The masks come from it too (<see cref="ReplyMasks"/>).
/// </summary>
public sealed class ReplyValuesTests
{
    private static readonly string[] Colours = { "red", "green" };

    private static readonly ReplyElement[] Shape =
    {
        ReplyElement.Text("pg_name", required: true),
        ReplyElement.Enum("pg_colour", Colours),
        ReplyElement.DateTime("pg_day", "dd.MM.yyyy"),
        ReplyElement.List("pg_times", ReplyElement.DateTimeOffset("pg_time", "yyyy-MM-dd'T'HH:mm:sszzz")),
        ReplyElement.Enum("pg_tint", Colours, repeated: true),
        ReplyElement.List("pg_tints", ReplyElement.Enum("pg_tint_item", Colours)),
        ReplyElement.Decimal("pg_amount", repeated: true),
        ReplyElement.Object("pg_card", new[] { ReplyElement.Text("pg_token", sensitivity: FieldSensitivity.Hidden), ReplyElement.Text("pg_hash", sensitivity: FieldSensitivity.Partial) }),
        ReplyElement.Boolean("pg_flag", required: true),
        ReplyElement.Integer("pg_missing"),
        ReplyElement.Text("pg_secret_box", sensitivity: FieldSensitivity.Hidden),
    };

    private const string Xml =
        "<response><pg_name>shop</pg_name><pg_colour>green</pg_colour><pg_day>24.08.2019</pg_day>" +
        "<pg_times><pg_time>2019-08-24T14:15:22+05:00</pg_time><pg_time>2019-08-25T00:00:00+00:00</pg_time></pg_times>" +
        "<pg_tint>red</pg_tint><pg_tint>blue</pg_tint><pg_tints><pg_tint_item>green</pg_tint_item></pg_tints>" +
        "<pg_amount>1.50</pg_amount><pg_amount>2</pg_amount>" +
        "<pg_card><pg_token>tok-123456</pg_token><pg_hash>440564XXXXXX6150</pg_hash></pg_card><pg_flag>1</pg_flag>" +
        "<pg_other><pg_token>tok-elsewhere</pg_token></pg_other>" +
        "<pg_secret_box><pg_inner>inside</pg_inner></pg_secret_box></response>";

    [Fact]
    public void Each_entry_is_read_under_the_name_values_and_format_its_table_gives()
    {
        var r = new ReplyValues(Read(Xml), Shape);

        Assert.Equal("shop", r.RequiredText(0));
        Assert.Equal(2, r.Enum(1));
        Assert.Equal(new DateTime(2019, 8, 24), r.DateTime(2));
        Assert.Equal(new[] { new DateTimeOffset(2019, 8, 24, 14, 15, 22, TimeSpan.FromHours(5)), new DateTimeOffset(2019, 8, 25, 0, 0, 0, TimeSpan.Zero) }, r.DateTimeOffsets(3));
        // Repeated and wrapped enum lists: a value the table does not list is member 0 (Unknown), never an error.
        Assert.Equal(new[] { "1", "0" }, r.Enums(4, v => v.ToString()));
        Assert.Equal(new[] { 2 }, r.Enums(5, v => v));
        Assert.Equal(new[] { 1.50m, 2m }, r.Decimals(6));
        Assert.Equal("tok-123456", r.RequiredObject(7, e => new ReplyValues(e, Shape[7].Children).Text(0)));
        Assert.True(r.RequiredBoolean(8));
        Assert.Null(r.Integer(9));
        Assert.Empty(r.Texts(9));
    }

    [Fact]
    public void A_missing_required_entry_and_a_malformed_value_name_their_element()
    {
        var r = new ReplyValues(Read("<response><pg_colour>green</pg_colour><pg_day>24/08/2019</pg_day></response>"), Shape);

        Assert.Contains("<pg_name>", Assert.Throws<FreedomPayProtocolException>(() => r.RequiredText(0)).Message);
        Assert.Contains("dd.MM.yyyy", Assert.Throws<FreedomPayProtocolException>(() => r.DateTime(2)).Message);
        Assert.Contains("<pg_flag>", Assert.Throws<FreedomPayProtocolException>(() => r.RequiredBoolean(8)).Message);
    }

    [Fact]
    public void Dates_are_read_in_their_format_as_DateOnly_singly_and_in_lists()
    {
        ReplyElement[] shape = { ReplyElement.DateTime("pg_opened", "yyyy-MM-dd"), ReplyElement.List("pg_holidays", ReplyElement.DateTime("pg_holiday", "yyyy-MM-dd")) };
        var r = new ReplyValues(Read("<response><pg_opened>2019-08-24</pg_opened><pg_holidays><pg_holiday>2026-12-16</pg_holiday><pg_holiday>2026-12-17</pg_holiday></pg_holidays></response>"), shape);

        Assert.Equal(new DateOnly(2019, 8, 24), r.RequiredDate(0));
        Assert.Equal(new[] { new DateOnly(2026, 12, 16), new DateOnly(2026, 12, 17) }, r.Dates(1));
        Assert.Throws<FreedomPayProtocolException>(() => new ReplyValues(Read("<response><pg_opened>24.08.2019</pg_opened></response>"), shape).Date(0));
    }

    [Theory]
    [InlineData("2019-08-24T14:15:22Z", 0)]              // the v5 docs' own dt
    [InlineData("2019-08-24T14:15:22.125Z", 0)]
    [InlineData("2019-08-24T19:15:22.5+05:00", 5)]
    [InlineData("2019-08-24T19:15:22+05:00", 5)]         // the format itself
    public void A_date_time_with_offset_is_read_in_its_format_and_in_iso_8601_s_other_spellings(string text, int offsetHours)
    {
        var r = new ReplyValues(Read($"<response><pg_time>{text}</pg_time></response>"), new[] { ReplyElement.DateTimeOffset("pg_time", "yyyy-MM-dd'T'HH:mm:sszzz") });

        DateTimeOffset value = r.DateTimeOffset(0)!.Value;

        Assert.Equal((new DateTime(2019, 8, 24, 14, 15, 22, DateTimeKind.Utc), TimeSpan.FromHours(offsetHours)), (value.UtcDateTime.AddTicks(-(value.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)), value.Offset));
    }

    [Theory]
    [InlineData("2019-08-24T14:15:22")]                  // no offset: it would be this machine's local time
    [InlineData("2019-08-24 14:15:22Z")]
    [InlineData("2019-08-24T14:15Z")]
    public void A_date_time_without_an_offset_or_off_the_format_is_refused(string text)
    {
        var r = new ReplyValues(Read($"<response><pg_time>{text}</pg_time></response>"), new[] { ReplyElement.DateTimeOffset("pg_time", "yyyy-MM-dd'T'HH:mm:sszzz") });

        Assert.Throws<FreedomPayProtocolException>(() => r.DateTimeOffset(0));
    }

    [Fact]
    public void Masks_come_from_the_table_at_any_depth_and_cover_what_sits_inside_a_masked_element()
    {
        PgElement root = Read(Xml);

        ReplyMasks.For(Shape)!.Apply(root);

        PgElement card = root.Find("pg_card")!;
        Assert.Equal("<pg_token>***</pg_token>", card.Find("pg_token")!.ToString());
        Assert.Equal($"<pg_hash>{Redaction.Apply(FieldSensitivity.Partial, "440564XXXXXX6150")}</pg_hash>", card.Find("pg_hash")!.ToString());
        Assert.DoesNotContain("6150", card.Find("pg_hash")!.ToString(), StringComparison.Ordinal);
        // A sensitive name is masked where the table does not expect it too, and so is what a hidden element holds.
        Assert.Equal("<pg_token>***</pg_token>", root.Find("pg_other")!.Find("pg_token")!.ToString());
        Assert.Equal("<pg_inner>***</pg_inner>", root.Find("pg_secret_box")!.Find("pg_inner")!.ToString());
        Assert.Equal("<pg_name>shop</pg_name>", root.Find("pg_name")!.ToString());
        Assert.Null(ReplyMasks.For(new[] { ReplyElement.Text("pg_name") }));
    }

    private static PgElement Read(string xml)
    {
        byte[] body = Encoding.UTF8.GetBytes(xml);
        return PgXmlReader.Read(body, body.Length, new MessageLimits(64 * 1024, MessageLimits.DefaultMaxReplyElements)).Root;
    }
}

/// <summary>The drift check reads an enum as the typed reply does: a value that reads as Unknown is drift, padding included.</summary>
public sealed class SpecDriftReadingTests
{
    [Fact]
    public async System.Threading.Tasks.Task A_padded_enum_value_that_reads_as_unknown_is_reported_as_drift()
    {
        var logs = new FreedomPay.TestSupport.CapturingLoggerFactory();
        using var test = new FreedomPay.Client.Tests.Infrastructure.TestClient(o => o.LoggerFactory = logs);
        test.Gateway.Respond = _ => FreedomPay.TestSupport.FakeGateway.Xml(FreedomPay.TestSupport.FakeGateway.SignedReply("get_status3.php", ("pg_status", "ok"), ("pg_payment_id", "7"), ("pg_payment_status", " success ")));

        FreedomPay.MobileBalance.StatusResponse reply = await test.Client.MobileBalance.StatusAsync(new FreedomPay.MobileBalance.StatusRequest { PaymentId = 7 });

        Assert.Equal(FreedomPay.MobileBalance.PaymentStatus.Unknown, reply.PaymentStatus);
        Assert.Contains(logs.Lines, l => l.Contains("MobileBalance.Status: the reply's element pg_payment_status has a value the spec does not list", StringComparison.Ordinal));
    }
}
