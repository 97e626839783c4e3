using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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

    public static async Task<ProviderConfiguration?> BaselinePutAsync(HttpClient client, string provider, ProviderUpdate update)
    {
        using var response = await client.PutAsJsonAsync("api/providers/" + Uri.EscapeDataString(provider), update, ProviderConfigJsonContext.Default.ProviderUpdate);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(ProviderConfigJsonContext.Default.ProviderConfiguration);
    }
}
