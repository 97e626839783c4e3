using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// A provider key as the gateway returns it from the <c>/api/providers/{provider}/keys</c> endpoints: every writable
/// member (see <see cref="ProviderKeyUpdate"/>) plus the read-only status fields. Secrets are masked.
/// </summary>
/// <remarks>To change a key, call <see cref="ToUpdate"/>, change the result with <c>with</c>, and send it.</remarks>
public sealed record ProviderKey : ProviderKeyUpdate, IJsonOnDeserialized
{
    /// <summary>The key's id (<c>id</c>): a UUID, stable for the key's life; virtual keys and routing rules refer to it.</summary>
    [JsonPropertyName("id")]
    public new string Id
    {
        get => base.Id ?? string.Empty;
        init => base.Id = value;
    }

    /// <summary>Model-discovery status of the key, for example <c>success</c> or <c>list_models_failed</c> (<c>status</c>, read-only).</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The error text that goes with <see cref="Status"/> (<c>description</c>, read-only; the gateway rewrites it after each model discovery).</summary>
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Set only for keys that came from the gateway's <c>config.json</c> (<c>config_hash</c>, read-only).</summary>
    [JsonPropertyName("config_hash")]
    public string? ConfigHash { get; init; }

    /// <summary>The provider this key was read from, when the SDK read it.</summary>
    [JsonIgnore]
    internal ProviderName? Provider { get; set; }

    /// <summary>
    /// The writable part of this key, ready to change with <c>with</c> and send with
    /// <see cref="IProviderConfigClient.UpdateKeyAsync(ProviderName, string, ProviderKeyUpdate, CancellationToken)"/>.
    /// A deep copy: drops only the read-only fields (<c>status</c>, <c>description</c>, <c>config_hash</c>); every other
    /// member, known or not, is kept, and masked secrets are kept exactly as read so the gateway restores them.
    /// </summary>
    public ProviderKeyUpdate ToUpdate()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this, ProviderConfigJsonContext.Default.ProviderKeyUpdate);
        var update = JsonSerializer.Deserialize(json, ProviderConfigJsonContext.Default.ProviderKeyUpdate)!;
        update.Source = this;
        return update;
    }

    /// <summary>
    /// Whether this key was read from the gateway (or made from one that was, with <c>with</c>): only then are its masks
    /// known to be what the gateway shows now. False for one loaded with <see cref="ProviderConfigJson"/> or built in code.
    /// </summary>
    internal bool IsReadFromGateway => Source is not null;

    /// <summary>Remembers that this key came from the gateway, so its masked secrets may go back to it.</summary>
    void IJsonOnDeserialized.OnDeserialized() => Source = this;
}
