using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ProviderConfig.Client.Tests;

/// <summary>Builds the client the way a consumer registers it (DI, auth handler, resilience pipeline) over an in-memory handler.</summary>
internal sealed class TestClients : IDisposable
{
    public const string ApiKey = "bf-test-key-3f9a7c2e1d";

    private readonly ServiceProvider _provider;

    public TestClients(RecordingHandler handler, Action<ProviderConfigClientOptions>? configure = null, FakeTimeProvider? time = null, Action<IServiceCollection>? services = null, Action<IServiceCollection>? after = null)
    {
        Handler = handler;
        Time = time;
        var collection = new ServiceCollection();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        if (time is not null)
        {
            collection.AddSingleton<TimeProvider>(time);
        }

        services?.Invoke(collection);
        collection.AddProviderConfigClient(o =>
            {
                o.BaseAddress = new Uri("https://bifrost.example.com/");
                o.ApiKey = ApiKey;
                configure?.Invoke(o);
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        after?.Invoke(collection);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Client = _provider.GetRequiredService<IProviderConfigClient>();
    }

    public RecordingHandler Handler { get; }

    public FakeTimeProvider? Time { get; }

    public IProviderConfigClient Client { get; }

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public IServiceProvider Services => _provider;

    public void Dispose() => _provider.Dispose();
}
