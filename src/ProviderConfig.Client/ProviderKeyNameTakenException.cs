using System.Net;

namespace ProviderConfig.Client;

/// <summary>
/// A key could not be created or renamed because another key already has that name (HTTP 409). Key names are unique
/// across <em>all</em> providers of a gateway, not per provider, so the other key may belong to another provider.
/// </summary>
public class ProviderKeyNameTakenException : ProviderConfigApiException
{
    /// <summary>Creates the exception for a 409 response.</summary>
    /// <param name="provider">The provider the key was for.</param>
    /// <param name="keyName">The name that is taken, when known.</param>
    /// <param name="serverMessage">The gateway's error message.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    public ProviderKeyNameTakenException(ProviderName provider, string? keyName, string? serverMessage, string method, string path, string? requestId, int attempts)
        : base(HttpStatusCode.Conflict, serverMessage, method, path, requestId, attempts,
            $"The key name{(keyName is null ? string.Empty : $" '{keyName}'")} is taken: key names are unique across all providers of the gateway, not per provider; choose another name")
    {
        Provider = provider;
        KeyName = keyName;
    }

    /// <summary>The provider the key was for.</summary>
    public ProviderName Provider { get; }

    /// <summary>The name that is taken, when known.</summary>
    public string? KeyName { get; }
}
