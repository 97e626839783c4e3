using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>The proxy the gateway uses to reach the provider (<c>proxy_config</c>). Its secret fields are masked when read.</summary>
public sealed record ProxyConfig
{
    /// <summary>The kind of proxy (<c>type</c>).</summary>
    [JsonPropertyName("type")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public ProxyType Type { get; init; }

    /// <summary>The proxy URL (<c>url</c>); partially masked when read.</summary>
    [JsonPropertyName("url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public SecretValue? Url { get; init; }

    /// <summary>The proxy user name (<c>username</c>); partially masked when read.</summary>
    [JsonPropertyName("username")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public SecretValue? Username { get; init; }

    /// <summary>The proxy password (<c>password</c>); fully masked when read.</summary>
    [JsonPropertyName("password")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public SecretValue? Password { get; init; }

    /// <summary>A CA certificate for the proxy (<c>ca_cert_pem</c>); fully masked when read.</summary>
    [JsonPropertyName("ca_cert_pem")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public SecretValue? CaCertPem { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
