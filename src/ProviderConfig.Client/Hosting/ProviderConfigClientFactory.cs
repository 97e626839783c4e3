using Microsoft.Extensions.Options;

namespace ProviderConfig.Client.Hosting;

/// <summary>Creates registered clients by name: each on the <see cref="HttpClient"/> of its name, reading the options of its name.</summary>
internal sealed class ProviderConfigClientFactory(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<ProviderConfigClientOptions> options,
    TimeProvider timeProvider,
    ProviderConfigClientRegistry registry) : IProviderConfigClientFactory
{
    public IProviderConfigClient CreateClient(string name) => Create(name);

    public ProviderConfigClient Create(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!registry.TryGetHttpClientName(name, out var httpClientName))
        {
            var registered = registry.Names.Select(static n => n.Length == 0 ? "(the unnamed client)" : "'" + n + "'");
            throw new InvalidOperationException(
                $"No provider-configuration client named '{name}' is registered; register it with services.AddProviderConfigClient(\"{name}\", ...). Registered: {string.Join(", ", registered.DefaultIfEmpty("none"))}.");
        }

        var monitor = options;
        Func<ProviderConfigClientOptions> current = name.Length == 0 ? () => monitor.CurrentValue : () => monitor.Get(name);
        return new ProviderConfigClient(httpClientFactory.CreateClient(httpClientName), current, timeProvider);
    }
}
