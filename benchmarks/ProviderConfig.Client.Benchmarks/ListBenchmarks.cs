using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// Issue #10: <c>ListProvidersAsync</c> over 100 providers and <c>ListKeysAsync</c> over 50 keys through the SDK as
/// registered, each against a hand-written HttpClient call that reads the same body into the same models. Both sides
/// use the same in-memory handler; the bodies are built once, here, by <see cref="ListFixture"/>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ListBenchmarks
{
    private ServiceProvider _providersServices = null!;
    private ServiceProvider _keysServices = null!;
    private IProviderConfigClient _providersSdk = null!;
    private IProviderConfigClient _keysSdk = null!;
    private HttpClient _providersBaseline = null!;
    private HttpClient _keysBaseline = null!;

    [GlobalSetup]
    public void Setup()
    {
        var providers = ListFixture.ProvidersBody();
        var keys = ListFixture.KeysBody();
        var address = new Uri("https://bifrost.bench.local/");

        _providersServices = Clients.Sdk(address, () => new FixtureHandler(providers));
        _providersSdk = _providersServices.GetRequiredService<IProviderConfigClient>();
        _providersBaseline = Clients.Baseline(address, new FixtureHandler(providers));
        _keysServices = Clients.Sdk(address, () => new FixtureHandler(keys));
        _keysSdk = _keysServices.GetRequiredService<IProviderConfigClient>();
        _keysBaseline = Clients.Baseline(address, new FixtureHandler(keys));

        // Both sides must read the whole body, or the comparison means nothing.
        Check("providers", ListFixture.ProviderCount, ListProviders_Sdk(), ListProviders_HttpClient(), ListProviders_HttpClient_Buffered());
        Check("keys", ListFixture.KeyCount, ListKeys_Sdk(), ListKeys_HttpClient(), ListKeys_HttpClient_Buffered());
        Console.WriteLine($"// ListBenchmarks bodies: providers {providers.Length:N0} B, keys {keys.Length:N0} B");

        static void Check<T>(string what, int expected, params Task<IReadOnlyList<T>>[] reads)
        {
            var counts = reads.Select(r => r.GetAwaiter().GetResult().Count).ToList();
            if (counts.Any(c => c != expected))
            {
                throw new InvalidOperationException($"The {what} body read as {string.Join(", ", counts)} items (SDK, baseline, buffered), not {expected}.");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _providersServices.Dispose();
        _keysServices.Dispose();
        _providersBaseline.Dispose();
        _keysBaseline.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Providers")]
    public Task<IReadOnlyList<ProviderConfiguration>> ListProviders_HttpClient() => Clients.BaselineListProvidersAsync(_providersBaseline);

    [Benchmark, BenchmarkCategory("Providers")]
    public Task<IReadOnlyList<ProviderConfiguration>> ListProviders_Sdk() => _providersSdk.ListProvidersAsync();

    /// <summary>Not a contender: the baseline reading the whole body before parsing, as the SDK does.</summary>
    [Benchmark, BenchmarkCategory("Providers")]
    public Task<IReadOnlyList<ProviderConfiguration>> ListProviders_HttpClient_Buffered() => Clients.BufferedListProvidersAsync(_providersBaseline);

    [Benchmark(Baseline = true), BenchmarkCategory("Keys")]
    public Task<IReadOnlyList<ProviderKey>> ListKeys_HttpClient() => Clients.BaselineListKeysAsync(_keysBaseline, ListFixture.KeysProvider);

    [Benchmark, BenchmarkCategory("Keys")]
    public Task<IReadOnlyList<ProviderKey>> ListKeys_Sdk() => _keysSdk.ListKeysAsync(ListFixture.KeysProvider);

    /// <summary>Not a contender: the baseline reading the whole body before parsing, as the SDK does.</summary>
    [Benchmark, BenchmarkCategory("Keys")]
    public Task<IReadOnlyList<ProviderKey>> ListKeys_HttpClient_Buffered() => Clients.BufferedListKeysAsync(_keysBaseline, ListFixture.KeysProvider);
}
