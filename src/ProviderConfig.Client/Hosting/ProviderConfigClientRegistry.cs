using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Hosting;

/// <summary>
/// The clients registered in one service collection, by name: the name of each one's <see cref="HttpClient"/> and the
/// configuration section it was bound from. Kept in the collection itself (as a singleton instance), so that a second
/// <c>AddProviderConfigClient</c> for a name it already holds adds only settings, never a second authentication or
/// resilience handler.
/// </summary>
internal sealed class ProviderConfigClientRegistry
{
    private readonly Dictionary<string, Registration> _clients = new(StringComparer.Ordinal);

    /// <summary>The registered names, the unnamed client's being the empty string.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_clients)
            {
                return [.. _clients.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

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
    /// <param name="name">The client's name.</param>
    /// <param name="httpClientName">The name of its <see cref="HttpClient"/>.</param>
    /// <param name="sectionPath">The configuration section it is bound from, if any (for messages).</param>
    public bool TryAdd(string name, string httpClientName, string? sectionPath)
    {
        lock (_clients)
        {
            if (_clients.TryGetValue(name, out var existing))
            {
                if (existing.SectionPath is null && sectionPath is not null)
                {
                    _clients[name] = existing with { SectionPath = sectionPath };
                }

                return false;
            }

            _clients.Add(name, new Registration(httpClientName, sectionPath));
            return true;
        }
    }

    public bool TryGetHttpClientName(string name, [NotNullWhen(true)] out string? httpClientName)
    {
        lock (_clients)
        {
            httpClientName = _clients.TryGetValue(name, out var registration) ? registration.HttpClientName : null;
            return httpClientName is not null;
        }
    }

    /// <summary>The configuration section the client of that name is bound from, or null.</summary>
    public string? SectionPath(string name)
    {
        lock (_clients)
        {
            return _clients.TryGetValue(name, out var registration) ? registration.SectionPath : null;
        }
    }

    private sealed record Registration(string HttpClientName, string? SectionPath);
}
