using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Databricks settings of a key (newer gateways) (<c>databricks_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record DatabricksKeyConfig : IKeySecrets
{
    /// <summary>The workspace URL (required); masked when read (<c>workspace_url</c>).</summary>
    [JsonPropertyName("workspace_url")]
    public SecretValue? WorkspaceUrl { get; init; }

    /// <summary>The OAuth M2M client id (set together with <see cref="ClientSecret"/>); masked when read (<c>client_id</c>).</summary>
    [JsonPropertyName("client_id")]
    public SecretValue? ClientId { get; init; }

    /// <summary>The OAuth M2M client secret; masked when read (<c>client_secret</c>).</summary>
    [JsonPropertyName("client_secret")]
    public SecretValue? ClientSecret { get; init; }

    /// <summary><c>auto</c>, <c>model_serving</c> or <c>ai_gateway</c>; empty for the gateway's default (<c>api_format</c>).</summary>
    [JsonPropertyName("api_format")]
    public string? ApiFormat { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("workspace_url", WorkspaceUrl);
        yield return ("client_id", ClientId);
        yield return ("client_secret", ClientSecret);
    }
}
