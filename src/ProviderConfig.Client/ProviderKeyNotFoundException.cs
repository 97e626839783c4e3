using System.Net;

namespace ProviderConfig.Client;

/// <summary>
/// The gateway has no key of that id for that provider (HTTP 404). The gateway gives the same answer when the provider
/// itself does not exist.
/// </summary>
public class ProviderKeyNotFoundException : ProviderConfigApiException
{
    /// <summary>Creates the exception for a 404 response.</summary>
    /// <param name="provider">The provider asked for.</param>
    /// <param name="keyId">The key id asked for.</param>
    /// <param name="serverMessage">The gateway's error message.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    public ProviderKeyNotFoundException(ProviderName provider, string keyId, string? serverMessage, string method, string path, string? requestId, int attempts)
        : base(HttpStatusCode.NotFound, serverMessage, method, path, requestId, attempts)
    {
        Provider = provider;
        KeyId = keyId;
    }

    /// <summary>The provider asked for.</summary>
    public ProviderName Provider { get; }

    /// <summary>The key id asked for.</summary>
    public string KeyId { get; }
}
