using FreedomPay.Generator.Emit;

namespace FreedomPay.Generator.Tests;

/// <summary>Spec text turned into C# string literals: plain text as is, everything else escaped.</summary>
public sealed class CSharpTextTests
{
    [Theory]
    [InlineData("pg_merchant_id", "\"pg_merchant_id\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("C:\\path", "\"C:\\\\path\"")]
    [InlineData("line\nbreak\r\ttab\0", "\"line\\nbreak\\r\\ttab\\0\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("para\u2028graph\u2029", "\"para\\u2028graph\\u2029\"")]
    [InlineData("кириллица ok", "\"кириллица ok\"")]
    public void Literal_escapes_what_a_CSharp_string_cannot_hold(string value, string expected)
    {
        Assert.Equal(expected, CSharpText.Literal(value));
    }
}
