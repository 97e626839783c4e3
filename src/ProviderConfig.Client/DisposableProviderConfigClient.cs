namespace ProviderConfig.Client;

/// <summary>
/// A <see cref="ProviderConfigClient"/> made by <c>ProviderConfigClient.Create</c>: dispose it when you are done with it.
/// </summary>
/// <remarks>
/// <para>
/// Disposing releases only what the SDK created: made from options alone, the client owns its connection pool, and
/// disposing it closes its connections; made from your <see cref="HttpMessageHandler"/> or <see cref="HttpClient"/>,
/// it leaves them as they are (they may serve other clients). After <see cref="Dispose"/>, every call throws
/// <see cref="ObjectDisposedException"/>; a call in flight through an owned pool is cancelled.
/// </para>
/// <para>
/// A separate type rather than <see cref="IDisposable"/> on <see cref="ProviderConfigClient"/> itself: the clients
/// that dependency injection hands out are transient and own nothing, and a transient <see cref="IDisposable"/> is
/// kept by the container until it is disposed, so every client resolved from the root provider would be kept for the
/// life of the application.
/// </para>
/// </remarks>
public sealed class DisposableProviderConfigClient : ProviderConfigClient, IDisposable
{
    private readonly HttpClient? _ownedHttpClient;

    internal DisposableProviderConfigClient(HttpClient httpClient, bool ownsHttpClient, Func<ProviderConfigClientOptions> options, TimeProvider timeProvider, bool sendsThroughCallersHttpClient = false)
        : base(httpClient, options, timeProvider, sendsThroughCallersHttpClient)
    {
        _ownedHttpClient = ownsHttpClient ? httpClient : null;
    }

    /// <summary>Releases what the SDK created for this client (its connection pool, when it has its own); idempotent.</summary>
    public void Dispose()
    {
        if (MarkDisposed())
        {
            _ownedHttpClient?.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
