using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Tests;

public sealed class ModelTests
{
    [Fact]
    public void Fixture_fields_map_to_typed_values()
    {
        var bedrock = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json"));

        Assert.Equal(ProviderName.Bedrock, bedrock.Name);
        Assert.Equal(ProviderStatus.Active, bedrock.ProviderStatus);
        Assert.Equal(TimeSpan.FromSeconds(300), bedrock.NetworkConfig.DefaultRequestTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), bedrock.NetworkConfig.RetryBackoffInitial);
        Assert.Equal(TimeSpan.FromSeconds(5), bedrock.NetworkConfig.RetryBackoffMax);
        Assert.Equal(TimeSpan.FromSeconds(120), bedrock.NetworkConfig.StreamIdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), bedrock.NetworkConfig.KeepAliveTimeout);
        Assert.Equal(1000, bedrock.NetworkConfig.MaxConnsPerHost);
        Assert.True(bedrock.NetworkConfig.EnforceHttp2);
        Assert.Equal(ProxyType.Http, bedrock.ProxyConfig!.Type);
        Assert.Equal(SecretValueShape.SecretVarObject, bedrock.ProxyConfig.Password!.Shape);
        Assert.Equal(SecretValueShape.PlainString, bedrock.NetworkConfig.CaCertPem!.Shape);

        var custom = Json.ReadConfiguration(Fixtures.Read("get-custom-provider-keyless.json"));
        Assert.False(custom.Name.IsStandard);
        Assert.Equal(ProviderName.OpenAI, custom.CustomProviderConfig!.BaseProviderType);
        Assert.True(custom.CustomProviderConfig.AllowedRequests!.ChatCompletionStream);
        Assert.False(custom.CustomProviderConfig.AllowedRequests.CachedContentDelete);
        Assert.Equal("/v2/chat/completions", custom.CustomProviderConfig.RequestPathOverrides!["chat_completion"]);
        Assert.Equal("list_models_failed", custom.Status);
        Assert.True(custom.NetworkConfig.AllowPrivateNetwork);

        var gemini = Json.ReadConfiguration(Fixtures.Read("get-gemini-init-error-env-proxy.json"));
        Assert.Equal(ProviderStatus.Error, gemini.ProviderStatus);
        Assert.Equal(ProxyType.Environment, gemini.ProxyConfig!.Type);
        Assert.Null(gemini.ProxyConfig.Password);
        Assert.Equal("env.GEMINI_EGRESS_CA_PEM", gemini.NetworkConfig.CaCertPem!.Reference);
    }

    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("\"500ms\"", 500)]
    [InlineData("\"1.5s\"", 1500)]
    [InlineData("\"1m\"", 60_000)]
    [InlineData("\"1h2m3s\"", 3_723_000)]
    [InlineData("\"250000us\"", 250)]
    [InlineData("\"0\"", 0)]
    public void Backoff_reads_milliseconds_and_go_durations_and_writes_milliseconds(string wire, long expectedMilliseconds)
    {
        var json = Fixtures.ReadObject("get-openai-defaults.json");
        json["network_config"]!["retry_backoff_initial"] = JsonNode.Parse(wire);

        var configuration = Json.ReadConfiguration(json.ToJsonString());

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), configuration.NetworkConfig.RetryBackoffInitial);
        Assert.Equal(expectedMilliseconds, Json.WriteUpdate(configuration.ToUpdate())["network_config"]!["retry_backoff_initial"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("\"500\"")]
    [InlineData("\"fast\"")]
    [InlineData("\"5 minutes\"")]
    [InlineData("true")]
    public void A_backoff_that_is_neither_milliseconds_nor_a_go_duration_is_rejected(string wire)
    {
        var json = Fixtures.ReadObject("get-openai-defaults.json");
        json["network_config"]!["retry_backoff_max"] = JsonNode.Parse(wire);

        var error = Assert.Throws<JsonException>(() => Json.ReadConfiguration(json.ToJsonString()));
        Assert.Contains("retry_backoff_max", error.Path ?? error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_enum_values_from_a_newer_gateway_are_kept()
    {
        var json = Fixtures.ReadObject("get-bedrock-with-proxy.json");
        json["provider_status"] = "degraded";
        json["proxy_config"]!["type"] = "socks6";
        json["name"] = "databricks";

        var configuration = Json.ReadConfiguration(json.ToJsonString());

        Assert.Equal("degraded", configuration.ProviderStatus!.Value.Value);
        Assert.Equal(new ProxyType("socks6"), configuration.ProxyConfig!.Type);
        Assert.False(configuration.Name.IsStandard);
        Assert.Equal("socks6", Json.WriteUpdate(configuration.ToUpdate())["proxy_config"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void A_missing_required_block_or_an_explicit_null_block_is_an_error_not_a_null()
    {
        var json = Fixtures.ReadObject("get-openai-defaults.json");
        json["network_config"] = null;

        Assert.Throws<JsonException>(() => Json.ReadConfiguration(json.ToJsonString()));
    }

    [Fact]
    public void Provider_names_compare_ordinally_and_refuse_empty()
    {
        Assert.Equal(ProviderName.OpenAI, (ProviderName)"openai");
        Assert.NotEqual(ProviderName.OpenAI, (ProviderName)"OpenAI");
        Assert.True(ProviderName.DeepSeek.IsStandard);
        Assert.Throws<ArgumentException>(() => new ProviderName(" "));
        Assert.Equal(string.Empty, default(ProviderName).Value);
    }

    [Fact]
    public void Secrets_never_show_in_ToString_of_the_value_or_of_the_records_around_it()
    {
        var secret = SecretValue.Plain("hunter2-proxy-password");
        var proxy = new ProxyConfig { Type = ProxyType.Http, Url = SecretValue.Plain("http://admin:hunter2@proxy:3128"), Password = secret };
        var update = new ProviderUpdate { ProxyConfig = proxy, NetworkConfig = new NetworkConfig { CaCertPem = SecretValue.Plain("-----BEGIN CERTIFICATE-----MIIB") } };

        foreach (var text in new[] { secret.ToString(), proxy.ToString(), update.ToString() })
        {
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("MIIB", text, StringComparison.Ordinal);
        }

        Assert.Equal("hunter2-proxy-password", secret.RevealValue());
        Assert.Equal("SecretValue(env.PROXY_PASSWORD)", SecretValue.FromEnvironment("PROXY_PASSWORD").ToString());
    }

    [Fact]
    public void New_secrets_are_written_as_bare_strings_which_every_gateway_accepts()
    {
        var update = new ProviderUpdate
        {
            ProxyConfig = new ProxyConfig
            {
                Type = ProxyType.Http,
                Url = SecretValue.Plain("http://proxy:3128"),
                Password = SecretValue.FromEnvironment("PROXY_PASSWORD"),
                CaCertPem = SecretValue.FromVault("secret/proxy-ca"),
            },
        };

        var proxy = Json.WriteUpdate(update)["proxy_config"]!;

        Assert.Equal("http://proxy:3128", proxy["url"]!.GetValue<string>());
        Assert.Equal("env.PROXY_PASSWORD", proxy["password"]!.GetValue<string>());
        Assert.Equal("vault.secret/proxy-ca", proxy["ca_cert_pem"]!.GetValue<string>());
        Assert.Null(proxy["username"]);
        Assert.True(proxy.AsObject().ContainsKey("username"));
    }

    [Theory]
    [InlineData("<REDACTED>", true)]
    [InlineData("[redacted]", true)]
    [InlineData("********", true)]
    [InlineData("****", true)]
    [InlineData("http************************3128", true)]
    [InlineData("env.PROXY_URL", true)]
    [InlineData("vault.kv/proxy", true)]
    [InlineData("http://proxy:3128", false)]
    [InlineData("*********", false)]
    [InlineData("", false)]
    public void LooksRedacted_follows_the_gateways_own_test(string value, bool expected)
        => Assert.Equal(expected, SecretValue.FromJson(JsonSerializer.SerializeToElement(value, ProviderConfigJsonContext.Default.String)).LooksRedacted);

    [Fact]
    public void Secrets_are_equal_when_their_json_is_equal()
    {
        var a = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json")).ProxyConfig!.Password;
        var b = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json")).ProxyConfig!.Password;

        Assert.Equal(a, b);
        Assert.NotEqual(a, SecretValue.Plain("<REDACTED>"));
    }
}
