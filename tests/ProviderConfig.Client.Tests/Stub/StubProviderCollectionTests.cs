using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>
/// <c>GET</c>/<c>POST /api/providers</c> and <c>DELETE /api/providers/{provider}</c> (management contract 2.1-2.3),
/// tested as a server with raw HTTP.
/// </summary>
public sealed class StubProviderCollectionTests : IDisposable
{
    private const string Providers = "/api/providers";
    private readonly BifrostStubServer _stub = BifrostStubServer.Start();
    private readonly StubHttp _http;

    public StubProviderCollectionTests() => _http = new StubHttp(_stub);

    public void Dispose()
    {
        _http.Dispose();
        _stub.Dispose();
    }

    [Fact]
    public async Task The_list_holds_every_providers_GET_view_sorted_by_name()
    {
        var answer = await _http.GetPathAsync(Providers);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var items = answer.Json["providers"]!.AsArray();
        Assert.Equal(["acme-llm-gateway", "azure", "bedrock", "gemini", "openai"], items.Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(5, answer.Json["total"]!.GetValue<int>());
        foreach (var item in items)
        {
            var one = await _http.GetAsync(item!["name"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, one.Status);
            Json.AssertSameTree(one.Json, item);
        }

        // Each item keeps its stored provider_status (gemini is seeded as "error"), and keys are not included.
        Assert.Equal("error", items.Single(p => p!["name"]!.GetValue<string>() == "gemini")!["provider_status"]!.GetValue<string>());
        Assert.All(items, p => Assert.Null(p!["keys"]));
    }

    [Fact]
    public async Task The_list_is_in_byte_order_so_upper_case_sorts_first()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SeedDefaultProviders = false });
        using var http = new StubHttp(stub);
        foreach (var name in new[] { "alpha", "beta", "Zeta", "_under", "Alpha" })
        {
            stub.SetProvider(name, "{}");
        }

        var answer = await http.GetPathAsync(Providers);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(["Alpha", "Zeta", "_under", "alpha", "beta"], answer.Json["providers"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_empty_list_is_an_empty_array_not_null()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SeedDefaultProviders = false });
        using var http = new StubHttp(stub);

        var answer = await http.GetPathAsync(Providers);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("{\"providers\":[],\"total\":0}\n", answer.Text);
    }

    [Fact]
    public async Task Create_stores_only_the_blocks_sent_and_answers_the_redacted_view()
    {
        var created = await _http.PostAsync(Providers, """
            {
              "provider": "acme-openai",
              "custom_provider_config": { "base_provider_type": "openai" },
              "proxy_config": { "type": "http", "url": "http://proxy.acme.example:3128", "password": "hunter2-proxy" },
              "keys": [ { "name": "ignored", "value": "sk-ignored-0000000000" } ],
              "not_a_field": true
            }
            """);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("acme-openai", created.Json["name"]!.GetValue<string>());
        Assert.Equal("active", created.Json["provider_status"]!.GetValue<string>());
        Assert.Equal("<REDACTED>", created.Json["proxy_config"]!["password"]!["value"]!.GetValue<string>());
        Assert.Null(created.Json["keys"]);

        // Absent blocks are not stored: GET shows the defaults, as for any block never stored.
        var stored = _stub.GetStoredProvider("acme-openai")!;
        Assert.Null(stored["network_config"]);
        Assert.Null(stored["concurrency_and_buffer_size"]);
        Assert.Equal("hunter2-proxy", stored["proxy_config"]!["password"]!["value"]!.GetValue<string>());
        var get = await _http.GetAsync("acme-openai");
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(300, get.Json["network_config"]!["default_request_timeout_in_seconds"]!.GetValue<int>());
        Assert.Equal(1000, get.Json["concurrency_and_buffer_size"]!["concurrency"]!.GetValue<int>());
        Json.AssertSameTree(created.Json, get.Json);
        Assert.Empty(_stub.GetStoredKeys("acme-openai"));
    }

    [Fact]
    public async Task Creating_an_existing_provider_is_409()
    {
        var first = await _http.PostAsync(Providers, """{"provider": "fresh"}""");
        var second = await _http.PostAsync(Providers, """{"provider": "fresh", "concurrency_and_buffer_size": {"concurrency": 1, "buffer_size": 1}}""");
        var seeded = await _http.PostAsync(Providers, """{"provider": "openai"}""");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("Provider fresh already exists", second.ErrorMessage);
        Assert.Equal(409, second.Json["status_code"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Conflict, seeded.Status);
        Assert.Equal("Provider openai already exists", seeded.ErrorMessage);
        Assert.Null(_stub.GetStoredProvider("fresh")!["concurrency_and_buffer_size"]);
    }

    [Theory]
    [InlineData("[]", "Invalid request payload")]
    [InlineData("""{"provider": 7}""", "Invalid request payload")]
    [InlineData("""{"provider": "x", "network_config": {"retry_backoff_initial": "500"}}""", "Invalid request payload")]
    [InlineData("{}", "Missing provider")]
    [InlineData("""{"provider": ""}""", "Missing provider")]
    [InlineData("""{"provider": "openai", "custom_provider_config": {"base_provider_type": "openai"}}""", "Custom provider cannot be same as a standard provider")]
    [InlineData("""{"provider": "x", "custom_provider_config": {"is_key_less": true}}""", "BaseProviderType is required when CustomProviderConfig is provided")]
    [InlineData("""{"provider": "x", "custom_provider_config": {"base_provider_type": "vllm"}}""", "BaseProviderType must be a standard provider")]
    [InlineData("""{"provider": "x", "concurrency_and_buffer_size": {"concurrency": 0, "buffer_size": 10}}""", "Concurrency must be greater than 0")]
    [InlineData("""{"provider": "x", "concurrency_and_buffer_size": {"concurrency": 5, "buffer_size": 0}}""", "Buffer size must be greater than 0")]
    [InlineData("""{"provider": "x", "concurrency_and_buffer_size": {"concurrency": 5, "buffer_size": 1}}""", "Concurrency must be less than or equal to buffer size")]
    [InlineData("""{"provider": "x", "network_config": {"retry_backoff_initial": 50}}""", "Invalid retry backoff: retry backoff initial must be at least 100ms")]
    [InlineData("""{"provider": "x", "network_config": {"retry_backoff_initial": 2000, "retry_backoff_max": 1000}}""", "Invalid retry backoff: retry backoff initial must be less than or equal to retry backoff max")]
    [InlineData("""{"provider": "x", "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": true}}""", "Invalid custom provider config: custom provider validation failed: Bedrock providers cannot be keyless (is_key_less=true)")]
    [InlineData("""{"provider": "x", "prompt_cache": {"ttl": "42m"}}""", "Invalid prompt cache config: ", true)]
    [InlineData("""{"provider": "x", "network_config": {"base_url": "ftp://files.example"}}""", "Invalid base URL: ", true)]
    public async Task Create_is_validated_with_the_gateways_messages(string body, string message, bool prefixOnly = false)
    {
        var answer = await _http.PostAsync(Providers, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        if (prefixOnly)
        {
            Assert.StartsWith(message, answer.ErrorMessage, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(message, answer.ErrorMessage);
        }

        Assert.Null(_stub.GetStoredProvider("x"));
    }

    [Fact]
    public async Task Create_validates_before_the_duplicate_check_and_the_bedrock_keyless_rule_after_it()
    {
        var badConcurrency = await _http.PostAsync(Providers, """{"provider": "openai", "concurrency_and_buffer_size": {"concurrency": 0, "buffer_size": 1}}""");
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(Providers, """{"provider": "acme-bedrock", "custom_provider_config": {"base_provider_type": "bedrock"}}""")).Status);
        var keylessDuplicate = await _http.PostAsync(Providers, """{"provider": "acme-bedrock", "custom_provider_config": {"base_provider_type": "bedrock", "is_key_less": true}}""");

        Assert.Equal(HttpStatusCode.BadRequest, badConcurrency.Status);
        Assert.Equal("Concurrency must be greater than 0", badConcurrency.ErrorMessage);
        Assert.Equal(HttpStatusCode.Conflict, keylessDuplicate.Status);
        Assert.Equal("Provider acme-bedrock already exists", keylessDuplicate.ErrorMessage);
    }

    [Fact]
    public async Task A_created_provider_is_listed_as_active()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync(Providers, """{"provider": "Zeta-custom", "custom_provider_config": {"base_provider_type": "anthropic"}}""")).Status);

        var list = await _http.GetPathAsync(Providers);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var first = list.Json["providers"]![0]!;
        Assert.Equal("Zeta-custom", first["name"]!.GetValue<string>());
        Assert.Equal("active", first["provider_status"]!.GetValue<string>());
        Assert.Equal(6, list.Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_answers_the_zero_ProviderResponse_and_the_provider_is_gone()
    {
        var deleted = await _http.DeleteAsync(Providers + "/openai");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(
            "{\"name\":\"openai\",\"network_config\":{\"default_request_timeout_in_seconds\":0,\"max_retries\":0,\"retry_backoff_initial\":0,\"retry_backoff_max\":0},"
            + "\"concurrency_and_buffer_size\":{\"concurrency\":0,\"buffer_size\":0},\"proxy_config\":null,\"send_back_raw_request\":false,"
            + "\"send_back_raw_response\":false,\"store_raw_request_response\":false,\"provider_status\":\"\"}\n",
            deleted.Text);
        var get = await _http.GetAsync("openai");
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("Provider not found: not found", get.ErrorMessage);
        Assert.DoesNotContain("openai", _stub.ProviderNames);
    }

    [Fact]
    public async Task The_newest_gateway_answers_200_when_deleting_an_unknown_provider()
    {
        var deleted = await _http.DeleteAsync(Providers + "/never-there");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("never-there", deleted.Json["name"]!.GetValue<string>());
        Assert.Equal(string.Empty, deleted.Json["provider_status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(SecretValueShape.PlainString)]
    [InlineData(SecretValueShape.EnvVarObject)]
    public async Task Older_gateways_answer_404_when_deleting_an_unknown_provider(SecretValueShape era)
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = era });
        using var http = new StubHttp(stub);

        var unknown = await http.DeleteAsync(Providers + "/never-there");
        var known = await http.DeleteAsync(Providers + "/openai");
        var again = await http.DeleteAsync(Providers + "/openai");

        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Provider not found: not found", unknown.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal("openai", known.Json["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    [Theory]
    [InlineData("PUT", Providers)]
    [InlineData("DELETE", Providers)]
    [InlineData("POST", Providers + "/openai")]
    public async Task Other_methods_are_405(string method, string path)
    {
        var answer = await _http.SendAsync(new HttpMethod(method), path, method == "DELETE" ? null : "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
    }

    [Fact]
    public async Task The_collection_routes_are_logged_and_take_injected_faults()
    {
        _stub.FailNext(1, HttpStatusCode.ServiceUnavailable);

        var failed = await _http.PostAsync(Providers, """{"provider": "fresh"}""");
        var created = await _http.PostAsync(Providers, """{"provider": "fresh"}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.Status);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal([("POST", Providers), ("POST", Providers)], _stub.Requests.Select(r => (r.Method, r.Path)));
    }
}
