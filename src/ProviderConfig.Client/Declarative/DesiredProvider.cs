using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Declarative;

/// <summary>
/// One provider of a desired-state file: its name, every writable block of <see cref="ProviderUpdate"/> (flattened, as
/// the gateway writes them) and its keys, matched by <see cref="ProviderKeyUpdate.Name"/>.
/// </summary>
public sealed record DesiredProvider : ProviderUpdate
{
    /// <summary>The provider's name on the gateway (<c>openai</c>, or a custom provider's own name).</summary>
    [JsonPropertyName("name")]
    [JsonPropertyOrder(-1)]
    public ProviderName Name { get; init; }

    /// <summary>The provider's keys, each matched on the gateway by its unique <c>name</c>; <c>id</c> is ignored.</summary>
    [JsonPropertyName("keys")]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<ProviderKeyUpdate> Keys { get; init; } = [];

    /// <summary>The provider blocks alone, as a plain <see cref="ProviderUpdate"/> (no name, no keys).</summary>
    /// <returns>A new update carrying every writable block and unknown member of this provider.</returns>
    public ProviderUpdate ToProviderUpdate()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes<ProviderUpdate>(this, ProviderConfigJsonContext.Default.ProviderUpdate);
        return JsonSerializer.Deserialize(json, ProviderConfigJsonContext.Default.ProviderUpdate)!;
    }
}
