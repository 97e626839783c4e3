using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests;

/// <summary>A masked secret may only go back to the field and provider it was read from (contract §1.8).</summary>
public sealed class MaskedSecretTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ProviderConfiguration Bedrock() => Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json"));

    [Fact]
    public void The_masks_sent_back_unchanged_to_their_own_fields_pass()
        => Assert.Empty(Bedrock().ToUpdate().Validate(ProviderName.Bedrock));

    [Fact]
    public void A_mask_copied_into_another_field_is_refused()
    {
        var update = Bedrock().ToUpdate();
        update = update with { ProxyConfig = update.ProxyConfig! with { Username = update.ProxyConfig.Url } };

        var error = Assert.Single(update.Validate(ProviderName.Bedrock));

        Assert.Equal("proxy_config.username", error.Path);
        Assert.Contains("is a mask (not the value read for this field) that the gateway would store as the credential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("http****", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masks_read_from_one_provider_are_refused_for_another()
    {
        var errors = Bedrock().ToUpdate().Validate("bedrock-eu");

        Assert.Equal(["network_config.ca_cert_pem", "proxy_config.url", "proxy_config.username", "proxy_config.ca_cert_pem"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("(read from provider 'bedrock', not 'bedrock-eu')", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_mask_typed_by_hand_is_refused()
    {
        var update = Fixtures.ValidUpdate() with
        {
            ProxyConfig = new ProxyConfig { Type = ProxyType.Http, Url = SecretValue.Plain("http://proxy:3128"), Password = SecretValue.Plain("<REDACTED>") },
        };

        var error = Assert.Single(update.Validate(ProviderName.OpenAI));

        Assert.Equal("proxy_config.password", error.Path);
    }

    [Fact]
    public void An_environment_reference_is_a_new_value_not_a_mask()
    {
        var update = Bedrock().ToUpdate();
        update = update with { ProxyConfig = update.ProxyConfig! with { Username = SecretValue.FromEnvironment("PROXY_USER") } };

        Assert.Empty(update.Validate(ProviderName.Bedrock));
    }

    [Fact]
    public async Task Through_the_stub_a_new_plain_secret_is_stored_as_written_and_untouched_masks_keep_the_stored_secrets()
    {
        await using var stub = BifrostStubServer.Start();
        var client = ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = stub.BaseAddress, Retry = new RetryOptions { MaxRetries = 0 } });
        var storedBefore = stub.GetStoredProvider("bedrock")!;

        await client.UpdateProviderAsync(ProviderName.Bedrock, u => u with { ProxyConfig = u.ProxyConfig! with { Password = SecretValue.Plain("n3w-pr0xy-pa55") } }, Ct);

        // The new password is stored as written (a plain value: no reference any more); every untouched secret is the
        // stored one in full (value, ref and type), proxy CA included, not merely a value that happens to match.
        var storedAfter = stub.GetStoredProvider("bedrock")!["proxy_config"]!;
        Json.AssertSameTree(JsonNode.Parse("""{"value": "n3w-pr0xy-pa55", "type": "plain_text"}""")!, storedAfter["password"]!);
        Assert.NotEqual(storedBefore["proxy_config"]!["password"]!.ToJsonString(), storedAfter["password"]!.ToJsonString());
        foreach (var field in new[] { "url", "username", "ca_cert_pem" })
        {
            Json.AssertSameTree(storedBefore["proxy_config"]![field]!, storedAfter[field]!);
        }

        Json.AssertSameTree(storedBefore["network_config"]!["ca_cert_pem"]!, stub.GetStoredProvider("bedrock")!["network_config"]!["ca_cert_pem"]!);
    }

}
