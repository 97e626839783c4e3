using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Settings of a custom provider (<c>custom_provider_config</c>): a provider that speaks a built-in provider's API under its own name.</summary>
public sealed record CustomProviderConfig
{
    /// <summary>Whether the provider needs no API key (<c>is_key_less</c>). Ignored by the gateway for a Bedrock base.</summary>
    [JsonPropertyName("is_key_less")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool IsKeyLess { get; init; }

    /// <summary>The built-in provider whose API this one speaks (<c>base_provider_type</c>). Required, and cannot be changed after creation.</summary>
    [JsonPropertyName("base_provider_type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ProviderName BaseProviderType { get; init; }

    /// <summary>
    /// Which request types the provider serves (<c>allowed_requests</c>). Null allows everything; an object allows only
    /// the flags set to true.
    /// </summary>
    [JsonPropertyName("allowed_requests")]
    public AllowedRequests? AllowedRequests { get; init; }

    /// <summary>Path overrides per request type (<c>request_path_overrides</c>), for example <c>"chat_completion" → "/v2/chat/completions"</c>.</summary>
    [JsonPropertyName("request_path_overrides")]
    public IReadOnlyDictionary<string, string>? RequestPathOverrides { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
