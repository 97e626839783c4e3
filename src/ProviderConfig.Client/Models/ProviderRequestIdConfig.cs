using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Whether the gateway forwards the provider's request id in a response header (<c>provider_request_id</c>, newer gateways).</summary>
public sealed record ProviderRequestIdConfig
{
    /// <summary>Whether the header is added (<c>enabled</c>).</summary>
    [JsonPropertyName("enabled")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Enabled { get; init; }

    /// <summary>The header name (<c>header_name</c>); the gateway lower-cases it and rejects sensitive headers.</summary>
    [JsonPropertyName("header_name")]
    public string? HeaderName { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
