using System;
using System.Net.Http;

namespace FreedomPay.Client.Tests;

/// <summary>Client options are checked when the client is created, and never print the secret.</summary>
public sealed class OptionsTests
{
    [Theory]
    [InlineData("", "secret", "MerchantId")]
    [InlineData("12a45", "secret", "MerchantId")]
    [InlineData("12345", "", "SecretKey")]
    public void Missing_or_malformed_credentials_name_the_setting(string merchantId, string secret, string setting)
    {
        var ex = Assert.Throws<ArgumentException>(() => new FreedomPayClient(new FreedomPayClientOptions { MerchantId = merchantId, SecretKey = secret }));

        Assert.Contains("FreedomPayClientOptions." + setting, ex.Message);
    }

    [Fact]
    public void A_relative_or_non_http_base_address_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new FreedomPayClient(new FreedomPayClientOptions
        {
            MerchantId = "1", SecretKey = "s", BaseAddress = new Uri("ftp://example.test/"),
        }));

        Assert.Contains("BaseAddress", ex.Message);
    }

    [Fact]
    public void ToString_redacts_the_secret_key()
    {
        var options = new FreedomPayClientOptions { MerchantId = "54321", SecretKey = "very-secret-value" };

        Assert.DoesNotContain("very-secret-value", options.ToString());
        Assert.Contains("54321", options.ToString());
    }

    [Theory]
    [InlineData("Payout", "key")]
    [InlineData("payout key", "key")]
    [InlineData("payout", "")]
    public void A_named_secret_key_needs_a_spec_style_name_and_a_value_and_neither_is_echoed(string name, string key)
    {
        var options = new FreedomPayClientOptions { MerchantId = "54321", SecretKey = "s" };
        options.SecretKeys[name] = key;

        var ex = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("SecretKeys", ex.Message);
        Assert.DoesNotContain("payout key", ex.Message);
    }

    [Fact]
    public void Named_secret_keys_are_copied_and_redacted()
    {
        var options = new FreedomPayClientOptions { MerchantId = "54321", SecretKey = "s" };
        options.SecretKeys["payout"] = "payout-secret-value";
        options.Validate();

        Assert.Contains("SecretKeys[payout]=***", options.ToString());
        Assert.DoesNotContain("payout-secret-value", options.ToString());
    }

    [Fact]
    public void Changing_the_options_after_creating_the_client_changes_nothing()
    {
        var options = new FreedomPayClientOptions { MerchantId = "54321", SecretKey = "s" };
        using var client = new FreedomPayClient(new HttpClient(), options);

        options.MerchantId = "99999";

        Assert.Equal("54321", client.Connection.MerchantId);
    }

    [Fact]
    public void A_caller_owned_HttpClient_is_not_disposed_with_the_client()
    {
        using var http = new HttpClient();
        var client = new FreedomPayClient(http, new FreedomPayClientOptions { MerchantId = "1", SecretKey = "s" });

        client.Dispose();

        // CancelPendingRequests throws ObjectDisposedException on a disposed HttpClient.
        Exception? thrown = Record.Exception(http.CancelPendingRequests);
        Assert.Null(thrown);
    }
}
