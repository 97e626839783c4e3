using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>GET and PUT through the SDK versus the hand-written baseline, over the same in-memory handler.</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class InMemoryBenchmarks
{
    private ServiceProvider _services = null!;
    private IProviderConfigClient _sdk = null!;
    private HttpClient _baseline = null!;
    private ProviderUpdate _update = null!;
    private string _provider = null!;

    [Params(Fixture.Small, Fixture.Large)]
    public string Body { get; set; } = Fixture.Small;

    [GlobalSetup]
    public void Setup()
    {
        var bytes = Fixture.Bytes(Body);
        var address = new Uri("https://bifrost.bench.local/");
        _services = Clients.Sdk(address, () => new FixtureHandler(bytes));
        _sdk = _services.GetRequiredService<IProviderConfigClient>();
        _baseline = Clients.Baseline(address, new FixtureHandler(bytes));
        _provider = Fixture.ProviderName(Body);
        _update = System.Text.Json.JsonSerializer.Deserialize(bytes, ProviderConfigJsonContext.Default.ProviderConfiguration)!.ToUpdate();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _baseline.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("GET")]
    public Task<ProviderConfiguration?> Get_HttpClient() => Clients.BaselineGetAsync(_baseline, _provider);

    [Benchmark, BenchmarkCategory("GET")]
    public Task<ProviderConfiguration> Get_Sdk() => _sdk.GetProviderAsync(_provider);

    /// <summary>The SDK resolved from DI on every call (a transient typed client), as in a scoped service.</summary>
    [Benchmark, BenchmarkCategory("GET")]
    public Task<ProviderConfiguration> Get_Sdk_ResolvedPerCall() => _services.GetRequiredService<IProviderConfigClient>().GetProviderAsync(_provider);

    [Benchmark(Baseline = true), BenchmarkCategory("PUT")]
    public Task<ProviderConfiguration?> Put_HttpClient() => Clients.BaselinePutAsync(_baseline, _provider, _update);

    [Benchmark, BenchmarkCategory("PUT")]
    public Task<ProviderConfiguration> Put_Sdk() => _sdk.UpdateProviderAsync(_provider, _update);
}
