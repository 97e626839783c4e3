using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>PUT validation of the stub: the gateway's order and exact messages (contract 2.2).</summary>
public sealed class StubValidationTests : IDisposable
{
    private readonly BifrostStubServer _stub = BifrostStubServer.Start();
    private readonly StubHttp _http;

    public StubValidationTests() => _http = new StubHttp(_stub);

    public void Dispose()
    {
        _http.Dispose();
        _stub.Dispose();
    }

    private async Task AssertRejected(string provider, string body, string message)
    {
        var before = _stub.GetStoredProvider(provider);

        var answer = await _http.PutAsync(provider, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.ErrorMessage);
        Assert.False(answer.Json["is_bifrost_error"]!.GetValue<bool>());
        Assert.Equal(400, answer.Json["status_code"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(before, _stub.GetStoredProvider(provider)), "A rejected PUT must not change the stored provider.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("""{"concurrency_and_buffer_size": {"concurrency": "10", "buffer_size": 100}}""")]
    [InlineData("""{"concurrency_and_buffer_size": {"concurrency": 1.5, "buffer_size": 100}}""")]
    [InlineData("""{"concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 100}, "send_back_raw_request": "yes"}""")]
    [InlineData("""{"concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 100}, "network_config": {"retry_backoff_initial": "500"}}""")]
    [InlineData("""{"concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 100}, "network_config": {"retry_backoff_initial": 500.0}}""")]
    [InlineData("""{"concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 100}, "proxy_config": {"type": "http", "password": 42}}""")]
    [InlineData("""{"keys": "x", "concurrency_and_buffer_size": {"concurrency": 10, "buffer_size": 100}}""")]
    public async Task Undecodable_bodies_are_Invalid_request_payload(string body)
        => await AssertRejected("openai", body, "Invalid request payload");

    [Fact]
    public async Task The_bad_json_body_is_the_fixture()
    {
        var answer = await _http.PutAsync("openai", "{");

        Json.AssertSameTree(Fixtures.ReadObject("errors/error-400-bad-json.json"), answer.Json);
    }

    [Fact]
    public async Task Non_empty_keys_are_the_exact_400_and_empty_keys_are_fine()
    {
        var withKeys = StubPayloads.Minimal().With("keys", new JsonArray(new JsonObject { ["value"] = "sk-1" }));
        var answer = await _http.PutAsync("openai", withKeys);
        Json.AssertSameTree(Fixtures.ReadObject("errors/error-400-keys-in-put.json"), answer.Json);

        Assert.Equal(HttpStatusCode.OK, (await _http.PutAsync("openai", StubPayloads.Minimal().With("keys", new JsonArray()))).Status);
    }

    [Theory]
    [InlineData(0, 100, "Concurrency must be greater than 0")]
    [InlineData(10, 0, "Buffer size must be greater than 0")]
    [InlineData(101, 100, "Concurrency must be less than or equal to buffer size")]
    public async Task Concurrency_checks_have_the_exact_messages(int concurrency, int buffer, string message)
        => await AssertRejected("openai", $$$"""{"concurrency_and_buffer_size": {"concurrency": {{{concurrency}}}, "buffer_size": {{{buffer}}}}}""", message);

    [Fact]
    public async Task Omitted_concurrency_is_zero_and_rejected()
        => await AssertRejected("openai", """{"network_config": {}}""", "Concurrency must be greater than 0");

    [Fact]
    public async Task Negative_concurrency_gets_through_as_on_the_gateway()
        => Assert.Equal(HttpStatusCode.OK, (await _http.PutAsync("openai", """{"concurrency_and_buffer_size": {"concurrency": -1, "buffer_size": 5}}""")).Status);

    [Fact]
    public async Task The_validation_fixture_message_matches()
    {
        var answer = await _http.PutAsync("openai", """{"concurrency_and_buffer_size": {"concurrency": 2, "buffer_size": 1}}""");

        Json.AssertSameTree(Fixtures.ReadObject("errors/error-400-validation.json"), answer.Json);
    }

    [Theory]
    [InlineData("acme-llm-gateway", null, "custom_provider_config cannot be removed after creation for provider acme-llm-gateway")]
    [InlineData("acme-llm-gateway", "null", "custom_provider_config cannot be removed after creation for provider acme-llm-gateway")]
    [InlineData("deepseek", """{"base_provider_type": "openai"}""", "custom provider validation failed: cannot be created on standard providers: deepseek")]
    [InlineData("my-llm", """{"is_key_less": true}""", "custom provider validation failed: base_provider_type is required")]
    [InlineData("my-llm", """{"base_provider_type": "vllm"}""", "custom provider validation failed: unsupported base_provider_type: vllm")]
    [InlineData("acme-llm-gateway", """{"base_provider_type": "anthropic"}""", "provider acme-llm-gateway: base_provider_type cannot be changed from openai to anthropic after creation")]
    public async Task Custom_provider_checks_have_the_exact_messages(string provider, string? custom, string message)
    {
        var body = StubPayloads.Minimal();
        if (custom is not null)
        {
            body["custom_provider_config"] = JsonNode.Parse(custom);
        }

        await AssertRejected(provider, body.ToJsonString(), "Invalid custom provider config: " + message);
    }

    [Theory]
    [InlineData("huggingface")]
    [InlineData("replicate")]
    [InlineData("bedrock")]
    public async Task A_custom_provider_on_a_supported_base_is_created(string baseType)
    {
        var body = StubPayloads.Minimal().With("custom_provider_config", new JsonObject { ["base_provider_type"] = baseType });

        var answer = await _http.PutAsync("my-llm", body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(baseType, answer.Json["custom_provider_config"]!["base_provider_type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("99", "0", "retry backoff initial must be at least 100ms")]
    [InlineData("\"99.9ms\"", "0", "retry backoff initial must be at least 100ms")]
    [InlineData("1000001", "0", "retry backoff initial must be at most 16m40s")]
    [InlineData("0", "\"50ms\"", "retry backoff max must be at least 100ms")]
    [InlineData("0", "\"17m\"", "retry backoff max must be at most 16m40s")]
    [InlineData("2000", "1000", "retry backoff initial must be less than or equal to retry backoff max")]
    public async Task Backoff_checks_have_the_exact_messages(string initial, string max, string message)
    {
        var body = StubPayloads.Minimal()
            .Network("retry_backoff_initial", JsonNode.Parse(initial))
            .Network("retry_backoff_max", JsonNode.Parse(max));

        await AssertRejected("openai", body.ToJsonString(), "Invalid retry backoff: " + message);
    }

    [Theory]
    [InlineData("-5", "0")]
    [InlineData("\"1.5s\"", "1500")]
    [InlineData("\"1m\"", "60000")]
    [InlineData("\"500ms\"", "500")]          // contract §1.2's own examples, with the milliseconds it gives for them
    [InlineData("\"2m30s\"", "150000")]
    [InlineData("\"250000us\"", "250")]
    [InlineData("\"100.9ms\"", "100")]        // output is duration / 1 ms, truncated
    [InlineData("100", "100")]
    [InlineData("1000000", "1000000")]
    [InlineData("null", "0")]
    public async Task Backoffs_accept_milliseconds_and_Go_durations_and_ignore_non_positive_values(string sent, string storedMilliseconds)
    {
        var answer = await _http.PutAsync("openai", StubPayloads.Minimal().Network("retry_backoff_initial", JsonNode.Parse(sent)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(long.Parse(storedMilliseconds, System.Globalization.CultureInfo.InvariantCulture), answer.Json["network_config"]!["retry_backoff_initial"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("ftp://models.example.com", false)]
    [InlineData("/relative/path", false)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", true)]
    [InlineData("http://[fe80::1]:8000", true)]
    [InlineData("http://10.1.2.3:8000", false)]
    [InlineData("http://172.16.0.9", false)]
    [InlineData("https://192.168.1.20", false)]
    public async Task Unsafe_base_urls_are_rejected(string baseUrl, bool allowPrivateNetwork)
    {
        var body = StubPayloads.Minimal().Network("base_url", baseUrl).Network("allow_private_network", allowPrivateNetwork);

        var answer = await _http.PutAsync("openai", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("Invalid base URL: ", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.openai.com/v1", false)]
    [InlineData("http://127.0.0.1:11434", false)]
    [InlineData("http://[::1]:11434", false)]
    [InlineData("http://10.1.2.3:8000", true)]
    [InlineData("http://172.31.255.1", true)]
    [InlineData("http://172.32.0.1", false)]
    [InlineData("http://llm.internal.example:8000", false)]
    public async Task Safe_base_urls_are_stored(string baseUrl, bool allowPrivateNetwork)
    {
        var body = StubPayloads.Minimal().Network("base_url", baseUrl).Network("allow_private_network", allowPrivateNetwork);

        var answer = await _http.PutAsync("openai", body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(baseUrl, answer.Json["network_config"]!["base_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_prompt_cache_ttl_outside_the_enum_is_rejected()
    {
        var body = StubPayloads.Minimal().With("prompt_cache", new JsonObject { ["auto_inject"] = true, ["ttl"] = "42m" });

        var answer = await _http.PutAsync("openai", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("Invalid prompt cache config: ", answer.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_runs_in_the_gateways_order()
    {
        // Concurrency (step 5) is checked before backoff (step 8) and base_url (step 9).
        var body = """{"concurrency_and_buffer_size": {"concurrency": 0, "buffer_size": 1}, "network_config": {"retry_backoff_initial": 1, "base_url": "ftp://x"}}""";

        await AssertRejected("openai", body, "Concurrency must be greater than 0");
    }
}
