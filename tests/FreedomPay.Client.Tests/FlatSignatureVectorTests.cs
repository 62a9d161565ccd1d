using System.Collections.Generic;
using System.Linq;
using FreedomPay.Client.Tests.Infrastructure;
using FreedomPay.Runtime;
using FreedomPay.TestSupport;
using Node = FreedomPay.TestSupport.ReferenceSignature.Node;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The signature in the corners where the reference code's flat names (name + position, nested under the parent's
/// flat name) and "values sorted by field name" disagree. The expected hashes were printed by
/// SignatureVectors/reference_signature.py, an implementation in another language written from the rule alone; each
/// vector is also checked against the test-side port (<see cref="ReferenceSignature"/>) and, where the two rules
/// differ, shown to differ from the plain sort, so that the corner really is one.
/// </summary>
public sealed class FlatSignatureVectorTests
{
    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    [Fact]
    public void The_docs_example_is_the_same_under_both_rules()
    {
        var fields = new[] { F("pg_order_id", "23"), F("pg_merchant_id", "12345"), F("pg_amount", "25"), F("pg_description", "test"), F("pg_salt", "molbulak") };

        AssertSigned("383205b64552269551dec03d2d1b7f3b", "init_payment.php", fields, "secretkey", differsFromPlainSort: false);
    }

    [Fact]
    public void A_key_followed_by_the_same_key_with_a_zero_signs_the_longer_key_first()
    {
        // order002 vs order0003: the third character after "order" decides ('2' > '0'), so Y comes before X.
        var fields = new[] { F("pg_merchant_id", "1"), F("order", "X"), F("order0", "Y"), F("pg_salt", "z") };

        AssertSigned("99726524d2c3ae9d27a4750abfa2846b", "s", fields, "K", differsFromPlainSort: true);
        Assert.Equal(Md5Reference.Of("s;Y;X;1;z;K"), PgSignature.Compute("s", fields, "K"));
    }

    [Fact]
    public void Keys_continuing_with_a_dash_or_a_dot_sort_before_their_prefix()
    {
        // "order-x002" and "order.y003" sort before "order001": '-' (2D) and '.' (2E) are below the digits.
        var fields = new[] { F("order", "X"), F("order-x", "Y"), F("order.y", "W"), F("pg_salt", "z") };

        AssertSigned("03ba9d8cb497ecd91475bc634668ca2a", "s", fields, "K", differsFromPlainSort: true);
        Assert.Equal(Md5Reference.Of("s;Y;W;X;z;K"), PgSignature.Compute("s", fields, "K"));
    }

    [Fact]
    public void Receipt_positions_are_signed_by_their_nested_flat_names()
    {
        var fields = new[] { F("pg_merchant_id", "12345"), F("pg_payment_id", "777") }
            .Concat(Receipt(("2", "Mouse pad", "0", "750"), ("1", "Cable", "3", "1000.50")))
            .Append(F("pg_salt", "salt1"))
            .ToArray();

        AssertSigned("5ab5fc20c404576b6dc29214b88031cf", "cancel.php", fields, "SECRET", differsFromPlainSort: false);
        Assert.Equal(Md5Reference.Of("cancel.php;12345;777;2;Mouse pad;750;0;1;Cable;1000.50;3;salt1;SECRET"), PgSignature.Compute("cancel.php", fields, "SECRET"));
    }

    [Fact]
    public void The_eleventh_receipt_position_is_signed_right_after_the_first()
    {
        // Item i's flat name continues with i then its position: "0001", "1002", "10011", "11012", "2003", ...
        // so the order is 0, 10, 1, 11, 2, 3, ... 9; "sort by bracketed name" would give 0, 1, 10, 11, 2, ...
        var items = Enumerable.Range(0, 12).Select(i => ("1", $"Item {i}", "0", (i + 1).ToString())).ToArray();
        var fields = new[] { F("pg_merchant_id", "12345"), F("pg_amount", "78"), F("pg_description", "Twelve") }
            .Concat(Receipt(items))
            .Append(F("pg_salt", "s12"))
            .ToArray();

        AssertSigned("4886888e8f54199676277c9b4a30f1f6", "init_payment.php", fields, "SECRET", differsFromPlainSort: true);
    }

    [Fact]
    public void Nested_keys_that_prefix_one_another_follow_the_reference_inside_their_group()
    {
        var fields = new[] { F("pg_merchant_id", "5"), F("pg_exchange_params[order]", "A"), F("pg_exchange_params[order0]", "B"), F("pg_exchange_params[order-x]", "C"), F("pg_salt", "n") };

        // Sorting the bracketed wire names happens to agree here (']' sorts above '0' and '-'); sorting the keys
        // inside the group (order, order-x, order0: A, C, B), as a client that sorts each level would, does not.
        AssertSigned("ab1f0120b7c3ae466a73aab1ef43f6f6", "payment", fields, "K", differsFromPlainSort: false);
        Assert.NotEqual(Md5Reference.Of("payment;A;C;B;5;n;K"), PgSignature.Compute("payment", fields, "K"));
        Assert.Equal(Md5Reference.Of("payment;C;B;A;5;n;K"), PgSignature.Compute("payment", fields, "K"));
    }

    [Fact]
    public void An_xml_refund_list_is_signed_item_by_item_with_pg_sig_left_out()
    {
        Node[] children =
        [
            Node.Leaf("pg_status", "ok"), Node.Leaf("pg_payment_id", "1001"), Node.Leaf("pg_amount", "1500"),
            Node.Group(
                "pg_refund_payments",
                Node.Group("pg_refund_payment", Node.Leaf("pg_payment_id", "2001"), Node.Leaf("pg_payment_status", "success"), Node.Leaf("pg_amount", "-500")),
                Node.Group("pg_refund_payment", Node.Leaf("pg_payment_id", "2002"), Node.Leaf("pg_payment_status", "success"), Node.Leaf("pg_amount", "-250"))),
            Node.Leaf("pg_salt", "x1"), Node.Leaf("pg_sig", "ignored"),
        ];

        AssertXmlSigned("837a33ebde31808b51622ac49c52b649", "get_status3.php", children, "SECRET");
    }

    [Fact]
    public void Xml_is_flattened_twice_as_the_reference_signs_xml()
    {
        // Flattened once "a001" sorts before "a0010002"; flattened twice "a001001" sorts after "a0010002002".
        Node[] children = [Node.Leaf("a", "first"), Node.Leaf("a0010", "second"), Node.Leaf("pg_salt", "q")];

        AssertXmlSigned("ddf9ae18ed31a7517a2adfcd2930eb4b", "s", children, "K");
        Assert.Equal(Md5Reference.Of("s;second;first;q;K"), PgSignature.Compute("s", ToElement(children), "K"));
        Assert.NotEqual(
            PgSignature.Compute("s", ToElement(children), "K"),
            PgSignature.Compute("s", new[] { F("a", "first"), F("a0010", "second"), F("pg_salt", "q") }, "K"));
    }

    [Fact]
    public void A_form_callback_with_bracketed_fields_verifies_by_the_form_rule()
    {
        var fields = new List<KeyValuePair<string, string>> { F("pg_order_id", "A-1"), F("order", "X"), F("order0", "Y") };
        fields.AddRange(Receipt(("2", "Mouse pad", "0", "750")));
        fields.Add(F("pg_salt", "c1"));
        fields.Add(F("pg_sig", ReferenceSignature.Sign("result", fields, "SECRET")));

        CallbackMessage message = CallbackMessage.FromFields("result", fields);

        Assert.True(message.HasValidSignature("SECRET"));
        fields[1] = F("order", "changed");
        Assert.False(CallbackMessage.FromFields("result", fields).HasValidSignature("SECRET"));
    }

    private static void AssertSigned(string expected, string script, IReadOnlyList<KeyValuePair<string, string>> fields, string secret, bool differsFromPlainSort)
    {
        Assert.Equal(expected, ReferenceSignature.Sign(script, fields, secret));
        Assert.Equal(expected, PgSignature.Compute(script, fields, secret));
        Assert.True(PgSignature.Verify(script, fields.Append(F("pg_sig", expected)), secret, expected));
        string plainSort = Md5Reference.Of(string.Join(";", fields.OrderBy(f => f.Key, System.StringComparer.Ordinal).Select(f => f.Value).Prepend(script).Append(secret)));
        Assert.Equal(differsFromPlainSort, plainSort != expected);
    }

    private static void AssertXmlSigned(string expected, string script, Node[] children, string secret)
    {
        Assert.Equal(expected, ReferenceSignature.SignXml(script, children, secret));
        PgElement root = ToElement(children);
        Assert.Equal(expected, PgSignature.Compute(script, root, secret));
    }

    private static PgElement ToElement(IReadOnlyList<Node> children) => new("response", string.Empty, children.Select(ToElement).ToArray());

    private static PgElement ToElement(Node node) => node.Children is { } children
        ? new PgElement(node.Name, string.Empty, children.Select(ToElement).ToArray())
        : new PgElement(node.Name, node.Value!);

    private static IEnumerable<KeyValuePair<string, string>> Receipt(params (string Count, string Name, string Tax, string Price)[] items) =>
        items.SelectMany((item, i) => new[]
        {
            F($"pg_receipt_positions[{i}][count]", item.Count), F($"pg_receipt_positions[{i}][name]", item.Name),
            F($"pg_receipt_positions[{i}][tax_type]", item.Tax), F($"pg_receipt_positions[{i}][price]", item.Price),
        });
}
