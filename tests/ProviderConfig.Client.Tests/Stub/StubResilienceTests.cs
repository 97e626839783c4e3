using System.Net;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>The retry pipeline over real sockets against the stub gateway on loopback (tiny real backoffs keep it fast).</summary>
public sealed class StubResilienceTests : IAsyncDisposable
{
    private const string Key = "stub-resilience-key-77";
    private readonly BifrostStubServer _stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Key });
    private readonly ProviderConfigClient _client;

    public StubResilienceTests()
    {
        _client = ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = _stub.BaseAddress,
            ApiKey = Key,
            Retry = new RetryOptions { MaxRetries = 3, RetryBackoffInitial = TimeSpan.FromMilliseconds(1), RetryBackoffMax = TimeSpan.FromMilliseconds(5) },
        });
        _stub.ClearRequests();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    [Fact]
    public async Task Two_503s_then_success_takes_three_requests()
    {
        _stub.FailNext(2, HttpStatusCode.ServiceUnavailable);

        var configuration = await _client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(ProviderName.OpenAI, configuration.Name);
        Assert.Equal(3, _stub.Requests.Count);
    }

    [Fact]
    public async Task Five_hundred_forever_fails_after_one_plus_MaxRetries_requests()
    {
        _stub.FailNext(100, HttpStatusCode.InternalServerError);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => _client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal(4, _stub.Requests.Count);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
    }

    [Fact]
    public async Task A_reset_connection_is_retried()
    {
        _stub.ResetConnectionNext(2);

        await _client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(3, _stub.Requests.Count);
    }

    [Theory]
    [InlineData("GET", "nope", typeof(ProviderNotFoundException))]
    [InlineData("PUT", "openai", typeof(ProviderConfigApiException))]
    public async Task Client_errors_are_sent_exactly_once(string method, string provider, Type expected)
    {
        var update = Fixtures.ValidUpdate() with { PromptCache = new PromptCacheConfig { Ttl = "42m" } }; // 400 from the gateway
        Task call = method == "GET" ? _client.GetProviderAsync(provider, Ct) : _client.UpdateProviderAsync(provider, update, Ct);

        var error = await Assert.ThrowsAnyAsync<ProviderConfigApiException>(() => call);

        Assert.IsType(expected, error);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task A_401_is_sent_exactly_once()
    {
        var wrongKey = ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = _stub.BaseAddress, ApiKey = "wrong" });

        await Assert.ThrowsAsync<ProviderConfigAuthenticationException>(() => wrongKey.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task A_retried_put_sends_the_identical_body_each_time()
    {
        _stub.FailNext(1, HttpStatusCode.BadGateway);
        _stub.ResetConnectionNext(1);
        var update = Json.ReadConfiguration(Fixtures.Read("get-custom-provider-keyless.json")).ToUpdate();

        await _client.UpdateProviderAsync("acme-llm-gateway", update, Ct);

        var puts = _stub.Requests.Where(r => r.Method == "PUT").ToList();
        Assert.Equal(3, puts.Count);
        Assert.All(puts, p => Assert.Equal(puts[0].Body, p.Body));
    }
}
