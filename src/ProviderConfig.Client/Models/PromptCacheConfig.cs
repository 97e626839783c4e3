using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Prompt-cache settings (<c>prompt_cache</c>, newer gateways). Member names other than <c>ttl</c> follow the gateway's naming and are kept as read.</summary>
public sealed record PromptCacheConfig
{
    /// <summary>Whether cache points are injected automatically (<c>auto_inject</c>).</summary>
    [JsonPropertyName("auto_inject")]
    public bool? AutoInject { get; init; }

    /// <summary>The cache lifetime as the gateway spells it, for example <c>"1h"</c> (<c>ttl</c>).</summary>
    [JsonPropertyName("ttl")]
    public string? Ttl { get; init; }

    /// <summary>Where cache points are injected (<c>injection_points</c>).</summary>
    [JsonPropertyName("injection_points")]
    public IReadOnlyList<PromptCacheInjectionPoint>? InjectionPoints { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
