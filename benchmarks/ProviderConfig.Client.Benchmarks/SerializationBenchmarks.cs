using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>The models alone: deserialize a GET body, ToUpdate(), serialize the PUT body.</summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    private byte[] _bytes = null!;
    private ProviderConfiguration _configuration = null!;
    private ProviderUpdate _update = null!;

    [Params(Fixture.Small, Fixture.Large)]
    public string Body { get; set; } = Fixture.Small;

    [GlobalSetup]
    public void Setup()
    {
        _bytes = Fixture.Bytes(Body);
        _configuration = JsonSerializer.Deserialize(_bytes, ProviderConfigJsonContext.Default.ProviderConfiguration)!;
        _update = _configuration.ToUpdate();
    }

    [Benchmark]
    public ProviderConfiguration Deserialize() => JsonSerializer.Deserialize(_bytes, ProviderConfigJsonContext.Default.ProviderConfiguration)!;

    [Benchmark]
    public ProviderUpdate ToUpdate() => _configuration.ToUpdate();

    [Benchmark]
    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(_update, ProviderConfigJsonContext.Default.ProviderUpdate);

    [Benchmark]
    public byte[] RoundTrip() => JsonSerializer.SerializeToUtf8Bytes(
        JsonSerializer.Deserialize(_bytes, ProviderConfigJsonContext.Default.ProviderConfiguration)!.ToUpdate(),
        ProviderConfigJsonContext.Default.ProviderUpdate);
}
