using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Azure OpenAI settings of a key (<c>azure_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record AzureKeyConfig : IKeySecrets
{
    /// <summary>The Azure resource endpoint. Newer gateways show a literal endpoint in clear; older ones mask it (<c>endpoint</c>).</summary>
    [JsonPropertyName("endpoint")]
    public SecretValue? Endpoint { get; init; }

    /// <summary>The Entra ID application (client) id; masked when read (<c>client_id</c>).</summary>
    [JsonPropertyName("client_id")]
    public SecretValue? ClientId { get; init; }

    /// <summary>The Entra ID client secret; masked when read (<c>client_secret</c>).</summary>
    [JsonPropertyName("client_secret")]
    public SecretValue? ClientSecret { get; init; }

    /// <summary>The Entra ID tenant id; masked when read (<c>tenant_id</c>).</summary>
    [JsonPropertyName("tenant_id")]
    public SecretValue? TenantId { get; init; }

    /// <summary>OAuth scopes; shown in clear (<c>scopes</c>).</summary>
    [JsonPropertyName("scopes")]
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("endpoint", Endpoint);
        yield return ("client_id", ClientId);
        yield return ("client_secret", ClientSecret);
        yield return ("tenant_id", TenantId);
    }
}
