using System.Net;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>GET of the stub against the contract's fixtures (2.1, 1.1, 1.8, 3.1).</summary>
public sealed class StubGetTests : IDisposable
{
    private readonly BifrostStubServer _stub = BifrostStubServer.Start();
    private readonly StubHttp _http;

    public StubGetTests() => _http = new StubHttp(_stub);

    public void Dispose()
    {
        _http.Dispose();
        _stub.Dispose();
    }

    [Fact]
    public void Binds_to_127_0_0_1_on_a_real_port()
    {
        Assert.Equal("127.0.0.1", _stub.BaseAddress.Host);
        Assert.NotEqual(0, _stub.BaseAddress.Port);
    }

    [Theory]
    [MemberData(nameof(Fixtures.ProviderNames), MemberType = typeof(Fixtures))]
    public async Task A_seeded_provider_reads_exactly_as_its_fixture(string fixture)
    {
        var expected = Fixtures.ReadObject(fixture);

        var answer = await _http.GetAsync(expected["name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("application/json", answer.ContentType?.MediaType);
        Json.AssertSameTree(expected, answer.Json);
    }

    [Fact]
    public async Task Fields_come_in_struct_order_with_Go_escaping_and_a_trailing_newline()
    {
        var answer = await _http.GetAsync("bedrock");

        Assert.Equal(
            ["name", "network_config", "concurrency_and_buffer_size", "proxy_config", "send_back_raw_request", "send_back_raw_response", "store_raw_request_response", "provider_status", "config_hash"],
            answer.Json.Select(p => p.Key));
        Assert.Contains("\"\\u003cREDACTED\\u003e\"", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("OpenAI")]
    public async Task An_unknown_or_wrong_case_name_is_the_exact_404(string name)
    {
        var answer = await _http.GetAsync(name);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Json.AssertSameTree(Fixtures.ReadObject("errors/error-404-provider-not-found.json"), answer.Json);
    }

    [Fact]
    public async Task The_name_is_the_unescaped_path_segment()
    {
        _stub.SetProvider("my provider", "{}");

        var answer = await _http.GetAsync("my%20provider");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("my provider", answer.Json["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("caf%C3%A9-llm", "café-llm")]
    [InlineData("a+b", "a+b")]
    [InlineData("team%2Fllm", "team/llm")]
    public async Task Escapes_are_decoded_like_Go_PathUnescape(string segment, string name)
    {
        _stub.SetProvider(name, "{}");

        var answer = await _http.GetAsync(segment);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(name, answer.Json["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public void A_bad_escape_is_the_gateways_400(string method)
    {
        // HttpClient re-escapes a stray "%" as "%25", so the raw target is handed to the emulated gateway directly.
        var gateway = new EmulatedGateway(new ProviderStore(), new StubAuthentication(null, null, null), SecretValueShape.SecretVarObject);

        var response = gateway.Handle(method, "/api/providers/bad%zzname", null, "{}");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal(
            "Invalid provider: invalid provider parameter encoding: invalid URL escape \"%zz\"",
            System.Text.Json.Nodes.JsonNode.Parse(response.Body)!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_removed_provider_is_404_and_Reset_brings_the_seed_back()
    {
        Assert.True(_stub.RemoveProvider("openai"));
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("openai")).Status);

        _stub.Reset();

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
        Assert.Equal(["acme-llm-gateway", "azure", "bedrock", "gemini", "openai"], _stub.ProviderNames);
    }

    [Fact]
    public async Task Without_seeding_there_are_no_providers()
    {
        using var empty = BifrostStubServer.Start(new BifrostStubOptions { SeedDefaultProviders = false });
        using var http = new StubHttp(empty);

        Assert.Empty(empty.ProviderNames);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("openai")).Status);
    }

    [Fact]
    public async Task Stored_zeros_are_shown_as_zeros_not_defaults()
    {
        _stub.SetProvider("zeros", """{"network_config": {}, "concurrency_and_buffer_size": {"concurrency": 1, "buffer_size": 1}}""");

        var network = (await _http.GetAsync("zeros")).Json["network_config"]!;

        Json.AssertSameTree(
            System.Text.Json.Nodes.JsonNode.Parse("""{"default_request_timeout_in_seconds":0,"max_retries":0,"retry_backoff_initial":0,"retry_backoff_max":0}""")!,
            network);
    }
}
