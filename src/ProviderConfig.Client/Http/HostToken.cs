namespace ProviderConfig.Client.Http;

/// <summary>
/// Keeps the SDK's pooled cancellation sources (<see cref="Deadline"/>) away from code that is not the SDK's: a handler
/// the host adds (<c>AddHttpMessageHandler</c> on the returned builder), a custom primary handler, a caller's handler or
/// <see cref="HttpClient"/>, and any response content they produce. A pooled source is reset and handed to a later,
/// unrelated call; a token kept from it would show that call's cancellation (polled, or through a callback registered
/// after the reset), so such code gets a token of its own instead.
/// </summary>
internal static class HostToken
{
    /// <summary>
    /// Whether <paramref name="handler"/>, the one below the SDK's last handler, is the runtime's own primary handler,
    /// which uses a token only while it sends (a <see cref="SocketsHttpHandler"/>, or exactly an
    /// <see cref="HttpClientHandler"/>, the default primary handler of <see cref="IHttpClientFactory"/>). Anything else
    /// (a derived handler, a host's delegating handler, a test double) might keep it.
    /// </summary>
    public static bool IsRuntimeHandler(HttpMessageHandler? handler)
        => handler is SocketsHttpHandler || handler?.GetType() == typeof(HttpClientHandler);

    /// <summary>
    /// A token cancelled when <paramref name="token"/> is, from a source of its own that is never reused. The link is a
    /// registration on <paramref name="token"/>'s source, which the SDK resets or disposes when the attempt or call
    /// ends (<see cref="CancellationTokenSource.TryReset"/> drops its registrations), so nothing reaches the isolated
    /// token afterwards. Costs a <see cref="CancellationTokenSource"/> and a registration (about 100 bytes); no timer.
    /// </summary>
    public static CancellationToken Isolate(CancellationToken token)
    {
        if (!token.CanBeCanceled)
        {
            return token;
        }

        if (token.IsCancellationRequested)
        {
            return new CancellationToken(canceled: true);
        }

        var isolated = new CancellationTokenSource();
        token.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), isolated);
        return isolated.Token;
    }
}
