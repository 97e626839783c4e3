using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>Google Vertex AI settings of a key (<c>vertex_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record VertexKeyConfig : IKeySecrets
{
    /// <summary>The Google Cloud project id; masked when read (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id")]
    public SecretValue? ProjectId { get; init; }

    /// <summary>The Google Cloud project number; masked when read (<c>project_number</c>).</summary>
    [JsonPropertyName("project_number")]
    public SecretValue? ProjectNumber { get; init; }

    /// <summary>The region; masked when read, so a read value cannot be shown or checked (<c>region</c>).</summary>
    [JsonPropertyName("region")]
    public SecretValue? Region { get; init; }

    /// <summary>The service-account credentials JSON; masked when read (<c>auth_credentials</c>).</summary>
    [JsonPropertyName("auth_credentials")]
    public SecretValue? AuthCredentials { get; init; }

    /// <summary>Whether calls stay in <see cref="Region"/> (<c>force_single_region</c>).</summary>
    [JsonPropertyName("force_single_region")]
    public bool? ForceSingleRegion { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("project_id", ProjectId);
        yield return ("project_number", ProjectNumber);
        yield return ("region", Region);
        yield return ("auth_credentials", AuthCredentials);
    }
}
