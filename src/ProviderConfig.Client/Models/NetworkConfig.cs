using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// How the gateway talks to the provider (<c>network_config</c>). A PUT replaces this block as a whole, so change it
/// with <c>with</c> on the block you read rather than building a new one.
/// </summary>
/// <remarks>A zero duration or count means "the gateway's default", as it does on the gateway.</remarks>
public sealed record NetworkConfig
{
    /// <summary>Overrides the provider's API base URL (<c>base_url</c>). Must be http or https with a host; the gateway rejects private addresses unless <see cref="AllowPrivateNetwork"/> is set.</summary>
    [JsonPropertyName("base_url")]
    public string? BaseUrl { get; init; }

    /// <summary>Headers the gateway adds to every request to the provider (<c>extra_headers</c>). The gateway does not mask these: never put secrets here.</summary>
    [JsonPropertyName("extra_headers")]
    public IReadOnlyDictionary<string, string>? ExtraHeaders { get; init; }

    /// <summary>Timeout of one provider request (<c>default_request_timeout_in_seconds</c>, whole seconds). Zero means the gateway default (300 s on current gateways).</summary>
    [JsonPropertyName("default_request_timeout_in_seconds")]
    [JsonConverter(typeof(SecondsConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TimeSpan DefaultRequestTimeout { get; init; }

    /// <summary>How many times the gateway retries a failed provider call after the first attempt (<c>max_retries</c>). Zero means no retries.</summary>
    [JsonPropertyName("max_retries")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int MaxRetries { get; init; }

    /// <summary>Delay before the first retry (<c>retry_backoff_initial</c>, whole milliseconds on the wire); it doubles per retry up to <see cref="RetryBackoffMax"/>. Zero means the gateway default (500 ms); otherwise 100 ms to 1000 s.</summary>
    [JsonPropertyName("retry_backoff_initial")]
    [JsonConverter(typeof(MillisecondsConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TimeSpan RetryBackoffInitial { get; init; }

    /// <summary>Upper bound of the retry delay (<c>retry_backoff_max</c>, whole milliseconds on the wire). Zero means the gateway default (5 s); otherwise 100 ms to 1000 s and not below <see cref="RetryBackoffInitial"/>.</summary>
    [JsonPropertyName("retry_backoff_max")]
    [JsonConverter(typeof(MillisecondsConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public TimeSpan RetryBackoffMax { get; init; }

    /// <summary>Skips TLS certificate verification towards the provider (<c>insecure_skip_verify</c>).</summary>
    [JsonPropertyName("insecure_skip_verify")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool InsecureSkipVerify { get; init; }

    /// <summary>A CA certificate (PEM, or an <c>env.</c>/<c>vault.</c> reference) the gateway trusts for the provider (<c>ca_cert_pem</c>). Partially masked when read.</summary>
    [JsonPropertyName("ca_cert_pem")]
    public SecretValue? CaCertPem { get; init; }

    /// <summary>How long a stream may stay idle (<c>stream_idle_timeout_in_seconds</c>, whole seconds). Zero means the gateway default.</summary>
    [JsonPropertyName("stream_idle_timeout_in_seconds")]
    [JsonConverter(typeof(SecondsConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan StreamIdleTimeout { get; init; }

    /// <summary>Idle keep-alive timeout of the gateway's connections to the provider (<c>keep_alive_timeout_in_seconds</c>, whole seconds). Zero means the gateway default.</summary>
    [JsonPropertyName("keep_alive_timeout_in_seconds")]
    [JsonConverter(typeof(SecondsConverter))]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public TimeSpan KeepAliveTimeout { get; init; }

    /// <summary>Connection limit per provider host (<c>max_conns_per_host</c>). Zero means the gateway default (5000).</summary>
    [JsonPropertyName("max_conns_per_host")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int MaxConnsPerHost { get; init; }

    /// <summary>Forces HTTP/2 towards the provider (<c>enforce_http2</c>).</summary>
    [JsonPropertyName("enforce_http2")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EnforceHttp2 { get; init; }

    /// <summary>Anthropic beta-header prefixes to force on or off (<c>beta_header_overrides</c>).</summary>
    [JsonPropertyName("beta_header_overrides")]
    public IReadOnlyDictionary<string, bool>? BetaHeaderOverrides { get; init; }

    /// <summary>Allows a <see cref="BaseUrl"/> on a private (RFC 1918) network (<c>allow_private_network</c>).</summary>
    [JsonPropertyName("allow_private_network")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
