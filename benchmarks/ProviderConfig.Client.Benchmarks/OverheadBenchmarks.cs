using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// Where the SDK's per-call cost goes: the same GET with the layers added one at a time (Refit + client only; + auth
/// handler; + resilience pipeline; + IHttpClientFactory, i.e. as registered). Uses internals; for profiling, not for the budget.
/// </summary>
[MemoryDiagnoser]
public class OverheadBenchmarks
{
    private HttpClient _baseline = null!;
    private ProviderConfigClient _bare = null!;
    private ProviderConfigClient _withAuth = null!;
    private ProviderConfigClient _full = null!;
    private ServiceProvider _services = null!;
    private IProviderConfigClient _registered = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bytes = Fixture.Bytes(Fixture.Small);
        var options = new ProviderConfigClientOptions { BaseAddress = new Uri("https://bifrost.bench.local/"), ApiKey = Clients.Key };
        _baseline = Clients.Baseline(options.BaseAddress, new FixtureHandler(bytes));
        _bare = Client(new FixtureHandler(bytes));
        _withAuth = Client(new ProviderAuthenticationHandler(() => options) { InnerHandler = new FixtureHandler(bytes) });
        _full = Client(new ProviderConfigResilienceHandler(() => options, TimeProvider.System, NullLogger.Instance) { InnerHandler = new ProviderAuthenticationHandler(() => options) { InnerHandler = new FixtureHandler(bytes) } });

        _services = Clients.Sdk(options.BaseAddress, () => new FixtureHandler(bytes));
        _registered = _services.GetRequiredService<IProviderConfigClient>();

        ProviderConfigClient Client(HttpMessageHandler handler)
            => new(new HttpClient(handler) { BaseAddress = options.BaseAddress, Timeout = Timeout.InfiniteTimeSpan }, () => options, TimeProvider.System);
    }

    [Benchmark(Baseline = true)]
    public Task<ProviderConfiguration?> HttpClient_Baseline() => Clients.BaselineGetAsync(_baseline, "openai");

    [Benchmark]
    public Task<ProviderConfiguration> Refit_And_Client() => _bare.GetProviderAsync("openai");

    [Benchmark]
    public Task<ProviderConfiguration> Plus_Auth() => _withAuth.GetProviderAsync("openai");

    [Benchmark]
    public Task<ProviderConfiguration> Plus_Resilience() => _full.GetProviderAsync("openai");

    [Benchmark]
    public Task<ProviderConfiguration> Plus_HttpClientFactory() => _registered.GetProviderAsync("openai");

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();
}
