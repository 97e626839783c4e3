using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests;

/// <summary>GET → ToUpdate() → PUT loses nothing: every fixture, every secret shape, unknown fields at any depth.</summary>
public sealed class RoundTripTests
{
    [Theory]
    [MemberData(nameof(Fixtures.ProviderNames), MemberType = typeof(Fixtures))]
    public void Fixture_round_trips_minus_read_only_fields(string fixture)
    {
        var input = Fixtures.ReadObject(fixture);

        var update = Json.ReadConfiguration(input.ToJsonString()).ToUpdate();

        Json.AssertSameTree(Fixtures.WithoutReadOnly(input), Json.WriteUpdate(update));
    }

    public static TheoryData<string> SecretShapes() => new("secretvar", "envvar", "plain-strings", "legacy-vault", "interim-secret-ref");

    [Theory]
    [MemberData(nameof(SecretShapes))]
    public void Every_secret_shape_is_written_back_as_it_came(string shape)
    {
        var input = Fixtures.ReadObject("get-bedrock-with-proxy.json");
        var proxy = input["proxy_config"]!.AsObject();
        proxy["url"] = Shape(shape, "http************************3128", null);
        proxy["username"] = Shape(shape, "bifr************************-svc", null);
        proxy["password"] = Shape(shape, "<REDACTED>", "env.BEDROCK_PROXY_PASSWORD");
        proxy["ca_cert_pem"] = Shape(shape, "<REDACTED>", null);

        var configuration = Json.ReadConfiguration(input.ToJsonString());

        Json.AssertSameTree(Fixtures.WithoutReadOnly(input), Json.WriteUpdate(configuration.ToUpdate()));
        Assert.Equal("env.BEDROCK_PROXY_PASSWORD", configuration.ProxyConfig!.Password!.Reference);
        Assert.Equal(SecretValueKind.Environment, configuration.ProxyConfig.Password.Kind);
        Assert.Null(configuration.ProxyConfig.Url!.Reference);
        Assert.True(configuration.ProxyConfig.Url.LooksRedacted);
    }

    private static JsonNode Shape(string shape, string value, string? envRef) => shape switch
    {
        "secretvar" => envRef is null
            ? new JsonObject { ["value"] = value, ["type"] = "plain_text" }
            : new JsonObject { ["value"] = value, ["ref"] = envRef, ["type"] = "env" },
        "envvar" => new JsonObject { ["value"] = value, ["env_var"] = envRef ?? string.Empty, ["from_env"] = envRef is not null },
        "plain-strings" => JsonValue.Create(envRef ?? value),
        "legacy-vault" => new JsonObject { ["value"] = value, ["env_var"] = envRef ?? string.Empty, ["from_env"] = envRef is not null, ["vault_var"] = string.Empty, ["from_vault"] = false },
        "interim-secret-ref" => envRef is null
            ? new JsonObject { ["value"] = value }
            : new JsonObject { ["value"] = value, ["secret_ref"] = envRef, ["from_secret"] = true },
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    public static TheoryData<string, string> UnknownFieldPlaces() => new()
    {
        { "get-custom-provider-keyless.json", "$" },
        { "get-custom-provider-keyless.json", "network_config" },
        { "get-custom-provider-keyless.json", "concurrency_and_buffer_size" },
        { "get-custom-provider-keyless.json", "custom_provider_config" },
        { "get-custom-provider-keyless.json", "custom_provider_config.allowed_requests" },
        { "get-bedrock-with-proxy.json", "proxy_config" },
        { "get-bedrock-with-proxy.json", "proxy_config.password" },
        { "get-bedrock-with-proxy.json", "proxy_config.url" },
        { "get-gemini-init-error-env-proxy.json", "proxy_config" },
    };

    [Theory]
    [MemberData(nameof(UnknownFieldPlaces))]
    public void Unknown_fields_survive_at_any_depth(string fixture, string path)
    {
        var input = Fixtures.ReadObject(fixture);
        var target = path == "$" ? input : path.Split('.').Aggregate((JsonNode)input, (node, key) => node[key]!).AsObject();
        target["sdk_does_not_know_this"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, true), ["n"] = 1.5 };
        target["newer_flag"] = true;

        var update = Json.ReadConfiguration(input.ToJsonString()).ToUpdate();

        Json.AssertSameTree(Fixtures.WithoutReadOnly(input), Json.WriteUpdate(update));
    }

    [Fact]
    public void Newer_top_level_blocks_round_trip_typed()
    {
        var input = Fixtures.ReadObject("get-openai-defaults.json");
        input["openai_config"] = new JsonObject { ["disable_store"] = true };
        input["prompt_cache"] = new JsonObject
        {
            ["auto_inject"] = true,
            ["ttl"] = "1h",
            ["injection_points"] = new JsonArray(new JsonObject { ["location"] = "message", ["role"] = "system", ["index"] = 0 }),
        };
        input["provider_request_id"] = new JsonObject { ["enabled"] = true, ["header_name"] = "x-upstream-request-id" };
        input["network_config"]!["beta_header_overrides"] = new JsonObject { ["redact-thinking-"] = false };
        input["network_config"]!["insecure_skip_verify"] = true;

        var configuration = Json.ReadConfiguration(input.ToJsonString());

        Assert.True(configuration.OpenAIConfig!.DisableStore);
        Assert.Equal("1h", configuration.PromptCache!.Ttl);
        Assert.Equal("system", configuration.PromptCache.InjectionPoints![0].Role);
        Assert.Equal("x-upstream-request-id", configuration.ProviderRequestId!.HeaderName);
        Assert.False(configuration.NetworkConfig.BetaHeaderOverrides!["redact-thinking-"]);
        Assert.Null(configuration.NetworkConfig.ExtensionData);
        Json.AssertSameTree(Fixtures.WithoutReadOnly(input), Json.WriteUpdate(configuration.ToUpdate()));
    }

    [Fact]
    public void ToUpdate_always_writes_the_blocks_the_gateway_would_reset()
    {
        var configuration = Json.ReadConfiguration(Fixtures.Read("get-openai-defaults.json"));

        var body = Json.WriteUpdate(configuration.ToUpdate() with { ProxyConfig = null });

        Assert.True(body.ContainsKey("proxy_config"));
        Assert.Null(body["proxy_config"]);
        foreach (var field in new[] { "network_config", "concurrency_and_buffer_size", "send_back_raw_request", "send_back_raw_response", "store_raw_request_response", "openai_config", "prompt_cache" })
        {
            Assert.True(body.ContainsKey(field), field + " must always be sent");
        }

        foreach (var field in Fixtures.ReadOnlyFields)
        {
            Assert.False(body.ContainsKey(field), field + " is read-only and must not be sent");
        }
    }

    [Fact]
    public void A_change_made_with_with_is_sent_and_the_rest_is_kept()
    {
        var input = Fixtures.ReadObject("get-azure-tuned-from-config-json.json");
        var configuration = Json.ReadConfiguration(input.ToJsonString());

        var update = configuration.ToUpdate() with
        {
            NetworkConfig = configuration.NetworkConfig with { MaxRetries = 5, RetryBackoffMax = TimeSpan.FromSeconds(20) },
        };

        var expected = Fixtures.WithoutReadOnly(input);
        expected["network_config"]!["max_retries"] = 5;
        expected["network_config"]!["retry_backoff_max"] = 20000;
        Json.AssertSameTree(expected, Json.WriteUpdate(update));
    }

    [Fact]
    public void Changing_the_update_does_not_change_the_configuration_it_came_from()
    {
        var input = Fixtures.ReadObject("get-openai-defaults.json");
        input["future_field"] = 1;
        var configuration = Json.ReadConfiguration(input.ToJsonString());

        var update = configuration.ToUpdate();
        update.ExtensionData!.Remove("future_field");

        Assert.True(configuration.ExtensionData!.ContainsKey("future_field"));
    }
}
