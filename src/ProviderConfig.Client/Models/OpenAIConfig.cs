using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>OpenAI-specific settings (<c>openai_config</c>).</summary>
public sealed record OpenAIConfig
{
    /// <summary>Forces <c>store=false</c> on OpenAI Responses calls (<c>disable_store</c>).</summary>
    [JsonPropertyName("disable_store")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool DisableStore { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
