using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>vLLM settings of a key (<c>vllm_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record VllmKeyConfig : IKeySecrets
{
    /// <summary>The vLLM server URL (required); masked when read (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    public SecretValue? Url { get; init; }

    /// <summary>The model the server serves (required); shown in clear (<c>model_name</c>).</summary>
    [JsonPropertyName("model_name")]
    public string? ModelName { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("url", Url);
    }
}
