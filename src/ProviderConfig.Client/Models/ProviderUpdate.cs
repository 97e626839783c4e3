using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Validation;

namespace ProviderConfig.Client;

/// <summary>
/// The body of <c>PUT /api/providers/{provider}</c>: every writable setting of a provider.
/// </summary>
/// <remarks>
/// The gateway replaces each block it receives as a whole and resets an omitted block (contract §1.7), so this type is
/// always sent complete. Get one from <see cref="ProviderConfiguration.ToUpdate"/> and change it with <c>with</c>
/// rather than building one from scratch: that way nothing you did not mean to change is lost, including fields this
/// version of the SDK does not know.
/// </remarks>
public record ProviderUpdate
{
    /// <summary>Network settings (<c>network_config</c>). Always sent: an omitted block would be reset to defaults.</summary>
    [JsonPropertyName("network_config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public NetworkConfig NetworkConfig { get; init; } = new();

    /// <summary>Worker and queue sizes (<c>concurrency_and_buffer_size</c>). Always sent.</summary>
    [JsonPropertyName("concurrency_and_buffer_size")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ConcurrencyAndBufferSize ConcurrencyAndBufferSize { get; init; } = new();

    /// <summary>The proxy (<c>proxy_config</c>). Always sent; null removes the proxy.</summary>
    [JsonPropertyName("proxy_config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ProxyConfig? ProxyConfig { get; init; }

    /// <summary>Whether responses carry the raw provider request (<c>send_back_raw_request</c>). Always sent: the gateway resets it to false when omitted.</summary>
    [JsonPropertyName("send_back_raw_request")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool SendBackRawRequest { get; init; }

    /// <summary>Whether responses carry the raw provider response (<c>send_back_raw_response</c>). Always sent.</summary>
    [JsonPropertyName("send_back_raw_response")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool SendBackRawResponse { get; init; }

    /// <summary>Whether raw requests and responses are stored in the logs (<c>store_raw_request_response</c>). Always sent.</summary>
    [JsonPropertyName("store_raw_request_response")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool StoreRawRequestResponse { get; init; }

    /// <summary>Custom-provider settings (<c>custom_provider_config</c>); null for a built-in provider. A custom provider must always send it.</summary>
    [JsonPropertyName("custom_provider_config")]
    public CustomProviderConfig? CustomProviderConfig { get; init; }

    /// <summary>OpenAI-specific settings (<c>openai_config</c>). Always sent: null clears the block on the gateway.</summary>
    [JsonPropertyName("openai_config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public OpenAIConfig? OpenAIConfig { get; init; }

    /// <summary>Prompt-cache settings (<c>prompt_cache</c>, newer gateways). Always sent: null clears the block on the gateway.</summary>
    [JsonPropertyName("prompt_cache")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public PromptCacheConfig? PromptCache { get; init; }

    /// <summary>Provider request-id forwarding (<c>provider_request_id</c>, newer gateways). Null is not sent.</summary>
    [JsonPropertyName("provider_request_id")]
    public ProviderRequestIdConfig? ProviderRequestId { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// Top-level members never sent in a write, even when they sit in <see cref="ExtensionData"/> (a gateway body read as
    /// an update, or a configuration from a gateway of the keys-in-body era): the read-only fields (contract §1.7), and
    /// <c>keys</c>, which newer gateways refuse with 400 and mid-2026 ones dropped after re-caching stale copies (§6 #1).
    /// </summary>
    internal static readonly IReadOnlySet<string> NeverSent = new HashSet<string>(StringComparer.Ordinal)
    {
        "name", "provider_status", "status", "description", "config_hash", "keys",
    };

    /// <summary>
    /// This update as a write sends it: without the <see cref="NeverSent"/> members of <see cref="ExtensionData"/>. Only
    /// the members of <see cref="ProviderUpdate"/> are serialized, so a <see cref="ProviderConfiguration"/>'s typed
    /// read-only fields never go out either. Returns this instance when there is nothing to leave out.
    /// </summary>
    internal ProviderUpdate ForWire()
    {
        if (ExtensionData is not { Count: > 0 } extension || !extension.Keys.Any(NeverSent.Contains))
        {
            return this;
        }

        var kept = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in extension)
        {
            if (!NeverSent.Contains(name))
            {
                kept[name] = value;
            }
        }

        return this with { ExtensionData = kept };
    }

    /// <summary>The configuration this update was read as or made from, if any; it survives <c>with</c>. Used to tell a mask sent back for its own field from a copied one.</summary>
    [JsonIgnore]
    internal ProviderConfiguration? Source
    {
        get => _source.Value;
        set => _source = new SourceReference<ProviderConfiguration>(value);
    }

    // Held in a box that always compares equal, so record equality ignores where an update came from
    // (and a configuration, whose source is itself, does not recurse).
    private SourceReference<ProviderConfiguration> _source = SourceReference<ProviderConfiguration>.None;

    /// <summary>
    /// Checks this update without sending it. Always: the required blocks, masked secrets that the gateway would
    /// store as the credential, and a non-empty <c>keys</c> array in <see cref="ExtensionData"/> (read from a gateway
    /// older than March 2026, which deletes the provider's keys on a write without them; the SDK never sends keys). For values that differ from what was read (all of them, for an update not made with
    /// <see cref="ProviderConfiguration.ToUpdate"/>): concurrency and buffer size, the retry backoff bounds and order,
    /// negative counts and timeouts, <c>base_url</c>, header names and values, the proxy's type and URL, and the
    /// custom-provider settings. A value read back unchanged is never reported, whatever it is.
    /// </summary>
    /// <returns>
    /// Every problem found, each with its JSON path; empty when there is nothing to say. Problems whose
    /// <see cref="ProviderValidationError.Severity"/> is <see cref="ProviderValidationSeverity.Warning"/> name gateway rules
    /// that differ between its versions: the client sends the update anyway and the gateway decides. The client refuses
    /// only on <see cref="ProviderValidationSeverity.Error"/>.
    /// </returns>
    public IReadOnlyList<ProviderValidationError> Validate() => ProviderUpdateValidator.Validate(this, provider: null);

    /// <summary>
    /// Checks this update as <see cref="Validate()"/> does, plus the rules that depend on the provider it is for: a
    /// masked secret may only go back to the provider (and the field) it was read from, a new custom provider's name
    /// must use letters, digits, <c>-</c> and <c>_</c>, and (a warning) should not be a built-in provider's name. What was
    /// read from another provider is not a baseline here: every value is checked.
    /// </summary>
    /// <param name="provider">The provider the update is for.</param>
    /// <returns>Every problem found, each with its JSON path and severity; empty when there is nothing to say.</returns>
    public IReadOnlyList<ProviderValidationError> Validate(ProviderName provider) => ProviderUpdateValidator.Validate(this, provider);
}
