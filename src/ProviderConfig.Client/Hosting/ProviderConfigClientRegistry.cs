using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Hosting;

/// <summary>
/// The clients registered in one service collection, by name. Kept in the collection itself (as a singleton instance),
/// so that a second <c>AddProviderConfigClient</c> for a name it already holds adds only settings, never a second
/// authentication or resilience handler.
/// </summary>
internal sealed class ProviderConfigClientRegistry
{
    private readonly Dictionary<string, string> _httpClientNames = new(StringComparer.Ordinal);

    /// <summary>The registry of <paramref name="services"/>, added on first use.</summary>
    public static ProviderConfigClientRegistry Of(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            // A keyed descriptor throws on ImplementationInstance; ours is never keyed.
            if (descriptor.ServiceType == typeof(ProviderConfigClientRegistry) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is ProviderConfigClientRegistry registry)
            {
                return registry;
            }
        }

        var added = new ProviderConfigClientRegistry();
        services.AddSingleton(added);
        return added;
    }

    /// <summary>Records a client; false when one of that name is already registered.</summary>
    public bool TryAdd(string name, string httpClientName)
    {
        lock (_httpClientNames)
        {
            return _httpClientNames.TryAdd(name, httpClientName);
        }
    }
}
