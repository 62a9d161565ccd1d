using System.Text;
using FreedomPay.Runtime;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The header signatures against vectors computed outside .NET (Python's hashlib and hmac, written down here), so
/// that the runtime and the vectors cannot share a mistake: the detached HS256 JWS byte for byte, the Sign header.
/// </summary>
public sealed class HeaderSignatureTests
{
    [Theory]
    [InlineData("auth_id", false, "uri", "HS256", "eyJ1cmkiOiIvdjUveCIsImF1dGhfaWQiOiIxMjM0NSIsIm1ldGhvZCI6IlBPU1QiLCJwYXJhbXMiOiIiLCJhbGciOiJIUzI1NiJ9..6G0HhxZrOKZQiM1KKkO5DgIaVztUBQu3Zmi7AEccmg8")]
    [InlineData("merchant_id", true, "path", "HS512", "eyJwYXRoIjoiL3Y1L3kiLCJtZXJjaGFudF9pZCI6MTIzNDUsIm1ldGhvZCI6IlBPU1QiLCJwYXJhbXMiOiIiLCJhbGciOiJIUzUxMiJ9..-1SrTGv4CP537lKEMajUBCw-bGfxOeyiy5H_BUj3dF9YkON8PV3YAvXuqB7ys8wnhJAND02WsPWGizGl27WvOQ")]
    [InlineData("merchant_id", false, "uri", "HS512", "eyJ1cmkiOiIvdjUveSIsIm1lcmNoYW50X2lkIjoiMTIzNDUiLCJtZXRob2QiOiJQT1NUIiwicGFyYW1zIjoiIiwiYWxnIjoiSFM1MTIifQ..ogEEYMjXJuMjby0cvOg6L5d-DIUg7ElFwYMJ9WpHfCkNdTNbuKMD9ZtNqrnmG8W9_fdreqHpCLMJAqvP6Y5YGg")]
    public void A_detached_jws_matches_the_vector_computed_in_python_for_each_header_shape(string keyId, bool keyIdIsNumber, string pathMember, string alg, string expected)
    {
        // Vectors: SignatureVectors/jws_vectors.py (Python hmac and hashlib over each header written out by hand).
        var shape = new JwsHeaderShape(keyId, keyIdIsNumber, pathMember);
        string path = pathMember == "uri" && alg == "HS256" ? "/v5/x" : "/v5/y";

        string jws = HeaderSignature.Jws(alg == "HS512" ? AuthScheme.JwsHs512 : AuthScheme.JwsHs256, shape, "12345", "POST", path, string.Empty, Encoding.UTF8.GetBytes("""{"a":1}"""), "test-secret-key");

        Assert.Equal(expected, jws);
    }

    [Fact]
    public void The_invoice_pages_own_example_token_is_what_the_invoice_areas_header_shape_signs_with_the_pages_key()
    {
        // https://docs.freedompay.kz/doc-786384: "The merchant key can be secret_key. In this case, the following JWT
        // token can be generated", then the token with its payload cut out. Its payload is the page's example body.
        const string DocsDetached = "eyJwYXRoIjoiL3Y1L21lcmNoYW50L2ludm9pY2UvaW5pdCIsIm1lcmNoYW50X2lkIjoxMjM0NTYsIm1ldGhvZCI6IlBPU1QiLCJwYXJhbXMiOiIiLCJhbGciOiJIUzUxMiJ9..wCwFCAmxN0nbTm6mad8GxowIjgkCwfF7IAy2ijO9thLjsZFXnS4K_I4NPnXjkTFTMnEzqjk8rtIVmtf7NbGyvg";
        byte[] body = Encoding.UTF8.GetBytes("""{"order_id":"828cf71d-a447-4a67-a149-c1df8bc197ca","merchant_id":123456,"amount":100,"description":"Счет за услуги","invoice_method":"qr","currency":"KZT"}""");

        string jws = HeaderSignature.Jws(AuthScheme.JwsHs512, FreedomPay.Invoice.InvoiceClient.InitInfo.Descriptor.JwsHeader, "123456", "POST", "/v5/merchant/invoice/init", string.Empty, body, "secret_key");

        Assert.Equal(DocsDetached, jws);
    }

    [Fact]
    public void A_number_shape_refuses_a_merchant_id_that_is_not_digits_before_anything_is_signed()
    {
        var ex = Assert.Throws<System.InvalidOperationException>(() => HeaderSignature.Jws(AuthScheme.JwsHs512, new JwsHeaderShape("merchant_id", true, "path"), "m-7", "POST", "/v5/y", string.Empty, new byte[] { 1 }, "k"));

        Assert.Contains("'m-7' is not digits", ex.Message);
    }

    [Fact]
    public void The_sign_header_is_the_hex_sha256_of_the_body_followed_by_the_key()
    {
        string sign = HeaderSignature.Sha256(Encoding.UTF8.GetBytes("""{"order_id":"A-1","amount":100}"""), "test-secret-key");

        Assert.Equal("ed51bdd02456493d31c41ee2cac9a6a4973588d3b7426de00459f6439f9122e1", sign);
    }

    [Fact]
    public void A_merchant_id_that_is_not_digits_is_written_as_a_string_in_the_header()
    {
        string jws = HeaderSignature.Jws(AuthScheme.JwsHs512, new JwsHeaderShape("merchant_id", false, "uri"), "m-7", "POST", "/v5/y", string.Empty, new byte[] { 1 }, "k");
        string header = Encoding.UTF8.GetString(System.Convert.FromBase64String(PadBase64(jws.Split('.')[0])));

        Assert.Equal("""{"uri":"/v5/y","merchant_id":"m-7","method":"POST","params":"","alg":"HS512"}""", header);
    }

    private static string PadBase64(string url) => url.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (url.Length % 4)) % 4);
}

/// <summary>The hand-written BASE64URL of netstandard2.0 and .NET 8 against the BCL's, for every remainder and offset.</summary>
public sealed class PortableBase64UrlTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(64)]
    [InlineData(257)]
    public void It_writes_what_System_Buffers_Text_Base64Url_writes(int length)
    {
        byte[] data = new byte[length + 3];
        new System.Random(length).NextBytes(data);
        var segment = new System.ArraySegment<byte>(data, 3, length);
        byte[] into = new byte[HeaderSignature.EncodedLength(length) + 2];

        HeaderSignature.EncodeBase64UrlPortable(segment, into, 2);

        Assert.Equal(System.Buffers.Text.Base64Url.EncodeToString(segment), Encoding.ASCII.GetString(into, 2, into.Length - 2));
    }
}
