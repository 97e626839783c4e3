using System.Net;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Tests.Hosting;

/// <summary>How <c>AddProviderConfigClient</c> registers the client: once per name, whatever the number of calls.</summary>
public sealed class RegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void FastRetries(ProviderConfigClientOptions o)
    {
        o.BaseAddress = new Uri("https://bifrost.example.com/");
        o.ApiKey = "first-key";
        o.Retry.MaxRetries = 3;
        o.Retry.RetryBackoffInitial = o.Retry.RetryBackoffMax = TimeSpan.FromMilliseconds(1);
    }

    [Fact]
    public async Task Registering_twice_adds_the_authentication_and_resilience_handlers_once()
    {
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") };
        var services = new ServiceCollection();
        services.AddProviderConfigClient(FastRetries);
        services.AddProviderConfigClient(o => o.ApiKey = "second-key").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => client.UpdateProviderAsync(ProviderName.OpenAI, Fixtures.ValidUpdate(), Ct));

        // One resilience handler: 1 + MaxRetries attempts, not (1 + MaxRetries)² with a second one stacked inside.
        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(4, error.Attempts);
        // The second call's settings apply over the first's, as options configured twice do.
        Assert.All(handler.Requests, r => Assert.Equal("Bearer second-key", r.Authorization));
    }
}
