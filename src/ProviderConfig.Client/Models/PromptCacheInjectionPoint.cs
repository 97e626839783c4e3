using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>One prompt-cache injection point.</summary>
public sealed record PromptCacheInjectionPoint
{
    /// <summary>Where to inject, for example <c>"message"</c> (<c>location</c>).</summary>
    [JsonPropertyName("location")]
    public string? Location { get; init; }

    /// <summary>The message role to match: <c>system</c>, <c>developer</c>, <c>user</c> or <c>assistant</c> (<c>role</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>The message index to match (<c>index</c>).</summary>
    [JsonPropertyName("index")]
    public int? Index { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
