using System.Net;

namespace ProviderConfig.Client;

/// <summary>
/// <see cref="IProviderConfigClient.CreateProviderAsync"/> found a provider of that name already on the gateway (HTTP 409).
/// To change an existing provider, use <see cref="IProviderConfigClient.UpdateProviderAsync(ProviderName, Func{ProviderUpdate, ProviderUpdate}, CancellationToken)"/>.
/// </summary>
public class ProviderAlreadyExistsException : ProviderConfigApiException
{
    /// <summary>Creates the exception for a 409 response.</summary>
    /// <param name="provider">The provider that was to be created.</param>
    /// <param name="serverMessage">The gateway's error message.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    public ProviderAlreadyExistsException(ProviderName provider, string? serverMessage, string method, string path, string? requestId, int attempts)
        : base(HttpStatusCode.Conflict, serverMessage, method, path, requestId, attempts, "To change an existing provider, update it instead")
    {
        Provider = provider;
    }

    /// <summary>The provider that was to be created.</summary>
    public ProviderName Provider { get; }
}
