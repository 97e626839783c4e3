using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>The two contenders: the SDK as a consumer registers it, and a hand-written HttpClient call with the same models.</summary>
public static class Clients
{
    public const string Key = "bench-key-0123456789";

    /// <summary>The SDK through DI: auth handler, resilience pipeline, IHttpClientFactory.</summary>
    public static ServiceProvider Sdk(Uri baseAddress, Func<HttpMessageHandler>? primary = null)
    {
        var services = new ServiceCollection();
        var builder = services.AddProviderConfigClient(o =>
        {
            o.BaseAddress = baseAddress;
            o.ApiKey = Key;
        });
        if (primary is not null)
        {
            builder.ConfigurePrimaryHttpMessageHandler(primary);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>The baseline: HttpClient + the SDK's source-generated JSON models, nothing else.</summary>
    public static HttpClient Baseline(Uri baseAddress, HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler);
        client.BaseAddress = baseAddress;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    public static Task<ProviderConfiguration?> BaselineGetAsync(HttpClient client, string provider)
        => client.GetFromJsonAsync("api/providers/" + Uri.EscapeDataString(provider), ProviderConfigJsonContext.Default.ProviderConfiguration);

    /// <summary><c>GET /api/providers</c> by hand: the envelope read with the SDK's own context, the list taken out of it.</summary>
    public static async Task<IReadOnlyList<ProviderConfiguration>> BaselineListProvidersAsync(HttpClient client)
    {
        var list = await client.GetFromJsonAsync("api/providers", ProviderConfigJsonContext.Default.ProviderListResponse);
        return list?.Providers ?? [];
    }

    /// <summary><c>GET /api/providers/{provider}/keys</c> by hand, likewise.</summary>
    public static async Task<IReadOnlyList<ProviderKey>> BaselineListKeysAsync(HttpClient client, string provider)
    {
        var list = await client.GetFromJsonAsync("api/providers/" + Uri.EscapeDataString(provider) + "/keys", ProviderConfigJsonContext.Default.ProviderKeyListResponse);
        return list?.Keys ?? [];
    }

    /// <summary>
    /// <c>GET /api/providers</c> read into one array first and parsed from it, as the SDK reads a body; not the budget's
    /// baseline (that is the plain <c>GetFromJsonAsync</c> above), shown to separate reading strategy from SDK overhead.
    /// </summary>
    public static async Task<IReadOnlyList<ProviderConfiguration>> BufferedListProvidersAsync(HttpClient client)
    {
        var body = await client.GetByteArrayAsync("api/providers");
        return JsonSerializer.Deserialize(body, ProviderConfigJsonContext.Default.ProviderListResponse)?.Providers ?? [];
    }

    /// <summary><c>GET /api/providers/{provider}/keys</c> read into one array first, likewise.</summary>
    public static async Task<IReadOnlyList<ProviderKey>> BufferedListKeysAsync(HttpClient client, string provider)
    {
        var body = await client.GetByteArrayAsync("api/providers/" + Uri.EscapeDataString(provider) + "/keys");
        return JsonSerializer.Deserialize(body, ProviderConfigJsonContext.Default.ProviderKeyListResponse)?.Keys ?? [];
    }

    public static async Task<ProviderConfiguration?> BaselinePutAsync(HttpClient client, string provider, ProviderUpdate update)
    {
        using var response = await client.PutAsJsonAsync("api/providers/" + Uri.EscapeDataString(provider), update, ProviderConfigJsonContext.Default.ProviderUpdate);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ProviderConfigJsonContext.Default.ProviderConfiguration);
    }
}
