using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// Saves provider configurations, keys and their updates as JSON and loads them back, with exactly the settings the
/// client uses on the wire (source-generated, trim- and NativeAOT-safe): wire names, durations in the gateway's units,
/// secrets in the shape they were read, unknown members kept at any depth.
/// </summary>
/// <remarks>
/// <para>
/// Saving and loading loses nothing: a loaded configuration or key writes the same JSON as the one saved, read-only
/// fields and masked secrets included, and its <c>ToUpdate()</c> is the update the saved one would have given.
/// </para>
/// <para>
/// What a load cannot bring back is the knowledge that a mask is what the gateway shows <em>now</em>: the secret may
/// have changed since the file was saved, and the gateway stores a stale mask as the credential. So a mask from a loaded
/// configuration or key is treated as not read from the gateway: <see cref="ProviderUpdate.Validate(ProviderName)"/>
/// reports it and the client does not send it. Everything else in the file counts as "what was read", so values the
/// gateway stored in an unusual shape do not block an update. To apply a saved configuration that holds masks, read the
/// provider and set the saved values on what was read; a mask that equals the fresh read's then goes back as read:
/// <code>
/// var saved = ProviderConfigJson.DeserializeConfiguration(File.ReadAllText("openai.json"));
/// await client.UpdateProviderAsync("openai", current => current with { NetworkConfig = saved.NetworkConfig, ProxyConfig = saved.ProxyConfig });
/// </code>
/// </para>
/// </remarks>
public static class ProviderConfigJson
{
    private static readonly JsonSerializerOptions Indented = new(ProviderConfigJsonContext.Default.Options) { WriteIndented = true };

    private static readonly JsonSerializerOptions Lenient = new(ProviderConfigJsonContext.Default.Options)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>A configuration as JSON, read-only fields and masked secrets included.</summary>
    /// <param name="configuration">The configuration, as read from the gateway or loaded.</param>
    /// <param name="indented">Whether to indent the JSON, for a file people read and diff.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configuration"/> is null.</exception>
    public static string Serialize(ProviderConfiguration configuration, bool indented = false)
        => Write(configuration, ProviderConfigJsonContext.Default.ProviderConfiguration, indented);

    /// <summary>An update as JSON, every member it holds included (a write leaves out <c>keys</c> and read-only members; this does not).</summary>
    /// <param name="update">The update.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is null.</exception>
    public static string Serialize(ProviderUpdate update, bool indented = false)
        => Write(update, ProviderConfigJsonContext.Default.ProviderUpdate, indented);

    /// <summary>A key as JSON, read-only members and masked secrets included.</summary>
    /// <param name="key">The key, as read from the gateway or loaded.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static string Serialize(ProviderKey key, bool indented = false)
        => Write(key, ProviderConfigJsonContext.Default.ProviderKey, indented);

    /// <summary>A key update as JSON.</summary>
    /// <param name="key">The key update.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    public static string Serialize(ProviderKeyUpdate key, bool indented = false)
        => Write(key, ProviderConfigJsonContext.Default.ProviderKeyUpdate, indented);

    /// <summary>Several configurations (for example all of <see cref="IProviderConfigClient.ListProvidersAsync"/>) as one JSON array.</summary>
    /// <param name="configurations">The configurations.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configurations"/> is null.</exception>
    public static string Serialize(IEnumerable<ProviderConfiguration> configurations, bool indented = false)
        => Write<IReadOnlyList<ProviderConfiguration>>(configurations?.ToList()!, ProviderConfigJsonContext.Default.IReadOnlyListProviderConfiguration, indented);

    /// <summary>Several keys (for example all of <see cref="IProviderConfigClient.ListKeysAsync"/>) as one JSON array.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keys"/> is null.</exception>
    public static string Serialize(IEnumerable<ProviderKey> keys, bool indented = false)
        => Write<IReadOnlyList<ProviderKey>>(keys?.ToList()!, ProviderConfigJsonContext.Default.IReadOnlyListProviderKey, indented);

    /// <summary>
    /// Loads a configuration saved with <see cref="Serialize(ProviderConfiguration, bool)"/> (or a body of
    /// <c>GET /api/providers/{provider}</c>). Its masks are not taken for the gateway's current ones (see the remarks on
    /// <see cref="ProviderConfigJson"/>).
    /// </summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="allowCommentsAndTrailingCommas">Whether to accept <c>//</c> and <c>/* */</c> comments and trailing commas, as in a file edited by hand.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is invalid or not a provider configuration; the message names the member.</exception>
    public static ProviderConfiguration DeserializeConfiguration(string json, bool allowCommentsAndTrailingCommas = false)
    {
        var configuration = Read(json, ProviderConfigJsonContext.Default.ProviderConfiguration, allowCommentsAndTrailingCommas, "a provider configuration");
        configuration.Source = null; // loaded, not read from the gateway
        return configuration;
    }

    /// <summary>Loads an update saved with <see cref="Serialize(ProviderUpdate, bool)"/>. Its masks are not taken for the gateway's current ones.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="allowCommentsAndTrailingCommas">Whether to accept comments and trailing commas.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is invalid or not a provider update.</exception>
    public static ProviderUpdate DeserializeUpdate(string json, bool allowCommentsAndTrailingCommas = false)
        => Read(json, ProviderConfigJsonContext.Default.ProviderUpdate, allowCommentsAndTrailingCommas, "a provider update");

    /// <summary>Loads a key saved with <see cref="Serialize(ProviderKey, bool)"/> (or a key body of the gateway). Its masks are not taken for the gateway's current ones.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="allowCommentsAndTrailingCommas">Whether to accept comments and trailing commas.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is invalid or not a provider key.</exception>
    public static ProviderKey DeserializeKey(string json, bool allowCommentsAndTrailingCommas = false)
    {
        var key = Read(json, ProviderConfigJsonContext.Default.ProviderKey, allowCommentsAndTrailingCommas, "a provider key");
        key.Source = null; // loaded, not read from the gateway
        return key;
    }

    /// <summary>Loads a key update saved with <see cref="Serialize(ProviderKeyUpdate, bool)"/>. Its masks are not taken for the gateway's current ones.</summary>
    /// <param name="json">The JSON object.</param>
    /// <param name="allowCommentsAndTrailingCommas">Whether to accept comments and trailing commas.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is invalid or not a key update.</exception>
    public static ProviderKeyUpdate DeserializeKeyUpdate(string json, bool allowCommentsAndTrailingCommas = false)
        => Read(json, ProviderConfigJsonContext.Default.ProviderKeyUpdate, allowCommentsAndTrailingCommas, "a provider key update");

    /// <summary>Loads configurations saved with <see cref="Serialize(IEnumerable{ProviderConfiguration}, bool)"/>. Their masks are not taken for the gateway's current ones.</summary>
    /// <param name="json">The JSON array.</param>
    /// <param name="allowCommentsAndTrailingCommas">Whether to accept comments and trailing commas.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is invalid or not an array of provider configurations.</exception>
    public static IReadOnlyList<ProviderConfiguration> DeserializeConfigurations(string json, bool allowCommentsAndTrailingCommas = false)
    {
        var configurations = Read(json, ProviderConfigJsonContext.Default.IReadOnlyListProviderConfiguration, allowCommentsAndTrailingCommas, "an array of provider configurations");
        foreach (var configuration in configurations)
        {
            if (configuration is null)
            {
                throw new JsonException("Expected an array of provider configurations but found a null item.");
            }

            configuration.Source = null;
        }

        return configurations;
    }

    /// <summary>Loads keys saved with <see cref="Serialize(IEnumerable{ProviderKey}, bool)"/>. Their masks are not taken for the gateway's current ones.</summary>
    /// <param name="json">The JSON array.</param>
    /// <param name="allowCommentsAndTrailingCommas">Whether to accept comments and trailing commas.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The JSON is invalid or not an array of provider keys.</exception>
    public static IReadOnlyList<ProviderKey> DeserializeKeys(string json, bool allowCommentsAndTrailingCommas = false)
    {
        var keys = Read(json, ProviderConfigJsonContext.Default.IReadOnlyListProviderKey, allowCommentsAndTrailingCommas, "an array of provider keys");
        foreach (var key in keys)
        {
            if (key is null)
            {
                throw new JsonException("Expected an array of provider keys but found a null item.");
            }

            key.Source = null;
        }

        return keys;
    }

    private static string Write<T>(T value, JsonTypeInfo<T> type, bool indented)
    {
        ArgumentNullException.ThrowIfNull(value);
        return indented ? JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Indented.GetTypeInfo(typeof(T))) : JsonSerializer.Serialize(value, type);
    }

    private static T Read<T>(string json, JsonTypeInfo<T> type, bool lenient, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        var typeInfo = lenient ? (JsonTypeInfo<T>)Lenient.GetTypeInfo(typeof(T)) : type;
        return JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException($"Expected {what} but found null.");
    }
}
