using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProviderConfig.Client.Http;

namespace ProviderConfig.Client.Tests.Hosting;

/// <summary>
/// The SDK's deadlines are pooled and reused. A token it hands to code that is not the SDK's (a host's handler, a custom
/// primary handler) must never show the cancellation of a later, unrelated call.
/// </summary>
public sealed class HostTokenTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));

    [Fact]
    public async Task A_token_a_host_handler_keeps_after_its_call_never_sees_a_later_calls_cancellation()
    {
        var kept = new List<CancellationToken>();
        var firedDuring = false;
        var primary = new RecordingHandler { Default = _ => Ok() };
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o =>
            {
                o.BaseAddress = new Uri("https://bifrost.example.com/");
                o.ApiKey = "key";
            })
            .AddHttpMessageHandler(() => new TokenKeepingHandler(kept, token =>
            {
                // Only on the first call's token: the later calls are cancelled, and their own callbacks rightly fire.
                if (kept.Count == 1)
                {
                    token.Register(() => firedDuring = true);
                }
            }))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var token = Assert.Single(kept);
        Assert.True(token.CanBeCanceled);
        var firedAfter = false;
        using var lateRegistration = token.Register(() => firedAfter = true);

        // Later calls that are cancelled: each takes a deadline from the pool and cancels it.
        await DrainThePoolAsync(client, token);

        Assert.False(token.IsCancellationRequested, "the kept token showed a later call's cancellation");
        Assert.False(firedAfter, "a callback registered on the kept token after its call fired for a later call");
        Assert.False(firedDuring, "a callback registered on the token during its call fired for a later call");
    }

    [Fact]
    public async Task A_host_handler_still_sees_its_own_calls_cancellation()
    {
        var primary = new RecordingHandler { HangByDefault = true };
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o =>
            {
                o.BaseAddress = new Uri("https://bifrost.example.com/");
                o.ApiKey = "key";
            })
            .AddHttpMessageHandler(() => new TokenKeepingHandler([], null))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = client.GetProviderAsync(ProviderName.OpenAI, caller.Token);
        while (primary.Requests.Count == 0)
        {
            await Task.Delay(5, Ct);
        }

        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(10), Ct));
    }

    [Fact]
    public async Task Response_content_from_a_host_handler_is_read_with_a_token_that_is_never_reused()
    {
        var kept = new List<CancellationToken>();
        var primary = new RecordingHandler { Default = _ => Ok() };
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o =>
            {
                o.BaseAddress = new Uri("https://bifrost.example.com/");
                o.ApiKey = "key";
            })
            .AddHttpMessageHandler(() => new ContentWrappingHandler(kept))
            .ConfigurePrimaryHttpMessageHandler(() => primary);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var token = Assert.Single(kept);
        await DrainThePoolAsync(client, token);

        Assert.True(token.CanBeCanceled);
        Assert.False(token.IsCancellationRequested, "the token given to the host's content showed a later call's cancellation");
    }

    [Fact]
    public async Task Response_content_of_a_callers_HttpClient_is_read_with_a_token_that_is_never_reused()
    {
        var kept = new List<CancellationToken>();
        using var httpClient = new HttpClient(new ContentWrappingHandler(kept) { InnerHandler = new RecordingHandler { Default = _ => Ok() } })
        {
            BaseAddress = new Uri("https://bifrost.example.com/"),
        };
        using var client = ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = httpClient.BaseAddress }, httpClient);

        await client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var token = Assert.Single(kept);
        await DrainThePoolAsync(client, token);

        Assert.False(token.IsCancellationRequested, "the token given to the caller's content showed a later call's cancellation");
    }

    [Fact]
    public void Only_the_runtimes_own_primary_handlers_get_the_pooled_token()
    {
        using var sockets = new SocketsHttpHandler();
        using var clientHandler = new HttpClientHandler();
        using var derived = new DerivedClientHandler();
        using var recording = new RecordingHandler();

        Assert.True(HostToken.IsRuntimeHandler(sockets));
        Assert.True(HostToken.IsRuntimeHandler(clientHandler));
        Assert.False(HostToken.IsRuntimeHandler(derived));
        Assert.False(HostToken.IsRuntimeHandler(recording));
    }

    [Fact]
    public void The_default_registration_ends_in_the_runtimes_handler_so_it_pays_nothing_for_isolation()
    {
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o => o.BaseAddress = new Uri("https://bifrost.example.com/"));
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ProviderConfigServiceCollectionExtensions.HttpClientName);
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? h = handler; h is not null; h = (h as DelegatingHandler)?.InnerHandler)
        {
            chain.Add(h);
        }

        Assert.IsType<ProviderAuthenticationHandler>(chain[^2]);
        Assert.True(HostToken.IsRuntimeHandler(chain[^1]), $"the primary handler is {chain[^1].GetType()}");
    }

    /// <summary>
    /// Takes deadlines from the pool and cancels them, as cancelled calls do, far more than the pool holds (256), so a
    /// source handed out earlier and returned is met. Through the pool directly: a cancelled call through the client
    /// costs milliseconds of exception handling, and the pool is what the calls share.
    /// </summary>
    private static Task DrainThePoolAsync(IProviderConfigClient client, CancellationToken watched)
    {
        Assert.NotNull(client);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        for (var i = 0; i < 4000 && !watched.IsCancellationRequested; i++)
        {
            using var deadline = new Deadline(TimeSpan.FromMinutes(1), TimeProvider.System, cancelled.Token);
            Assert.True(deadline.Token.IsCancellationRequested);
        }

        return Task.CompletedTask;
    }

    private sealed class DerivedClientHandler : HttpClientHandler;

    /// <summary>A host's handler that wraps the response body in content that keeps the token it is read with.</summary>
    private sealed class ContentWrappingHandler(List<CancellationToken> kept) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            response.Content = new TokenKeepingContent(response.Content, kept);
            return response;
        }
    }

    private sealed class TokenKeepingContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly List<CancellationToken> _kept;

        public TokenKeepingContent(HttpContent inner, List<CancellationToken> kept)
        {
            _inner = inner;
            _kept = kept;
            foreach (var header in inner.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
        {
            lock (_kept)
            {
                _kept.Add(cancellationToken);
            }

            return _inner.ReadAsStreamAsync(cancellationToken);
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _inner.CopyToAsync(stream, context);

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>A host's handler that keeps every token it is given (as a cache or a coalescing layer might).</summary>
    private sealed class TokenKeepingHandler(List<CancellationToken> kept, Action<CancellationToken>? onSend) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (kept)
            {
                kept.Add(cancellationToken);
            }

            onSend?.Invoke(cancellationToken);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
