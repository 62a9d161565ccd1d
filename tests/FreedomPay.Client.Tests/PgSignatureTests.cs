using System;
using System.Collections.Generic;
using System.Text;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Runtime;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The pg_sig rule: script name; values ordered by field name (ordinal, same names in sent order); secret last;
/// joined with ';'; MD5 of UTF-8, lowercase hex. Vectors T1-T6 are from ../shared/reference (computed with md5sum).
/// </summary>
public sealed class PgSignatureTests
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public void T1_docs_example_for_init_payment()
    {
        // The docs' own example: 'init_payment.php;25;test;{{merchant_id}};23;molbulak;{{secret_key}}'.
        var fields = new[] { F("pg_order_id", "23"), F("pg_merchant_id", "12345"), F("pg_amount", "25"), F("pg_description", "test"), F("pg_salt", "molbulak") };

        Assert.Equal("383205b64552269551dec03d2d1b7f3b", PgSignature.Compute("init_payment.php", fields, "secretkey"));
    }

    [Fact]
    public void T2_approve_keeps_the_leading_zero_of_the_code()
    {
        var fields = new[] { F("pg_merchant_id", "12345"), F("pg_payment_id", "987654321"), F("pg_approval_code", "077587"), F("pg_salt", "abc123XYZ") };

        Assert.Equal("3acefcdd75eeb276eb55c2721fcfb8fd", PgSignature.Compute("approve", fields, "SECRET"));
    }

    [Fact]
    public void T3_pay()
    {
        var fields = new[]
        {
            F("pg_merchant_id", "12345"), F("pg_payment_id", "987654321"), F("pg_abonent_phone", "77077777777"),
            F("pg_payment_system_code", "KCELLKZT"), F("pg_salt", "abc123XYZ"),
        };

        Assert.Equal("fa5c9ca3601b132295ae87cf5704d967", PgSignature.Compute("pay", fields, "SECRET"));
    }

    [Fact]
    public void T4_verifies_an_approve_reply_and_ignores_its_own_pg_sig()
    {
        var root = new PgElement("response", string.Empty, new[]
        {
            new PgElement("pg_status", "ok"), new PgElement("pg_payment_id", "987654321"), new PgElement("pg_salt", "Xy12"),
            new PgElement("pg_sig", "63f0b7a1f6ef8c67aa3032a561ab220b"),
        });

        Assert.Equal("63f0b7a1f6ef8c67aa3032a561ab220b", PgSignature.Compute("approve", root, "SECRET"));
        Assert.True(PgSignature.Verify("approve", root, "SECRET"));
        Assert.False(PgSignature.Verify("approve", root, "OTHER"));
        Assert.False(PgSignature.Verify("pay", root, "SECRET"));
    }

    [Fact]
    public void T5_merchant_reply_to_the_result_url_signs_with_the_urls_last_segment()
    {
        string script = PgSignature.ScriptNameOf(new Uri("https://shop.kz/pay/result"));
        var fields = new[] { F("pg_status", "ok"), F("pg_description", "Order accepted"), F("pg_salt", "r4nd0m") };

        Assert.Equal("result", script);
        Assert.Equal("e03708b29dc0cfcc8feb0c9c8257a6b5", PgSignature.Compute(script, fields, "SECRET"));
    }

    [Fact]
    public void T6_cyrillic_text_is_signed_as_utf8()
    {
        var fields = new[] { F("pg_status", "ok"), F("pg_description", "Платеж разрешен"), F("pg_salt", "r4nd0m") };

        Assert.Equal("e5fe48783e1aa85e5368b7f65da5edd9", PgSignature.Compute("check", fields, "SECRET"));
    }

    [Fact]
    public void Fields_with_the_same_name_keep_the_order_they_were_sent_in()
    {
        var fields = new[] { F("b", "2"), F("a", "1"), F("b", "3"), F("c", "4"), F("b", "0") };

        Assert.Equal(Md5Reference.Of("s;1;2;3;0;4;K"), PgSignature.Compute("s", fields, "K"));
    }

    [Fact]
    public void Empty_values_are_empty_segments()
    {
        var fields = new[] { F("b", "2"), F("a", string.Empty) };

        Assert.Equal(Md5Reference.Of("s;;2;K"), PgSignature.Compute("s", fields, "K"));
    }

    [Fact]
    public void Ordering_is_ordinal_not_culture_aware()
    {
        // Ordinal: '_' (0x5F) sorts after upper-case letters and before lower-case ones; "pg_a" < "pg_b" < "pg_ba".
        var fields = new[] { F("pg_ba", "3"), F("pg_b", "2"), F("PG_Z", "0"), F("pg_a", "1") };

        Assert.Equal(Md5Reference.Of("s;0;1;2;3;K"), PgSignature.Compute("s", fields, "K"));
    }

    [Fact]
    public void The_signature_field_itself_is_never_signed()
    {
        var without = new[] { F("pg_a", "1"), F("pg_salt", "x") };
        var with = new[] { F("pg_a", "1"), F("pg_sig", "whatever"), F("pg_salt", "x") };

        Assert.Equal(PgSignature.Compute("s", without, "K"), PgSignature.Compute("s", with, "K"));
    }

    [Fact]
    public void Nested_xml_elements_are_signed_recursively_in_name_order()
    {
        var root = new PgElement("response", string.Empty, new[]
        {
            new PgElement("pg_status", "ok"),
            new PgElement("pg_items", string.Empty, new[]
            {
                new PgElement("pg_item", string.Empty, new[] { new PgElement("pg_b", "B1"), new PgElement("pg_a", "A1") }),
                new PgElement("pg_item", string.Empty, new[] { new PgElement("pg_a", "A2") }),
            }),
            new PgElement("pg_amount", "10"),
        });

        // Top level sorted: pg_amount, pg_items (its items in order, each item's children sorted), pg_status.
        Assert.Equal(Md5Reference.Of("get_status3.php;10;A1;B1;A2;ok;K"), PgSignature.Compute("get_status3.php", root, "K"));
    }

    [Fact]
    public void Verification_accepts_upper_case_hex_and_rejects_any_changed_character()
    {
        var fields = new[] { F("pg_a", "1"), F("pg_salt", "x") };
        string signature = PgSignature.Compute("s", fields, "K");
        var changed = new StringBuilder(signature);
        changed[5] = changed[5] == '0' ? '1' : '0';

        Assert.True(PgSignature.Verify("s", fields, "K", signature.ToUpperInvariant()));
        Assert.False(PgSignature.Verify("s", fields, "K", changed.ToString()));
        Assert.False(PgSignature.Verify("s", fields, "K", signature.Substring(1)));
        Assert.False(PgSignature.Verify("s", fields, "K", null));
    }

    [Theory]
    [InlineData("https://api.freedompay.kz/init_payment.php", "init_payment.php")]
    [InlineData("https://api.freedompay.kz/mfs/approve", "approve")]
    [InlineData("https://site.kz/check.php?order=1", "check.php")]
    [InlineData("https://site.kz/freedompay/result", "result")]
    public void Script_name_is_the_last_path_segment_up_to_the_query(string url, string expected)
    {
        Assert.Equal(expected, PgSignature.ScriptNameOf(new Uri(url)));
    }

    [Fact]
    public void Missing_secret_or_script_is_an_argument_error_that_does_not_echo_values()
    {
        var fields = new[] { F("pg_a", "1") };

        Assert.Throws<ArgumentException>(() => PgSignature.Compute("s", fields, string.Empty));
        Assert.Throws<ArgumentException>(() => PgSignature.Compute(string.Empty, fields, "K"));
    }
    [Theory]
    [InlineData(10)]
    [InlineData(4095)]
    [InlineData(100_000)]
    [InlineData(3_000_000)]
    public void Long_values_with_any_unicode_are_hashed_as_one_text_whatever_the_buffer_boundaries(int length)
    {
        // Cyrillic (2 bytes), CJK (3 bytes) and surrogate pairs (4 bytes) at every offset of the streaming buffer.
        var random = new Random(length);
        var text = new StringBuilder(length + 2);
        while (text.Length < length)
        {
            switch (random.Next(4))
            {
                case 0: text.Append('a'); break;
                case 1: text.Append('ж'); break;
                case 2: text.Append('中'); break;
                default: text.Append("\U0001F600"); break;
            }
        }

        var fields = new[] { F("pg_b", text.ToString()), F("pg_a", "ж"), F("pg_salt", "s") };

        Assert.Equal(FreedomPay.TestSupport.ReferenceSignature.Sign("get_status3.php", fields, "Ключ"), PgSignature.Compute("get_status3.php", fields, "Ключ"));
    }
}
