using System.Net.Http.Headers;
using System.Text;

namespace ProviderConfig.Client.Http;

/// <summary>
/// Adds the <c>Authorization</c> header to every attempt (so a rotated key is picked up by the next retry), counts
/// attempts, and refuses to send credentials over plain http to a host that is not loopback.
/// </summary>
internal sealed class ProviderAuthenticationHandler : DelegatingHandler
{
    private readonly Func<ProviderConfigClientOptions> _options;

    public ProviderAuthenticationHandler(Func<ProviderConfigClientOptions> options) => _options = options;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        CallState.From(request)?.BeginAttempt();
        var options = _options();
        request.Headers.Authorization = CreateHeader(options);

        if (request.Headers.Authorization is not null
            && request.RequestUri is { Scheme: "http" } uri
            && !options.AllowInsecureTransport
            && !ProviderConfigClientOptionsValidator.IsLoopback(uri))
        {
            request.Headers.Authorization = null;
            throw new ProviderConfigException(
                $"Refusing to send credentials over plain http to '{uri.Host}', which is not loopback. Use https, or set {nameof(ProviderConfigClientOptions)}.{nameof(ProviderConfigClientOptions.AllowInsecureTransport)} to true.");
        }

        return base.SendAsync(request, cancellationToken);
    }

    internal static AuthenticationHeaderValue? CreateHeader(ProviderConfigClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return new AuthenticationHeaderValue("Bearer", options.ApiKey);
        }

        if (!string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password));
            return new AuthenticationHeaderValue("Basic", token);
        }

        return null;
    }
}
