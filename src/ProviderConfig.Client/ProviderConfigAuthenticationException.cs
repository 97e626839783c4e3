using System.Net;

namespace ProviderConfig.Client;

/// <summary>
/// The gateway refused the credentials (HTTP 401) or their scope (HTTP 403). Check
/// <see cref="ProviderConfigClientOptions.ApiKey"/> (or the basic credentials) and, on Bifrost Enterprise, the key's
/// <c>ModelProvider</c> scopes.
/// </summary>
public class ProviderConfigAuthenticationException : ProviderConfigApiException
{
    /// <summary>Creates the exception for a 401 or 403 response.</summary>
    /// <param name="statusCode">401 or 403.</param>
    /// <param name="serverMessage">The gateway's error message.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    public ProviderConfigAuthenticationException(HttpStatusCode statusCode, string? serverMessage, string method, string path, string? requestId, int attempts)
        : base(statusCode, serverMessage, method, path, requestId, attempts)
    {
    }
}
