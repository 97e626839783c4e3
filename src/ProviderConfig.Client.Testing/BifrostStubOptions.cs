namespace ProviderConfig.Client.Testing;

/// <summary>Settings of a <see cref="BifrostStubServer"/>.</summary>
/// <remarks>
/// Authentication is off unless <see cref="ApiKey"/>, <see cref="ReadOnlyApiKey"/>, <see cref="Username"/>/<see cref="Password"/>
/// or <see cref="AuthWithoutAdminPassword"/> is set, as on a gateway whose auth is disabled. With several set, any of the
/// credentials is accepted.
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
    /// A Bifrost Enterprise management API key that has the <c>ModelProvider:View</c> scope but not <c>:Update</c>, accepted as
    /// <c>Authorization: Bearer &lt;ReadOnlyApiKey&gt;</c>: every <c>GET</c> passes, every write (<c>POST</c>, <c>PUT</c>,
    /// <c>DELETE</c>, refresh-models included) answers 403 (contract 3.2, 3.3). The gateway's 403 body text is not known; the
    /// stub writes <c>Forbidden</c>, so assert on the status. Null or empty for none.
    /// </summary>
    public string? ReadOnlyApiKey { get; set; }

    /// <summary>
    /// Emulates a gateway whose auth is enabled but whose admin password is not configured: every request to an emulated
    /// route answers 500 <c>Authentication not properly configured</c> whatever credentials it carries (contract 3.2).
    /// Default false.
    /// </summary>
    public bool AuthWithoutAdminPassword { get; set; }

    /// <summary>
    /// Which gateway era to emulate: the wire shape of secrets in responses, and the PUT rules that changed with it.
    /// Default <see cref="SecretValueShape.SecretVarObject"/> (the newest).
    /// </summary>
    /// <remarks>
    /// <list type="table">
    /// <listheader><term>Era</term><description>What changes</description></listheader>
    /// <item><term><see cref="SecretValueShape.SecretVarObject"/>: the newest gateway (handler <c>033025d</c>)</term><description>
    /// Secrets as <c>{"value", "ref"?, "type"}</c>; proxy <c>url</c>/<c>username</c> partially masked; a key's literal Azure
    /// <c>endpoint</c> shown in clear. Provider <c>PUT</c>: blocks are presence-based (an omitted <c>proxy_config</c> is kept,
    /// an omitted <c>custom_provider_config</c> on a custom provider is 400); a mask sent back for any of the four proxy
    /// secrets is restored. On <c>PUT .../keys/{key_id}</c> any mask-shaped literal keeps the stored secret, and one sent for
    /// a field with no stored value is 400 <c>masked preview cannot be used for &lt;path&gt; without a stored value</c>; an
    /// empty key <c>name</c> keeps the stored name; key URLs and regions are checked. <c>DELETE /api/providers/{provider}</c>
    /// answers 200 even for an unknown name.
    /// </description></item>
    /// <item><term><see cref="SecretValueShape.EnvVarObject"/>: the EnvVar era (PR #2948, April 2026, up to the presence-based
    /// handler)</term><description>
    /// Secrets as <c>{"value", "env_var", "from_env"}</c>; proxy <c>url</c>/<c>username</c> in clear; a key's Azure
    /// <c>endpoint</c> masked. Provider <c>PUT</c>: <c>proxy_config</c> and <c>custom_provider_config</c> are assigned
    /// unconditionally (contract 1.7 note, <c>eddfb7d</c>), so omitting one clears it (a custom provider so cleared fails its
    /// reload: 500, <c>provider_status: "error"</c>); only a masked proxy <c>password</c> or <c>ca_cert_pem</c> is restored
    /// (PR #1930), <c>url</c>/<c>username</c> restore came later.
    /// </description></item>
    /// <item><term><see cref="SecretValueShape.PlainString"/>: before April 2026, taken as before PR #1930 (March
    /// 2026)</term><description>
    /// Secrets as bare strings (a reference shown as itself); proxy <c>url</c>/<c>username</c> in clear; a key's Azure
    /// <c>endpoint</c> masked. Provider <c>PUT</c>: omitted blocks cleared as in the EnvVar era, and a masked proxy secret
    /// sent back is always stored literally: no proxy restore at all.
    /// </description></item>
    /// </list>
    /// <para>
    /// In every era a provider-<c>PUT</c> mask is restored only when the JSON sent for the field is exactly what <c>GET</c>
    /// emits in that era (same members, same <c>ref</c>/<c>type</c> or <c>env_var</c>/<c>from_env</c>): a bare string where
    /// <c>GET</c> gave an object, or an object missing members, is stored literally. In the two older eras, on
    /// <c>PUT .../keys/{key_id}</c> only such an exact echo keeps the stored secret; anything else, an edited, stale or
    /// re-shaped mask or a mask for a field with nothing stored included, is stored as the credential; an empty key
    /// <c>name</c> is stored; no key URL or region checks; <c>DELETE /api/providers/{provider}</c> of an unknown name is 404
    /// <c>Provider not found: not found</c>.
    /// </para>
    /// <para>
    /// <c>network_config.ca_cert_pem</c> is a plain string, and its exact-echo restore applies, in every era (the contract has
    /// it "since TLS support", PR #1996). All other validation (concurrency, custom providers, <c>prompt_cache</c>, backoff,
    /// <c>base_url</c>, <c>keys</c> in the body) is the newest gateway's in every era.
    /// </para>
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
