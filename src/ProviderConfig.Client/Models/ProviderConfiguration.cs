using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// A provider's configuration as the gateway returns it from <c>GET</c> and <c>PUT /api/providers/{provider}</c>:
/// every writable setting (see <see cref="ProviderUpdate"/>) plus the read-only status fields. Secrets are masked.
/// </summary>
/// <remarks>To change a provider, call <see cref="ToUpdate"/>, change the result with <c>with</c>, and send it.</remarks>
public sealed record ProviderConfiguration : ProviderUpdate, IJsonOnDeserialized
{
    /// <summary>The provider's name (<c>name</c>, read-only).</summary>
    [JsonPropertyName("name")]
    public ProviderName Name { get; init; }

    /// <summary>Whether the running gateway has the provider loaded (<c>provider_status</c>, read-only). Null from gateways older than October 2025.</summary>
    [JsonPropertyName("provider_status")]
    public ProviderStatus? ProviderStatus { get; init; }

    /// <summary>Model-discovery status, for example <c>"list_models_failed"</c> (<c>status</c>, read-only).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The error text that goes with <see cref="Status"/> (<c>description</c>, read-only).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>
    /// SHA-256 of the provider's settings when it came from the gateway's <c>config.json</c> (<c>config_hash</c>,
    /// read-only). It does not change on PUT, so it is not a version or an ETag.
    /// </summary>
    [JsonPropertyName("config_hash")]
    public string? ConfigHash { get; init; }

    /// <summary>
    /// The writable part of this configuration, ready to change with <c>with</c> and send with
    /// <see cref="IProviderConfigClient.UpdateProviderAsync(ProviderName, ProviderUpdate, CancellationToken)"/>.
    /// Drops only the read-only fields (<c>name</c>, <c>provider_status</c>, <c>status</c>, <c>description</c>,
    /// <c>config_hash</c>); every other field, known or not, is kept.
    /// </summary>
    /// <remarks>
    /// A deep copy, made through the JSON a PUT would send: the update shares no record, dictionary or list with this
    /// configuration, so editing it in place (<c>update.NetworkConfig.ExtensionData["x"] = ...</c>) never changes what
    /// was read. Secrets are the same immutable <see cref="SecretValue"/>s, so a mask goes back exactly as read.
    /// </remarks>
    public ProviderUpdate ToUpdate()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, ProviderConfigJsonContext.Default.ProviderUpdate);
        var update = JsonSerializer.Deserialize(json, ProviderConfigJsonContext.Default.ProviderUpdate)!;

        // Secrets are immutable: keep the very values, which also keeps whether each was read from the gateway.
        update = update with
        {
            NetworkConfig = update.NetworkConfig with { CaCertPem = NetworkConfig.CaCertPem },
            ProxyConfig = update.ProxyConfig is null || ProxyConfig is null
                ? update.ProxyConfig
                : update.ProxyConfig with { Url = ProxyConfig.Url, Username = ProxyConfig.Username, Password = ProxyConfig.Password, CaCertPem = ProxyConfig.CaCertPem },
        };
        update.Source = Source ?? this;
        return update;
    }

    /// <summary>
    /// Whether this configuration was read from the gateway (or made from one that was, with <c>with</c>): only then are
    /// its masks known to be what the gateway shows now, and may go back to it. False for one loaded with
    /// <see cref="ProviderConfigJson"/> or built in code.
    /// </summary>
    internal bool IsReadFromGateway => Source is not null;

    /// <summary>Remembers that this configuration came from the gateway, so its masked secrets may go back to it.</summary>
    void IJsonOnDeserialized.OnDeserialized() => Source = this;
}
