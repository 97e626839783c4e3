using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Replicate settings of a key. The only block the gateway keeps when a key update omits it (<c>replicate_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record ReplicateKeyConfig : IKeySecrets
{
    /// <summary>Whether calls go to Replicate's deployments endpoint (<c>use_deployments_endpoint</c>).</summary>
    [JsonPropertyName("use_deployments_endpoint")]
    public bool? UseDeploymentsEndpoint { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets() => [];
}
