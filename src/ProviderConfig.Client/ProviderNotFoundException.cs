using System.Net;

namespace ProviderConfig.Client;

/// <summary>
/// The gateway has no provider of that name (HTTP 404). Names are case-sensitive, so a wrong case is also a 404.
/// </summary>
public class ProviderNotFoundException : ProviderConfigApiException
{
    /// <summary>Creates the exception for a 404 response.</summary>
    /// <param name="provider">The provider that was asked for.</param>
    /// <param name="serverMessage">The gateway's error message.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    public ProviderNotFoundException(ProviderName provider, string? serverMessage, string method, string path, string? requestId, int attempts)
        : base(HttpStatusCode.NotFound, serverMessage, method, path, requestId, attempts)
    {
        Provider = provider;
    }

    /// <summary>The provider that was asked for.</summary>
    public ProviderName Provider { get; }
}
