using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;
using ProviderConfig.Client.Validation;

namespace ProviderConfig.Client;

/// <summary>
/// The body of <c>POST /api/providers/{provider}/keys</c> and <c>PUT .../keys/{key_id}</c>: every writable member of
/// a provider key.
/// </summary>
/// <remarks>
/// <para>
/// The gateway replaces the <em>whole</em> key on update: an omitted <c>models</c> denies every model, an omitted
/// <c>weight</c> becomes 0, an omitted alias or provider block is deleted (contract §3.4). This type is therefore always
/// sent complete. To change a key, take <see cref="ProviderKey.ToUpdate"/> and change it with <c>with</c>, or use the
/// read-modify-write overload of <see cref="IProviderConfigClient.UpdateKeyAsync(ProviderName, string, Func{ProviderKeyUpdate, ProviderKeyUpdate}, CancellationToken)"/>.
/// </para>
/// <para>
/// A new update starts with <see cref="Models"/> = <see cref="KeyModels.All"/> and <see cref="Weight"/> = 1, the values a
/// key needs to serve traffic. Secrets are <see cref="SecretValue"/>s: set new ones with <see cref="SecretValue.Plain"/>,
/// <see cref="SecretValue.FromEnvironment"/> or <see cref="SecretValue.FromVault"/>; a masked value read from the gateway
/// may only go back to the field of the key it was read from.
/// </para>
/// </remarks>
public record ProviderKeyUpdate
{
    /// <summary>
    /// The key's id (<c>id</c>). On create the gateway keeps a client-supplied id; when this is null the SDK generates one,
    /// so that a create retried after a lost response can be recognised instead of made twice. On update the id in the
    /// path wins.
    /// </summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The key's name (<c>name</c>). Names are unique across <em>all</em> providers of a gateway.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>The API key itself (<c>value</c>); masked when read. Some providers (Azure, Bedrock, Vertex, ...) take their credentials from a block instead.</summary>
    [JsonPropertyName("value")]
    public SecretValue? Value { get; init; }

    /// <summary>
    /// The models this key may serve (<c>models</c>): <see cref="KeyModels.All"/> (the default), a list of names (newer
    /// gateways also take <c>regex:</c> entries), or <see cref="KeyModels.None"/>. Always sent: an omitted list denies every model.
    /// </summary>
    [JsonPropertyName("models")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<string>? Models { get; init; } = KeyModels.All;

    /// <summary>Models this key must never serve (<c>blacklisted_models</c>). Always sent.</summary>
    [JsonPropertyName("blacklisted_models")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<string>? BlacklistedModels { get; init; } = [];

    /// <summary>The key's share of traffic among the provider's keys (<c>weight</c>); default 1. Always sent: an omitted weight becomes 0.</summary>
    [JsonPropertyName("weight")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double Weight { get; init; } = 1;

    /// <summary>Model-name aliases (<c>aliases</c>), for example Azure deployments; null for none.</summary>
    [JsonPropertyName("aliases")]
    [JsonConverter(typeof(KeyAliasesConverter))]
    public IReadOnlyDictionary<string, KeyAlias>? Aliases { get; init; }

    /// <summary>Azure settings (<c>azure_key_config</c>).</summary>
    [JsonPropertyName("azure_key_config")]
    public AzureKeyConfig? AzureKeyConfig { get; init; }

    /// <summary>Vertex settings (<c>vertex_key_config</c>).</summary>
    [JsonPropertyName("vertex_key_config")]
    public VertexKeyConfig? VertexKeyConfig { get; init; }

    /// <summary>Bedrock settings (<c>bedrock_key_config</c>).</summary>
    [JsonPropertyName("bedrock_key_config")]
    public BedrockKeyConfig? BedrockKeyConfig { get; init; }

    /// <summary>Bedrock Mantle settings (<c>bedrock_mantle_key_config</c>).</summary>
    [JsonPropertyName("bedrock_mantle_key_config")]
    public BedrockMantleKeyConfig? BedrockMantleKeyConfig { get; init; }

    /// <summary>vLLM settings (<c>vllm_key_config</c>).</summary>
    [JsonPropertyName("vllm_key_config")]
    public VllmKeyConfig? VllmKeyConfig { get; init; }

    /// <summary>Replicate settings (<c>replicate_key_config</c>).</summary>
    [JsonPropertyName("replicate_key_config")]
    public ReplicateKeyConfig? ReplicateKeyConfig { get; init; }

    /// <summary>Ollama settings (<c>ollama_key_config</c>).</summary>
    [JsonPropertyName("ollama_key_config")]
    public OllamaKeyConfig? OllamaKeyConfig { get; init; }

    /// <summary>SGLang settings (<c>sgl_key_config</c>).</summary>
    [JsonPropertyName("sgl_key_config")]
    public SglKeyConfig? SglKeyConfig { get; init; }

    /// <summary>Databricks settings (<c>databricks_key_config</c>, newer gateways).</summary>
    [JsonPropertyName("databricks_key_config")]
    public DatabricksKeyConfig? DatabricksKeyConfig { get; init; }

    /// <summary>GitHub Copilot settings (<c>github_copilot_key_config</c>, newer gateways).</summary>
    [JsonPropertyName("github_copilot_key_config")]
    public GitHubCopilotKeyConfig? GitHubCopilotKeyConfig { get; init; }

    /// <summary>GigaChat settings (<c>gigachat_key_config</c>, some gateway versions).</summary>
    [JsonPropertyName("gigachat_key_config")]
    public GigaChatKeyConfig? GigaChatKeyConfig { get; init; }

    /// <summary>Whether the key is used (<c>enabled</c>); null leaves it to the gateway, which enables a new key.</summary>
    [JsonPropertyName("enabled")]
    public bool? Enabled { get; init; }

    /// <summary>Whether the key serves batch API calls (<c>use_for_batch_api</c>).</summary>
    [JsonPropertyName("use_for_batch_api")]
    public bool? UseForBatchApi { get; init; }

    /// <summary>Whether the key calls Anthropic-format endpoints (<c>use_anthropic_endpoints</c>, newer gateways).</summary>
    [JsonPropertyName("use_anthropic_endpoints")]
    public bool? UseAnthropicEndpoints { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The key this update was read as or made from, if any; it survives <c>with</c>. Used to tell a mask sent back for its own field from a copied one.</summary>
    [JsonIgnore]
    internal ProviderKey? Source
    {
        get => _source.Value;
        set => _source = new SourceReference<ProviderKey>(value);
    }

    // Held in a box that always compares equal, so record equality ignores where an update came from.
    private SourceReference<ProviderKey> _source = SourceReference<ProviderKey>.None;

    /// <summary>
    /// Checks this update without sending it: a missing or accidentally empty <c>models</c> list, and masked secrets that
    /// were not read for the field they are in (the gateway would store such a mask as the credential).
    /// </summary>
    /// <returns>Every problem found, each with its JSON path; empty when the update is safe to send.</returns>
    public IReadOnlyList<ProviderValidationError> Validate() => ProviderKeyUpdateValidator.Validate(this, provider: null, keyId: null);

    /// <summary>Every secret of the key with its JSON path: the value, each block's secret members and the aliases' ones.</summary>
    internal IEnumerable<(string Path, SecretValue? Value)> SecretFields()
    {
        yield return ("value", Value);
        foreach (var (block, name) in Blocks())
        {
            foreach (var (member, secret) in block.Secrets())
            {
                yield return (name + "." + member, secret);
            }
        }

        foreach (var (alias, target) in Aliases ?? new Dictionary<string, KeyAlias>())
        {
            var path = ProviderConfigDiff.Child("aliases", alias);
            yield return (ProviderConfigDiff.Child(path, "region"), target.Region);
            yield return (ProviderConfigDiff.Child(path, "project_id"), target.ProjectId);
            yield return (ProviderConfigDiff.Child(path, "endpoint"), target.Endpoint);
        }
    }

    private IEnumerable<(IKeySecrets Block, string Name)> Blocks()
    {
        (IKeySecrets? Block, string Name)[] blocks =
        [
            (AzureKeyConfig, "azure_key_config"), (VertexKeyConfig, "vertex_key_config"), (BedrockKeyConfig, "bedrock_key_config"),
            (BedrockMantleKeyConfig, "bedrock_mantle_key_config"), (VllmKeyConfig, "vllm_key_config"), (OllamaKeyConfig, "ollama_key_config"),
            (SglKeyConfig, "sgl_key_config"), (DatabricksKeyConfig, "databricks_key_config"),
            (GitHubCopilotKeyConfig, "github_copilot_key_config"), (GigaChatKeyConfig, "gigachat_key_config"),
        ];
        foreach (var (block, name) in blocks)
        {
            if (block is not null)
            {
                yield return (block, name);
            }
        }
    }
}
