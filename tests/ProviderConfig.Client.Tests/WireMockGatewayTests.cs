using System.Net;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace ProviderConfig.Client.Tests;

/// <summary>The real transport (sockets, Refit, the handler chain) against a WireMock.Net server on loopback.</summary>
public sealed class WireMockGatewayTests : IDisposable
{
    private const string Key = "wm-key-0b8e61d2";
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ProviderConfigClient _client;

    public WireMockGatewayTests()
    {
        _client = ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = new Uri(_server.Url!),
            ApiKey = Key,
            Retry = new RetryOptions { MaxRetries = 0 },
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private void Given(string method, string path, int status, string body)
        => _server.Given(Request.Create().WithPath(path).UsingMethod(method).WithHeader("Authorization", "Bearer " + Key))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));

    [Fact]
    public async Task Get_reads_the_provider()
    {
        Given("GET", "/api/providers/bedrock", 200, Fixtures.Read("get-bedrock-with-proxy.json"));

        var configuration = await _client.GetProviderAsync(ProviderName.Bedrock, Ct);

        Assert.Equal(ProviderName.Bedrock, configuration.Name);
        Assert.Equal("env.BEDROCK_PROXY_PASSWORD", configuration.ProxyConfig!.Password!.Reference);
    }

    [Fact]
    public async Task Put_sends_the_full_body_and_reads_the_answer()
    {
        Given("PUT", "/api/providers/acme-llm-gateway", 200, Fixtures.Read("get-custom-provider-keyless.json"));
        var update = Json.ReadConfiguration(Fixtures.Read("get-custom-provider-keyless.json")).ToUpdate();

        var stored = await _client.UpdateProviderAsync("acme-llm-gateway", update, Ct);

        Assert.Equal("openai", stored.CustomProviderConfig!.BaseProviderType.Value);
        var sent = JsonNode.Parse(Assert.Single(_server.LogEntries).RequestMessage!.Body!)!;
        Json.AssertSameTree(Fixtures.WithoutReadOnly(Fixtures.ReadObject("get-custom-provider-keyless.json")), sent);
    }

    [Fact]
    public async Task Not_found_is_a_ProviderNotFoundException()
    {
        Given("GET", "/api/providers/nope", 404, Fixtures.Read("errors/error-404-provider-not-found.json"));

        var error = await Assert.ThrowsAsync<ProviderNotFoundException>(() => _client.GetProviderAsync("nope", Ct));

        Assert.Equal("Provider not found: not found", error.ServerMessage);
    }

    [Fact]
    public async Task A_validation_400_carries_the_gateways_message()
    {
        Given("PUT", "/api/providers/openai", 400, Fixtures.Read("errors/error-400-validation.json"));

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => _client.UpdateProviderAsync(ProviderName.OpenAI, new ProviderUpdate(), Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Concurrency must be less than or equal to buffer size", error.ServerMessage);
    }

    [Fact]
    public async Task A_wrong_key_is_a_ProviderConfigAuthenticationException()
    {
        _server.Given(Request.Create().WithPath("/api/providers/openai").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody(Fixtures.Read("errors/error-401-unauthorized.json")));

        var error = await Assert.ThrowsAsync<ProviderConfigAuthenticationException>(() => _client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal("Unauthorized", error.ServerMessage);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }
}
