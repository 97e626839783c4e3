using static ProviderConfig.Client.Testing.KeyFieldKind;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway's <c>schemas.Key</c> as the stub models it (management contract 1.1, 1.3): members in struct order, the
/// provider blocks and how each of their members is masked. Newer blocks (Databricks, GitHub Copilot, GigaChat) and
/// members whose order the contract does not give are placed after the known ones.
/// </summary>
internal static class KeySchema
{
    public const string Value = "value";
    public const string Models = "models";
    public const string BlacklistedModels = "blacklisted_models";
    public const string Aliases = "aliases";
    public const string Replicate = "replicate_key_config";

    /// <summary>The provider blocks, in struct order.</summary>
    public static readonly KeyBlock[] Blocks =
    [
        new("azure_key_config", [new("endpoint", Endpoint, true), new("client_id", Masked), new("client_secret", Masked), new("tenant_id", Masked), new("scopes", TextList)]),
        new("vertex_key_config", [new("project_id", Masked, true), new("project_number", Masked, true), new("region", Masked, true), new("auth_credentials", Masked, true), new("force_single_region", Flag)]),
        new("bedrock_key_config",
        [
            new("access_key", Masked, true), new("secret_key", Masked, true), new("session_token", Masked), new("region", Masked), new("arn", Masked),
            new("role_arn", Masked), new("external_id", Masked), new("session_name", Masked), new("project_id", ClearSecret), new("batch_role_arn", Masked),
            new("endpoints", Raw), new("batch_s3_config", Raw),
        ]),
        new("bedrock_mantle_key_config",
        [
            new("access_key", Masked, true), new("secret_key", Masked, true), new("session_token", Masked), new("region", Masked), new("role_arn", Masked),
            new("external_id", Masked), new("session_name", Masked), new("project_id", ClearSecret), new("endpoints", Raw),
        ]),
        new("vllm_key_config", [new("url", Masked, true), new("model_name", Text, true)]),
        new(Replicate, [new("use_deployments_endpoint", Flag, true)]),
        new("ollama_key_config", [new("url", Masked, true)]),
        new("sgl_key_config", [new("url", Masked, true)]),
        new("databricks_key_config", [new("workspace_url", Masked, true), new("client_id", Masked), new("client_secret", Masked), new("api_format", Text)]),
        new("github_copilot_key_config", [new("app_id", Masked), new("installation_id", Masked), new("repository_id", Masked), new("private_key", Masked), new("github_domain", Masked)]),
        new("gigachat_key_config",
        [
            new("credentials", Masked), new("user", Masked), new("password", Masked), new("access_token", Masked), new("cert_file", RedactedPath),
            new("key_file", RedactedPath), new("ca_bundle_file", RedactedPath), new("scope", Text), new("base_url", Text), new("auth_url", Text),
        ]),
    ];

    /// <summary>The members of an <c>AliasConfig</c> object, in struct order; all shown in clear.</summary>
    public static readonly KeyField[] AliasFields =
    [
        new("model_id", Text, true), new("model_name", Text), new("model_family", Text), new("description", Text), new("region", ClearSecret),
        new("project_id", ClearSecret), new("use_anthropic_endpoints", OptionalFlag), new("api_version", Text), new("anthropic_version", Text),
        new("endpoint", ClearSecret), new("project_number", Text), new("force_single_region", OptionalFlag), new("inference_profile_arn", ClearSecret),
        new("use_deployments_endpoint", OptionalFlag),
    ];

    /// <summary>The top-level members in struct order; the blocks go where <c>*</c> is.</summary>
    public static readonly string[] TopLevelOrder =
    [
        "id", "name", Value, Models, BlacklistedModels, "weight", Aliases, "*", "enabled", "use_for_batch_api", "use_anthropic_endpoints",
        "config_hash", "status", "description",
    ];

    /// <summary>The newest <c>CanProviderKeyValueBeEmpty</c> list (management contract 3.3 step 6).</summary>
    public static readonly HashSet<string> ValueCanBeEmpty = new(StringComparer.Ordinal) { "vertex", "bedrock", "bedrock_mantle", "vllm", "azure", "ollama", "sgl" };

    /// <summary>The accepted <c>model_family</c> values of an alias.</summary>
    public static readonly HashSet<string> ModelFamilies = new(StringComparer.Ordinal)
    {
        "anthropic", "openai", "mistral", "cohere", "gemini", "gemma", "llama", "imagen", "veo", "nova", "titan",
    };
}
