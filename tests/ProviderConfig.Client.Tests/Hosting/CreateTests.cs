using System.Net;
using Microsoft.Extensions.Options;

namespace ProviderConfig.Client.Tests.Hosting;

/// <summary><c>ProviderConfigClient.Create</c> over the caller's handler or HttpClient, and what disposing the client releases.</summary>
public sealed class CreateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));

    private static ProviderConfigClientOptions Options(string? apiKey = "caller-key") => new()
    {
        BaseAddress = new Uri("https://bifrost.example.com/"),
        ApiKey = apiKey,
        Retry = new RetryOptions { RetryBackoffInitial = TimeSpan.FromMilliseconds(1), RetryBackoffMax = TimeSpan.FromMilliseconds(1) },
    };

    [Fact]
    public async Task Over_the_callers_handler_the_sdks_authentication_and_retries_apply()
    {
        var inner = new RecordingHandler()
            .Enqueue(_ => RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}"))
            .Enqueue(_ => Ok());
        using var handler = new DisposeTrackingHandler(inner);
        using var client = ProviderConfigClient.Create(Options(), handler);

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(["Bearer caller-key", "Bearer caller-key"], inner.Requests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Disposing_a_client_made_from_the_callers_handler_leaves_the_handler_usable()
    {
        var inner = new RecordingHandler { Default = _ => Ok() };
        using var handler = new DisposeTrackingHandler(inner);
        var first = ProviderConfigClient.Create(Options(), handler);
        using var second = ProviderConfigClient.Create(Options(), handler); // one pool, two clients

        await first.GetProviderAsync(ProviderName.OpenAI, Ct);
        first.Dispose();
        first.Dispose(); // idempotent
        await second.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.False(handler.Disposed);
        Assert.Equal(2, inner.Requests.Count);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => first.GetProviderAsync(ProviderName.OpenAI, Ct));
        Assert.Equal(2, inner.Requests.Count);
    }

    [Fact]
    public void Disposing_a_client_that_owns_its_handler_disposes_the_handler()
    {
        var owned = new DisposeTrackingHandler(new RecordingHandler());
        var client = ProviderConfigClient.Create(Options(), loggerFactory: null, owned, ownsPrimaryHandler: true, timeProvider: null);

        client.Dispose();

        Assert.True(owned.Disposed);
    }

    [Fact]
    public async Task A_client_created_from_options_alone_is_disposable_and_refuses_calls_afterwards()
    {
        var client = ProviderConfigClient.Create(Options());

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetProviderAsync(ProviderName.OpenAI, Ct));
    }

    [Fact]
    public async Task Over_the_callers_HttpClient_requests_go_through_it_as_it_is_and_it_survives_the_client()
    {
        var inner = new RecordingHandler
        {
            Default = _ => RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, """{"is_bifrost_error":false,"status_code":503,"error":{"message":"busy"}}"""),
        };
        using var httpClient = new HttpClient(inner) { BaseAddress = new Uri("https://bifrost.example.com/") };
        httpClient.DefaultRequestHeaders.Add("Authorization", "Bearer set-by-the-caller");
        var client = ProviderConfigClient.Create(Options(apiKey: null), httpClient);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => client.GetProviderAsync(ProviderName.OpenAI, Ct));
        client.Dispose();
        inner.Default = _ => Ok();
        using var stillUsable = await httpClient.GetAsync(new Uri("api/providers/openai", UriKind.Relative), Ct);

        // The SDK's error mapping applies; its retry handler does not (one attempt), and the caller's header is sent.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal("busy", error.ServerMessage);
        Assert.Equal(["Bearer set-by-the-caller", "Bearer set-by-the-caller"], inner.Requests.Select(r => r.Authorization));
        Assert.Equal(HttpStatusCode.OK, stillUsable.StatusCode);
    }

    [Fact]
    public void Over_the_callers_HttpClient_credentials_in_the_options_are_refused_not_ignored()
    {
        using var httpClient = new HttpClient(new RecordingHandler()) { BaseAddress = new Uri("https://bifrost.example.com/") };

        var error = Assert.Throws<ArgumentException>(() => ProviderConfigClient.Create(Options(), httpClient));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Pass an HttpMessageHandler instead", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("caller-key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://elsewhere.example.com/")]
    public void Over_the_callers_HttpClient_the_base_addresses_must_agree(string? httpClientAddress)
    {
        using var httpClient = new HttpClient(new RecordingHandler()) { BaseAddress = httpClientAddress is null ? null : new Uri(httpClientAddress) };

        var error = Assert.Throws<ArgumentException>(() => ProviderConfigClient.Create(Options(apiKey: null), httpClient));

        Assert.Equal("httpClient", error.ParamName);
    }

    [Fact]
    public void Every_Create_overload_validates_the_options()
    {
        var invalid = new ProviderConfigClientOptions { BaseAddress = new Uri("http://bifrost.example.com/"), ApiKey = "k" };
        using var handler = new DisposeTrackingHandler(new RecordingHandler());
        using var httpClient = new HttpClient(handler, disposeHandler: false) { BaseAddress = invalid.BaseAddress };

        Assert.Throws<OptionsValidationException>(() => ProviderConfigClient.Create(invalid, handler));
        Assert.Throws<OptionsValidationException>(() => ProviderConfigClient.Create(invalid, httpClient));
    }

    /// <summary>A caller's handler that records whether it was disposed.</summary>
    private sealed class DisposeTrackingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
