using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// Where the SDK's per-call cost goes: the same GET with the layers added one at a time (Refit + client only; + auth
/// handler; + resilience pipeline). Uses internals; for profiling, not for the budget.
/// </summary>
[MemoryDiagnoser]
public class OverheadBenchmarks
{
    private HttpClient _baseline = null!;
    private ProviderConfigClient _bare = null!;
    private ProviderConfigClient _withAuth = null!;
    private ProviderConfigClient _full = null!;

    [GlobalSetup]
    public void Setup()
    {
        var bytes = Fixture.Bytes(Fixture.Small);
        var options = new ProviderConfigClientOptions { BaseAddress = new Uri("https://bifrost.bench.local/"), ApiKey = Clients.Key };
        _baseline = Clients.Baseline(options.BaseAddress, new FixtureHandler(bytes));
        _bare = Client(new FixtureHandler(bytes));
        _withAuth = Client(new ProviderAuthenticationHandler(() => options) { InnerHandler = new FixtureHandler(bytes) });
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        ProviderConfigResilience.Configure(pipeline, options, TimeProvider.System, NullLogger.Instance);
        _full = Client(new ResilienceHandler(pipeline.Build()) { InnerHandler = new ProviderAuthenticationHandler(() => options) { InnerHandler = new FixtureHandler(bytes) } });

        ProviderConfigClient Client(HttpMessageHandler handler)
            => new(new HttpClient(handler) { BaseAddress = options.BaseAddress }, () => options, TimeProvider.System);
    }

    [Benchmark(Baseline = true)]
    public Task<ProviderConfiguration?> HttpClient_Baseline() => Clients.BaselineGetAsync(_baseline, "openai");

    [Benchmark]
    public Task<ProviderConfiguration> Refit_And_Client() => _bare.GetProviderAsync("openai");

    [Benchmark]
    public Task<ProviderConfiguration> Plus_Auth() => _withAuth.GetProviderAsync("openai");

    [Benchmark]
    public Task<ProviderConfiguration> Plus_Resilience() => _full.GetProviderAsync("openai");
}
