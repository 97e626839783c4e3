using System.Net.Http.Headers;
using System.Text;

namespace ProviderConfig.Client.Http;

/// <summary>
/// Adds the <c>Authorization</c> header to every attempt (so a rotated key, reloaded or updated through a
/// <see cref="ProviderConfigCredential"/>, is picked up by the next retry), counts
/// attempts, and refuses to send credentials over plain http to a host that is not loopback. As the SDK's last handler,
/// it also hands whatever is below it a token of its own when that is not the runtime's primary handler (<see cref="HostToken"/>).
/// </summary>
internal sealed class ProviderAuthenticationHandler : DelegatingHandler
{
    private const string AuthorizationHeader = "Authorization";

    private readonly Func<ProviderConfigClientOptions> _options;

    /// <summary>The header value last built, and the credentials it was built from (rebuilt when they change).</summary>
    [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
    private CachedHeader? _cached;

    /// <summary>0 until the first request, then 1 when the inner handler is the runtime's primary handler, 2 when it is not.</summary>
    private int _inner;

    public ProviderAuthenticationHandler(Func<ProviderConfigClientOptions> options) => _options = options;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = CallState.From(request);
        state?.BeginAttempt();
        var options = _options();
        var authorization = HeaderValue(options);

        // A retry reuses the request: replace what the previous attempt carried, never add a second value.
        request.Headers.Remove(AuthorizationHeader);
        if (authorization is not null)
        {
            if (request.RequestUri is { Scheme: "http" } uri
                && !options.AllowInsecureTransport
                && !ProviderConfigClientOptionsValidator.IsLoopback(uri))
            {
                throw new ProviderConfigException(
                    $"Refusing to send credentials over plain http to '{uri.Host}', which is not loopback. Use https, or set {nameof(ProviderConfigClientOptions)}.{nameof(ProviderConfigClientOptions.AllowInsecureTransport)} to true.");
            }

            request.Headers.TryAddWithoutValidation(AuthorizationHeader, authorization);
        }

        if (HostCodeBelow())
        {
            // The attempt's deadline is pooled: code that is not the SDK's gets a token that is never reused, and so
            // does the reading of the body, which may be that code's content (ProviderConfigClient.SendAsync).
            state?.MarkHostCodeInPipeline();
            cancellationToken = HostToken.Isolate(cancellationToken);
        }

        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>Whether the handler below is not the runtime's primary handler; decided once (it cannot change after the first request).</summary>
    private bool HostCodeBelow()
    {
        var inner = _inner;
        if (inner == 0)
        {
            inner = HostToken.IsRuntimeHandler(InnerHandler) ? 1 : 2;
            _inner = inner;
        }

        return inner == 2;
    }

    /// <summary>
    /// The <c>Authorization</c> value for <paramref name="options"/>, built once per set of credentials rather than per
    /// attempt. Compared by reference: the options are read per attempt, and a reload or
    /// <see cref="ProviderConfigCredential.Update"/> gives new strings.
    /// </summary>
    private string? HeaderValue(ProviderConfigClientOptions options)
    {
        var bearerKey = options.BearerKey; // read once: a credential may be updated meanwhile
        var cached = _cached;
        if (cached is not null
            && ReferenceEquals(cached.ApiKey, bearerKey)
            && ReferenceEquals(cached.Username, options.Username)
            && ReferenceEquals(cached.Password, options.Password))
        {
            return cached.Value;
        }

        var value = CreateHeader(bearerKey, options.Username, options.Password)?.ToString();
        _cached = new CachedHeader(bearerKey, options.Username, options.Password, value);
        return value;
    }

    internal static AuthenticationHeaderValue? CreateHeader(ProviderConfigClientOptions options)
        => CreateHeader(options.BearerKey, options.Username, options.Password);

    private static AuthenticationHeaderValue? CreateHeader(string? bearerKey, string? username, string? password)
    {
        if (!string.IsNullOrEmpty(bearerKey))
        {
            return new AuthenticationHeaderValue("Bearer", bearerKey);
        }

        if (!string.IsNullOrEmpty(username) || !string.IsNullOrEmpty(password))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
            return new AuthenticationHeaderValue("Basic", token);
        }

        return null;
    }

    /// <summary>Holds no more than the options already do; never logged or shown, not even in the debugger.</summary>
    [System.Diagnostics.DebuggerDisplay("CachedHeader")]
    private sealed class CachedHeader(string? apiKey, string? username, string? password, string? value)
    {
        [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
        public string? ApiKey { get; } = apiKey;

        [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
        public string? Username { get; } = username;

        [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
        public string? Password { get; } = password;

        [System.Diagnostics.DebuggerBrowsable(System.Diagnostics.DebuggerBrowsableState.Never)]
        public string? Value { get; } = value;

        public override string ToString() => nameof(CachedHeader);
    }
}
