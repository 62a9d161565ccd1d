using System.Text;
using FreedomPay.Runtime;

namespace FreedomPay.Client.Tests;

/// <summary>
/// The header signatures against vectors computed outside .NET (Python's hashlib and hmac, written down here), so
/// that the runtime and the vectors cannot share a mistake: the detached HS256 JWS byte for byte, the Sign header.
/// </summary>
public sealed class HeaderSignatureTests
{
    [Fact]
    public void A_detached_hs256_jws_matches_the_independently_computed_vector()
    {
        string jws = HeaderSignature.Jws(AuthScheme.JwsHs256, "auth_id", "12345", "POST", "/v5/x", string.Empty, Encoding.UTF8.GetBytes("""{"a":1}"""), "test-secret-key");

        Assert.Equal("eyJ1cmkiOiIvdjUveCIsImF1dGhfaWQiOjEyMzQ1LCJtZXRob2QiOiJQT1NUIiwicGFyYW1zIjoiIiwiYWxnIjoiSFMyNTYifQ..AfHsFKa-8FMmWV0nutyf5x4RZw92vsdAc32RBHbjTd0", jws);
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
        string jws = HeaderSignature.Jws(AuthScheme.JwsHs512, "merchant_id", "m-7", "POST", "/v5/y", string.Empty, new byte[] { 1 }, "k");
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
