namespace ProviderConfig.Client;

/// <summary>
/// Creates the clients registered by name with
/// <c>services.AddProviderConfigClient("prod", ...)</c>, for code that picks a gateway at run time (the name comes
/// from a request or a setting). Registered by every <c>AddProviderConfigClient</c> overload.
/// </summary>
/// <remarks>
/// A client is cheap to create: its connections belong to <see cref="IHttpClientFactory"/>'s pooled handlers, as for
/// the injected client. Do not keep one for the life of the application, for the same reason as a typed
/// <see cref="HttpClient"/>: it would hold one handler chain and miss DNS changes; create one per unit of work instead.
/// A named client is also a keyed service: <c>[FromKeyedServices("prod")] IProviderConfigClient</c>.
/// </remarks>
public interface IProviderConfigClientFactory
{
    /// <summary>Creates a client with the settings registered under <paramref name="name"/>.</summary>
    /// <param name="name">
    /// The name given to <c>AddProviderConfigClient</c>; <see cref="Microsoft.Extensions.Options.Options.DefaultName"/>
    /// (the empty string) for the client registered without a name.
    /// </param>
    /// <returns>A client of that name.</returns>
    /// <exception cref="InvalidOperationException">No client of that name is registered; the message lists those that are.</exception>
    IProviderConfigClient CreateClient(string name);
}
