using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>What a PUT keeps, replaces or clears (contract 1.7) and the upsert (2.2 step 11).</summary>
public sealed class StubBlockPresenceTests : IDisposable
{
    private readonly BifrostStubServer _stub = BifrostStubServer.Start();
    private readonly StubHttp _http;

    public StubBlockPresenceTests() => _http = new StubHttp(_stub);

    public void Dispose()
    {
        _http.Dispose();
        _stub.Dispose();
    }

    [Fact]
    public async Task Sending_a_GET_body_back_changes_nothing()
    {
        foreach (var name in _stub.ProviderNames)
        {
            var before = _stub.GetStoredProvider(name)!;
            var view = (await _http.GetAsync(name)).Json;

            var answer = await _http.PutAsync(name, StubPayloads.FromView(view));

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            view["provider_status"] = "active"; // a successful PUT reloads the provider
            Json.AssertSameTree(view, (await _http.GetAsync(name)).Json);

            // The secrets behind the masks survived: the stored raw values are unchanged.
            var after = _stub.GetStoredProvider(name)!;
            Assert.True(JsonNode.DeepEquals(before["proxy_config"], after["proxy_config"]), name + ": proxy_config changed");
            Assert.True(JsonNode.DeepEquals(before["network_config"]?["ca_cert_pem"], after["network_config"]?["ca_cert_pem"]), name + ": ca_cert_pem changed");
        }
    }

    [Fact]
    public async Task An_omitted_network_config_is_replaced_by_zeros()
    {
        var answer = await _http.PutAsync("azure", StubPayloads.Minimal());

        Json.AssertSameTree(
            JsonNode.Parse("""{"default_request_timeout_in_seconds":0,"max_retries":0,"retry_backoff_initial":0,"retry_backoff_max":0}""")!,
            answer.Json["network_config"]!);
    }

    [Fact]
    public async Task A_proxy_config_left_out_is_kept_and_null_clears_it()
    {
        var kept = await _http.PutAsync("bedrock", StubPayloads.Minimal());
        Assert.Equal("http", kept.Json["proxy_config"]!["type"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.BedrockPassword, _stub.GetStoredProvider("bedrock")!["proxy_config"]!["password"]!["value"]!.GetValue<string>());

        var cleared = await _http.PutAsync("bedrock", StubPayloads.Minimal().With("proxy_config", null));
        Assert.Null(cleared.Json["proxy_config"]);
        Assert.True(cleared.Json.ContainsKey("proxy_config"), "proxy_config is never omitted: null when none.");
        Assert.False(_stub.GetStoredProvider("bedrock")!.ContainsKey("proxy_config"));
    }

    [Fact]
    public async Task Send_back_flags_reset_to_false_and_store_raw_is_kept_when_omitted()
    {
        await _http.PutAsync("openai", StubPayloads.Minimal()
            .With("send_back_raw_request", true).With("send_back_raw_response", true).With("store_raw_request_response", true));

        var answer = await _http.PutAsync("openai", StubPayloads.Minimal());

        Assert.False(answer.Json["send_back_raw_request"]!.GetValue<bool>());
        Assert.False(answer.Json["send_back_raw_response"]!.GetValue<bool>());
        Assert.True(answer.Json["store_raw_request_response"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Openai_config_and_prompt_cache_are_kept_when_omitted_and_cleared_by_null()
    {
        await _http.PutAsync("openai", StubPayloads.Minimal()
            .With("openai_config", new JsonObject { ["disable_store"] = true })
            .With("prompt_cache", new JsonObject { ["auto_inject"] = true, ["ttl"] = "1h" }));

        var kept = await _http.PutAsync("openai", StubPayloads.Minimal());
        Assert.True(kept.Json["openai_config"]!["disable_store"]!.GetValue<bool>());
        Assert.Equal("1h", kept.Json["prompt_cache"]!["ttl"]!.GetValue<string>());

        var cleared = await _http.PutAsync("openai", StubPayloads.Minimal().With("openai_config", null).With("prompt_cache", null));
        Assert.False(cleared.Json.ContainsKey("openai_config"));
        Assert.False(cleared.Json.ContainsKey("prompt_cache"));
    }

    [Fact]
    public async Task Unknown_fields_are_dropped_and_a_partial_allowed_requests_denies_the_rest()
    {
        var body = StubPayloads.Minimal()
            .With("provider_request_id", new JsonObject { ["enabled"] = true })
            .With("custom_provider_config", new JsonObject
            {
                ["base_provider_type"] = "openai",
                ["allowed_requests"] = new JsonObject { ["chat_completion"] = true, ["future_flag"] = true },
                ["future_block"] = 1,
            })
            .Network("future_network_field", "x");

        var answer = await _http.PutAsync("my-llm", body);

        var stored = _stub.GetStoredProvider("my-llm")!;
        Assert.False(stored.ContainsKey("provider_request_id"));
        Assert.False(stored["network_config"]!.AsObject().ContainsKey("future_network_field"));
        Assert.False(stored["custom_provider_config"]!.AsObject().ContainsKey("future_block"));
        var allowed = answer.Json["custom_provider_config"]!["allowed_requests"]!.AsObject();
        Assert.Equal(60, allowed.Count);
        Assert.False(allowed.ContainsKey("future_flag"));
        Assert.Equal(["chat_completion"], allowed.Where(f => f.Value!.GetValue<bool>()).Select(f => f.Key));
    }

    [Fact]
    public async Task A_PUT_creates_an_unknown_provider_without_a_config_hash()
    {
        var answer = await _http.PutAsync("mistral", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Json.ContainsKey("config_hash"));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("mistral")).Status);
    }

    [Fact]
    public async Task A_PUT_keeps_config_hash_and_discovery_status_and_answers_active()
    {
        var gemini = await _http.PutAsync("gemini", StubPayloads.FromView((await _http.GetAsync("gemini")).Json));
        Assert.Equal("active", gemini.Json["provider_status"]!.GetValue<string>());

        var azure = await _http.PutAsync("azure", StubPayloads.Minimal());
        Assert.Equal("cb5819fd720e12f6211eab09ba0e890246448f5928cf6d6a02c081d428396afd", azure.Json["config_hash"]!.GetValue<string>());

        var acme = await _http.PutAsync("acme-llm-gateway", StubPayloads.FromView((await _http.GetAsync("acme-llm-gateway")).Json));
        Assert.Equal("list_models_failed", acme.Json["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_are_serialized()
    {
        // 32 writers: 16 to distinct providers (none may be lost) and 16 to one provider, each writing its number into
        // two blocks, so that a write interleaved with another would leave the blocks of two different writers.
        var answers = await Task.WhenAll(Enumerable.Range(0, 64).Select(async i =>
        {
            var name = i % 4 == 0 ? "shared" : "own-" + i;
            var body = StubPayloads.Minimal()
                .Network("max_retries", i)
                .With("concurrency_and_buffer_size", JsonNode.Parse($$"""{"concurrency": {{i + 1}}, "buffer_size": 1000}"""))
                .With("custom_provider_config", JsonNode.Parse("""{"base_provider_type": "openai"}"""));
            var answer = i % 2 == 0 ? await _http.PutAsync(name, body) : await _http.GetAsync("bedrock");
            return (i, answer);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.answer.Status));
        Assert.All(answers.Where(a => a.i % 2 == 1), a => Assert.Equal("bedrock", a.answer.Json["name"]!.GetValue<string>()));
        Assert.Equal(64, _stub.Requests.Count);
        foreach (var i in Enumerable.Range(0, 64).Where(i => i % 2 == 0 && i % 4 != 0))
        {
            Assert.Equal(i, _stub.GetStoredProvider("own-" + i)!["network_config"]!["max_retries"]!.GetValue<long>());
        }

        var shared = _stub.GetStoredProvider("shared")!;
        var winner = shared["network_config"]!["max_retries"]!.GetValue<long>();
        Assert.Contains(winner, Enumerable.Range(0, 64).Where(i => i % 4 == 0).Select(i => (long)i));
        Assert.Equal(winner + 1, shared["concurrency_and_buffer_size"]!["concurrency"]!.GetValue<long>()); // one writer's blocks, whole
    }
}
