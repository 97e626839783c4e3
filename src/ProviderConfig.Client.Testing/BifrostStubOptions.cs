namespace ProviderConfig.Client.Testing;

/// <summary>Settings of a <see cref="BifrostStubServer"/>.</summary>
/// <remarks>
/// Authentication is off unless <see cref="ApiKey"/> or <see cref="Username"/>/<see cref="Password"/> is set, as on a
/// gateway whose auth is disabled. With both set, either credential is accepted.
/// </remarks>
public sealed class BifrostStubOptions
{
    /// <summary>A token accepted as <c>Authorization: Bearer &lt;ApiKey&gt;</c>; null or empty for none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The admin user name, accepted (with <see cref="Password"/>) as <c>Authorization: Basic base64(user:pass)</c> and as
    /// the gateway's legacy <c>Bearer base64(user:pass)</c>.
    /// </summary>
    public string? Username { get; set; }

    /// <summary>The admin password that goes with <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Which gateway era to emulate: the wire shape of secrets in responses, and the behaviours that changed with it.
    /// Default <see cref="SecretValueShape.SecretVarObject"/> (the newest).
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description>
    /// <see cref="SecretValueShape.SecretVarObject"/>, the newest gateway: secrets as <c>{"value", "ref"?, "type"}</c>; proxy
    /// <c>url</c>/<c>username</c> partially masked; a key's literal Azure <c>endpoint</c> shown in clear. On
    /// <c>PUT .../keys/{key_id}</c> any mask-shaped literal keeps the stored secret, and one sent for a field with no stored
    /// value is 400 <c>masked preview cannot be used for &lt;path&gt; without a stored value</c>; an empty key <c>name</c> keeps
    /// the stored name; key URLs and regions are checked. <c>DELETE /api/providers/{provider}</c> answers 200 even for an
    /// unknown name.
    /// </description></item>
    /// <item><description>
    /// <see cref="SecretValueShape.EnvVarObject"/> (the EnvVar era) and <see cref="SecretValueShape.PlainString"/> (before
    /// April 2026), the older gateways: secrets as <c>{"value", "env_var", "from_env"}</c> or bare strings; proxy
    /// <c>url</c>/<c>username</c> in clear; a key's Azure <c>endpoint</c> masked. On <c>PUT .../keys/{key_id}</c> only an exact
    /// echo of what GET shows now for that field (value and <c>env_var</c>/<c>from_env</c>, in the era's shape) keeps the
    /// stored secret; anything else, an edited, stale or re-shaped mask or a mask for a field with nothing stored included,
    /// is stored as the credential. An empty key <c>name</c> is stored; no key URL or region checks.
    /// <c>DELETE /api/providers/{provider}</c> of an unknown name is 404 <c>Provider not found: not found</c>.
    /// </description></item>
    /// </list>
    /// <c>network_config.ca_cert_pem</c> is a plain string in every era. All other validation is the newest gateway's in
    /// every era.
    /// </remarks>
    public SecretValueShape SecretShape { get; set; } = SecretValueShape.SecretVarObject;

    /// <summary>
    /// Whether to start with the contract's example providers and keys: <c>openai</c> (defaults; keys
    /// <c>openai-prod-1</c> and the env-referenced, disabled <c>openai-batch</c>), <c>azure</c> (from config.json; key
    /// <c>azure-eastus</c> with an <c>azure_key_config</c> and aliases in both forms), <c>bedrock</c> (behind a proxy with
    /// secrets; key <c>bedrock-us-east-1</c> with a <c>bedrock_key_config</c>), <c>acme-llm-gateway</c> (custom, keyless) and
    /// <c>gemini</c> (<c>provider_status: "error"</c>, no keys). Default true.
    /// </summary>
    public bool SeedDefaultProviders { get; set; } = true;
}
