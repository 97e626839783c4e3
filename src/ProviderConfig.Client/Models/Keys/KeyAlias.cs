using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// What a model name used by callers maps to on a key (<c>aliases.&lt;name&gt;</c>), for example an Azure deployment.
/// The gateway writes an alias that has only <see cref="ModelId"/> as a bare string and accepts both forms; an alias is
/// written back in the form it was read, and a new one made with <see cref="To"/> is written as a string.
/// </summary>
/// <remarks>Aliases are not masked by the gateway: do not put credentials in them.</remarks>
public sealed record KeyAlias
{
    /// <summary>The upstream model or deployment id (<c>model_id</c>, required).</summary>
    [JsonPropertyName("model_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string ModelId { get; init; } = string.Empty;

    /// <summary>The model's public name (<c>model_name</c>).</summary>
    [JsonPropertyName("model_name")]
    public string? ModelName { get; init; }

    /// <summary>The model family, for example <c>anthropic</c> or <c>openai</c> (<c>model_family</c>).</summary>
    [JsonPropertyName("model_family")]
    public string? ModelFamily { get; init; }

    /// <summary>A description (<c>description</c>).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>A region for this alias (<c>region</c>; Vertex and Bedrock).</summary>
    [JsonPropertyName("region")]
    public SecretValue? Region { get; init; }

    /// <summary>A project for this alias (<c>project_id</c>; Vertex).</summary>
    [JsonPropertyName("project_id")]
    public SecretValue? ProjectId { get; init; }

    /// <summary>An endpoint for this alias (<c>endpoint</c>; Azure).</summary>
    [JsonPropertyName("endpoint")]
    public SecretValue? Endpoint { get; init; }

    /// <summary>
    /// Provider-specific members this SDK does not model (for example <c>api_version</c>, <c>anthropic_version</c>,
    /// <c>inference_profile_arn</c>, <c>use_deployments_endpoint</c>) and newer ones. They are sent back unchanged.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Whether this alias was read as (or made to be) a bare string; it is written that way while it has only a model id.</summary>
    [JsonIgnore]
    internal bool PrefersString { get; init; }

    /// <summary>An alias to <paramref name="modelId"/> alone, written as a bare string.</summary>
    /// <param name="modelId">The upstream model or deployment id.</param>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is empty or white space.</exception>
    public static KeyAlias To(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return new KeyAlias { ModelId = modelId, PrefersString = true };
    }

    /// <summary>True when the alias can be, and prefers to be, written as a bare string.</summary>
    internal bool WritesAsString => PrefersString
        && ModelName is null && ModelFamily is null && Description is null && Region is null && ProjectId is null && Endpoint is null
        && (ExtensionData is null || ExtensionData.Count == 0);
}
