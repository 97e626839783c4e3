using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>The real SDK client (sockets, Refit, the handler chain) against the stateful <see cref="BifrostStubServer"/>.</summary>
public sealed class StubGatewayTests : IDisposable
{
    private const string Key = "wm-key-0b8e61d2";
    private readonly BifrostStubServer _stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Key });
    private readonly ProviderConfigClient _client;

    public StubGatewayTests()
    {
        _client = ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = _stub.BaseAddress,
            ApiKey = Key,
            Retry = new RetryOptions { MaxRetries = 0 },
        });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _stub.Dispose();

    [Fact]
    public async Task Get_reads_the_provider()
    {
        var configuration = await _client.GetProviderAsync(ProviderName.Bedrock, Ct);

        Assert.Equal(ProviderName.Bedrock, configuration.Name);
        Assert.Equal("env.BEDROCK_PROXY_PASSWORD", configuration.ProxyConfig!.Password!.Reference);
    }

    [Fact]
    public async Task Put_sends_the_full_body_and_reads_the_answer()
    {
        var update = (await _client.GetProviderAsync("acme-llm-gateway", Ct)).ToUpdate();
        _stub.ClearRequests();

        var stored = await _client.UpdateProviderAsync("acme-llm-gateway", update, Ct);

        Assert.Equal("openai", stored.CustomProviderConfig!.BaseProviderType.Value);
        var sent = JsonNode.Parse(Assert.Single(_stub.Requests).Body!)!;
        Json.AssertSameTree(Fixtures.WithoutReadOnly(Fixtures.ReadObject("get-custom-provider-keyless.json")), sent);
    }

    [Fact]
    public async Task A_GET_then_PUT_round_trip_keeps_the_stored_secrets()
    {
        var before = _stub.GetStoredProvider("bedrock");
        var configuration = await _client.GetProviderAsync(ProviderName.Bedrock, Ct);

        var stored = await _client.UpdateProviderAsync(ProviderName.Bedrock, configuration.ToUpdate(), Ct);

        Assert.Equal("env.BEDROCK_PROXY_PASSWORD", stored.ProxyConfig!.Password!.Reference);
        Assert.True(JsonNode.DeepEquals(before!["proxy_config"], _stub.GetStoredProvider("bedrock")!["proxy_config"]));
    }

    [Fact]
    public async Task Not_found_is_a_ProviderNotFoundException()
    {
        var error = await Assert.ThrowsAsync<ProviderNotFoundException>(() => _client.GetProviderAsync("nope", Ct));

        Assert.Equal("Provider not found: not found", error.ServerMessage);
    }

    [Fact]
    public async Task A_validation_400_carries_the_gateways_message()
    {
        // A rule the SDK does not check itself (the prompt-cache TTL enum), so the request reaches the gateway.
        var update = Fixtures.ValidUpdate() with { PromptCache = new PromptCacheConfig { Ttl = "42m" } };

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => _client.UpdateProviderAsync(ProviderName.OpenAI, update, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.StartsWith("Invalid prompt cache config: ", error.ServerMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_the_SDK_knows_is_refused_before_the_request()
    {
        var update = Fixtures.ValidUpdate() with { ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 2, BufferSize = 1 } };
        _stub.ClearRequests();

        var error = await Assert.ThrowsAsync<ProviderConfigValidationException>(() => _client.UpdateProviderAsync(ProviderName.OpenAI, update, Ct));

        Assert.Equal("concurrency_and_buffer_size.concurrency", Assert.Single(error.Errors).Path);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_wrong_key_is_a_ProviderConfigAuthenticationException()
    {
        var wrongKey = ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = _stub.BaseAddress,
            ApiKey = "not-the-key",
            Retry = new RetryOptions { MaxRetries = 0 },
        });

        var error = await Assert.ThrowsAsync<ProviderConfigAuthenticationException>(() => wrongKey.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal("Unauthorized", error.ServerMessage);
        Assert.DoesNotContain("not-the-key", error.ToString(), StringComparison.Ordinal);
    }

    // Found with the stub: Refit 16 wraps the HttpRequestException in Refit.ApiRequestException (which holds the
    // request, Authorization header included); the client now unwraps it.
    [Fact]
    public async Task A_dropped_connection_is_a_ProviderConfigTransportException()
    {
        _stub.ResetConnectionNext(1);

        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => _client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal(1, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_SDK_retries_through_injected_429_and_dropped_connections()
    {
        var retrying = ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = _stub.BaseAddress,
            ApiKey = Key,
            Retry = new RetryOptions { MaxRetries = 2, RetryBackoffInitial = TimeSpan.FromMilliseconds(100), RetryBackoffMax = TimeSpan.FromMilliseconds(100) },
        });
        _stub.FailNext(1, HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero);
        _stub.ResetConnectionNext(1);

        var configuration = await retrying.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(ProviderName.OpenAI, configuration.Name);
        Assert.Equal(3, _stub.Requests.Count);
    }
}
