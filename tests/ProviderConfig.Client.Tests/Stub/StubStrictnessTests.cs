using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>
/// Issue #12, "the stub must not be kinder than the gateway": unknown names, masks sent back in another shape, the
/// PUT rules of the older eras and the prompt-cache rules.
/// </summary>
public sealed class StubStrictnessTests
{
    private const string PasswordRef = "env.BEDROCK_PROXY_PASSWORD";

    private static StubHttp Http(BifrostStubServer stub) => new(stub);

    private static JsonObject StoredProxy(BifrostStubServer stub, string name) => stub.GetStoredProvider(name)!["proxy_config"]!.AsObject();

    // ---- 1. An unknown non-custom name (contract 2.3) ----

    [Fact]
    public async Task A_PUT_to_an_unknown_non_custom_name_stores_the_row_then_fails_the_reload()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);

        var put = await http.PutAsync("mistrall", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.InternalServerError, put.Status);
        Assert.Equal("Failed to update provider: failed to update provider: unsupported provider: mistrall", put.ErrorMessage);

        var get = await http.GetAsync("mistrall");
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal("error", get.Json["provider_status"]!.GetValue<string>());
        Assert.Equal(10, get.Json["concurrency_and_buffer_size"]!["concurrency"]!.GetValue<int>());

        var list = await http.GetPathAsync("/api/providers");
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var row = list.Json["providers"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "mistrall");
        Assert.Equal("error", row!["provider_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_case_standard_name_is_unknown_too_and_a_second_PUT_still_fails()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);

        Assert.Equal(HttpStatusCode.InternalServerError, (await http.PutAsync("OpenAI", StubPayloads.Minimal())).Status);
        var again = await http.PutAsync("OpenAI", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.InternalServerError, again.Status);
        Assert.Equal("Failed to update provider: failed to update provider: unsupported provider: OpenAI", again.ErrorMessage);
        Assert.Equal("error", stub.GetStoredProvider("OpenAI")!["provider_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_custom_provider_and_a_standard_name_still_answer_200_active()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);

        var custom = await http.PutAsync("my-llm", StubPayloads.Minimal().With("custom_provider_config", new JsonObject { ["base_provider_type"] = "openai" }));
        var standard = await http.PutAsync("mistral", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.OK, custom.Status);
        Assert.Equal(HttpStatusCode.OK, standard.Status);
        Assert.Equal("active", (await http.GetAsync("my-llm")).Json["provider_status"]!.GetValue<string>());
        Assert.Equal("active", (await http.GetAsync("mistral")).Json["provider_status"]!.GetValue<string>());
    }

    // ---- 2. A mask is restored only when sent back in the shape GET emitted (contract 1.8) ----

    [Fact]
    public async Task A_mask_sent_back_as_a_bare_string_where_GET_gave_an_object_is_stored_literally()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);
        var view = await http.GetAsync("bedrock");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        var body = StubPayloads.FromView(view.Json);
        Assert.Equal("<REDACTED>", body["proxy_config"]!["ca_cert_pem"]!["value"]!.GetValue<string>());
        body["proxy_config"]!["ca_cert_pem"] = "<REDACTED>";

        var put = await http.PutAsync("bedrock", body);

        Assert.Equal(HttpStatusCode.OK, put.Status);
        var proxy = StoredProxy(stub, "bedrock");
        Assert.Equal("<REDACTED>", proxy["ca_cert_pem"]!["value"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.BedrockPassword, proxy["password"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mask_object_without_its_type_or_ref_is_stored_literally()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);
        var view = await http.GetAsync("bedrock");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        var body = StubPayloads.FromView(view.Json);
        var maskedUrl = body["proxy_config"]!["url"]!["value"]!.GetValue<string>();
        Assert.Equal("http************************3128", maskedUrl);
        body["proxy_config"]!["url"] = new JsonObject { ["value"] = maskedUrl };
        body["proxy_config"]!["password"] = new JsonObject { ["value"] = "<REDACTED>" };

        var put = await http.PutAsync("bedrock", body);

        Assert.Equal(HttpStatusCode.OK, put.Status);
        var proxy = StoredProxy(stub, "bedrock");
        Assert.Equal(maskedUrl, proxy["url"]!["value"]!.GetValue<string>());
        Assert.Equal("<REDACTED>", proxy["password"]!["value"]!.GetValue<string>());
        Assert.False(proxy["password"]!.AsObject().ContainsKey("ref"));
    }

    [Fact]
    public async Task An_exact_echo_of_every_proxy_secret_keeps_them_all_in_the_newest_era()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);
        var before = StoredProxy(stub, "bedrock");
        var view = await http.GetAsync("bedrock");
        Assert.Equal(HttpStatusCode.OK, view.Status);

        var put = await http.PutAsync("bedrock", StubPayloads.FromView(view.Json));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.True(JsonNode.DeepEquals(before, StoredProxy(stub, "bedrock")));
    }

    // ---- 3. The PUT rules of the older eras (contract 1.7 note, 1.8, 2.5) ----

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task In_the_older_eras_an_omitted_proxy_config_clears_it(SecretValueShape era)
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = era });
        using var http = Http(stub);
        Assert.NotNull(stub.GetStoredProvider("bedrock")!["proxy_config"]);

        var put = await http.PutAsync("bedrock", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Null(put.Json["proxy_config"]);
        Assert.Null(stub.GetStoredProvider("bedrock")!["proxy_config"]);
    }

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task In_the_older_eras_an_omitted_custom_provider_config_clears_it_and_the_reload_fails(SecretValueShape era)
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = era });
        using var http = Http(stub);

        var put = await http.PutAsync("acme-llm-gateway", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.InternalServerError, put.Status);
        Assert.Equal("Failed to update provider: failed to update provider: unsupported provider: acme-llm-gateway", put.ErrorMessage);
        var get = await http.GetAsync("acme-llm-gateway");
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Null(get.Json["custom_provider_config"]);
        Assert.Equal("error", get.Json["provider_status"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_the_newest_era_an_omitted_custom_provider_config_is_still_400()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);

        var put = await http.PutAsync("acme-llm-gateway", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.BadRequest, put.Status);
        Assert.Equal("Invalid custom provider config: custom_provider_config cannot be removed after creation for provider acme-llm-gateway", put.ErrorMessage);
    }

    [Fact]
    public async Task Before_PR_1930_a_masked_proxy_secret_sent_back_is_stored_literally()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = SecretValueShape.PlainString });
        using var http = Http(stub);
        var view = await http.GetAsync("bedrock");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Equal("<REDACTED>", view.Json["proxy_config"]!["ca_cert_pem"]!.GetValue<string>());

        var put = await http.PutAsync("bedrock", StubPayloads.FromView(view.Json));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        var proxy = StoredProxy(stub, "bedrock");
        Assert.Equal("<REDACTED>", proxy["ca_cert_pem"]!["value"]!.GetValue<string>());

        // The reference is shown and sent back as itself; the stub does not resolve env, so the same reference keeps its value.
        Assert.Equal(PasswordRef, proxy["password"]!["ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_the_EnvVar_era_only_an_exact_echo_of_password_and_CA_is_restored()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = SecretValueShape.EnvVarObject });
        using var http = Http(stub);
        var before = StoredProxy(stub, "bedrock");
        var view = await http.GetAsync("bedrock");
        Assert.Equal(HttpStatusCode.OK, view.Status);
        Assert.Equal("<REDACTED>", view.Json["proxy_config"]!["ca_cert_pem"]!["value"]!.GetValue<string>());

        var echo = await http.PutAsync("bedrock", StubPayloads.FromView(view.Json));
        Assert.Equal(HttpStatusCode.OK, echo.Status);
        Assert.True(JsonNode.DeepEquals(before, StoredProxy(stub, "bedrock")));

        // The same mask without its from_env/env_var members is not an echo.
        var body = StubPayloads.FromView(view.Json);
        body["proxy_config"]!["ca_cert_pem"] = new JsonObject { ["value"] = "<REDACTED>" };
        var reshaped = await http.PutAsync("bedrock", body);

        Assert.Equal(HttpStatusCode.OK, reshaped.Status);
        Assert.Equal("<REDACTED>", StoredProxy(stub, "bedrock")["ca_cert_pem"]!["value"]!.GetValue<string>());
    }

    // ---- 4. prompt_cache (contract 1.6, 2.2 step 7) ----

    [Theory]
    [InlineData("42m")]
    [InlineData("5 minutes")]
    [InlineData("1H")]
    [InlineData("3600")]
    [InlineData("")]
    public async Task A_prompt_cache_ttl_outside_the_enum_is_400(string ttl)
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);

        var put = await http.PutAsync("openai", StubPayloads.Minimal().With("prompt_cache", new JsonObject { ["ttl"] = ttl }));

        Assert.Equal(HttpStatusCode.BadRequest, put.Status);
        Assert.Equal($"Invalid prompt cache config: ttl must be one of 5m, 1h, got \"{ttl}\"", put.ErrorMessage);
    }

    [Fact]
    public async Task A_valid_prompt_cache_is_stored()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);
        var cache = new JsonObject
        {
            ["auto_inject"] = true,
            ["ttl"] = "1h",
            ["injection_points"] = new JsonArray(
                new JsonObject { ["location"] = "message", ["role"] = "system" },
                new JsonObject { ["location"] = "message", ["role"] = "developer", ["index"] = 2 },
                new JsonObject { ["location"] = "message" }),
        };

        var put = await http.PutAsync("openai", StubPayloads.Minimal().With("prompt_cache", cache));

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(3, put.Json["prompt_cache"]!["injection_points"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("""{"location": "system"}""", "injection_points[0].location must be \"message\", got \"system\"")]
    [InlineData("""{"role": "user"}""", "injection_points[0].location must be \"message\", got \"\"")]
    [InlineData("""{"location": "message", "role": "tool"}""", "injection_points[0].role must be one of system, developer, user, assistant, got \"tool\"")]
    [InlineData("""{"location": "message", "role": "System"}""", "injection_points[0].role must be one of system, developer, user, assistant, got \"System\"")]
    public async Task An_injection_point_outside_the_schema_is_400(string point, string message)
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);
        var cache = new JsonObject { ["ttl"] = "1h", ["injection_points"] = new JsonArray(JsonNode.Parse(point)) };

        var put = await http.PutAsync("openai", StubPayloads.Minimal().With("prompt_cache", cache));

        Assert.Equal(HttpStatusCode.BadRequest, put.Status);
        Assert.Equal("Invalid prompt cache config: " + message, put.ErrorMessage);
    }

    [Fact]
    public async Task A_non_integer_injection_point_index_fails_decoding()
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);
        var cache = new JsonObject { ["injection_points"] = new JsonArray(new JsonObject { ["location"] = "message", ["index"] = "1" }) };

        var put = await http.PutAsync("openai", StubPayloads.Minimal().With("prompt_cache", cache));

        Assert.Equal(HttpStatusCode.BadRequest, put.Status);
        Assert.Equal("Invalid request payload", put.ErrorMessage);
    }

    // ---- base_url messages as the contract quotes them (2.2 step 9) ----

    [Theory]
    [InlineData("ftp://files.example", "only https and http schemes are allowed, got: ftp")]
    [InlineData("api.example.com", "only https and http schemes are allowed, got: ")]
    [InlineData("http://0.0.0.0:8080", "unspecified IP addresses are not allowed")]
    [InlineData("http://169.254.169.254/latest", "link-local IP addresses are not allowed")]
    [InlineData("https://10.1.2.3", "private IP addresses are not allowed")]
    public async Task A_rejected_base_url_has_the_gateway_text(string url, string message)
    {
        using var stub = BifrostStubServer.Start();
        using var http = Http(stub);

        var put = await http.PutAsync("openai", StubPayloads.Minimal().Network("base_url", url));

        Assert.Equal(HttpStatusCode.BadRequest, put.Status);
        Assert.Equal("Invalid base URL: " + message, put.ErrorMessage);
    }
}
