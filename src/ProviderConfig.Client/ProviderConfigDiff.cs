using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// The field-by-field difference between two provider configurations or updates, as they would be sent: JSON paths
/// with old and new values, fields this SDK does not know included, secrets masked. Read-only status fields
/// (<c>name</c>, <c>provider_status</c>, ...) and a <c>keys</c> array read from an older gateway are never sent, so
/// they are not compared, even when they sit in <c>ExtensionData</c>.
/// </summary>
/// <example><code>
/// var diff = ProviderConfigDiff.Between(current, current.ToUpdate() with { ... });
/// Console.WriteLine(diff); // "~ network_config.max_retries: 0 -> 3"
/// </code></example>
public sealed class ProviderConfigDiff
{
    private const string Hidden = "\"(secret)\"";

    private static readonly HashSet<string> ProviderSecretPaths = new(StringComparer.Ordinal)
    {
        "network_config.ca_cert_pem", "proxy_config.url", "proxy_config.username", "proxy_config.password", "proxy_config.ca_cert_pem",
    };

    private ProviderConfigDiff(IReadOnlyList<ProviderConfigChange> changes) => Changes = changes;

    /// <summary>Every field that differs, in document order.</summary>
    public IReadOnlyList<ProviderConfigChange> Changes { get; }

    /// <summary>Whether the two are the same as far as a PUT is concerned.</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>Compares <paramref name="before"/> with <paramref name="after"/> (a <see cref="ProviderConfiguration"/> is compared by its writable part).</summary>
    public static ProviderConfigDiff Between(ProviderUpdate before, ProviderUpdate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<ProviderConfigChange>();
        Compare(ToNode(before), ToNode(after), string.Empty, changes, ProviderSecretPaths);
        return new ProviderConfigDiff(changes);
    }

    /// <summary>
    /// Compares two keys or key updates (a <see cref="ProviderKey"/> is compared by its writable part). Every secret,
    /// the key's value and each secret member of its blocks and aliases, is shown only as its reference or <c>"(secret)"</c>.
    /// </summary>
    public static ProviderConfigDiff Between(ProviderKeyUpdate before, ProviderKeyUpdate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var secretPaths = before.SecretFields().Concat(after.SecretFields()).Select(static f => f.Path).ToHashSet(StringComparer.Ordinal);
        var changes = new List<ProviderConfigChange>();
        Compare(ToNode(before), ToNode(after), string.Empty, changes, secretPaths);
        return new ProviderConfigDiff(changes);
    }

    /// <summary>One change per line; "(no changes)" when empty.</summary>
    public override string ToString() => IsEmpty ? "(no changes)" : string.Join(Environment.NewLine, Changes);

    /// <summary>The update as a write sends it (<see cref="ProviderUpdate.ForWire"/>), as a JSON tree.</summary>
    internal static JsonNode ToNode(ProviderUpdate update)
        => JsonSerializer.SerializeToNode(update.ForWire(), ProviderConfigJsonContext.Default.ProviderUpdate)!;

    internal static JsonNode ToNode(ProviderKeyUpdate update)
        => JsonSerializer.SerializeToNode(update, ProviderConfigJsonContext.Default.ProviderKeyUpdate)!;

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<ProviderConfigChange> changes, HashSet<string> secretPaths)
    {
        if (before is JsonObject oldObject && after is JsonObject newObject && !secretPaths.Contains(path))
        {
            foreach (var (key, oldValue) in oldObject)
            {
                var child = Child(path, key);
                if (newObject.TryGetPropertyValue(key, out var newValue))
                {
                    Compare(oldValue, newValue, child, changes, secretPaths);
                }
                else
                {
                    changes.Add(new ProviderConfigChange(child, ProviderConfigChangeKind.Removed, Render(oldValue, child, secretPaths), null));
                }
            }

            foreach (var (key, newValue) in newObject)
            {
                if (!oldObject.ContainsKey(key))
                {
                    var child = Child(path, key);
                    changes.Add(new ProviderConfigChange(child, ProviderConfigChangeKind.Added, null, Render(newValue, child, secretPaths)));
                }
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            var oldText = Render(before, path, secretPaths);
            var newText = Render(after, path, secretPaths);
            if (oldText == newText && secretPaths.Contains(path))
            {
                newText = "\"(secret, changed)\"";
            }

            changes.Add(new ProviderConfigChange(path, ProviderConfigChangeKind.Changed, oldText, newText));
        }
    }

    /// <summary>The JSON path of member <paramref name="key"/> of <paramref name="path"/>: <c>a.b</c>, or <c>a["b-c"]</c> when the name is not a plain identifier.</summary>
    internal static string Child(string path, string key)
    {
        var segment = key.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_') ? key : "[" + JsonSerializer.Serialize(key, ProviderConfigJsonContext.Default.String) + "]";
        return path.Length == 0 ? segment : segment.StartsWith('[') ? path + segment : path + "." + segment;
    }

    /// <summary>The value as JSON, with every secret inside it replaced by its reference or <c>"(secret)"</c>.</summary>
    private static string Render(JsonNode? node, string path, HashSet<string> secretPaths)
    {
        if (node is null)
        {
            return "null";
        }

        if (secretPaths.Contains(path))
        {
            using var document = JsonDocument.Parse(node.ToJsonString());
            var secret = SecretValue.FromJson(document.RootElement);
            return secret.Reference is { } reference ? JsonSerializer.Serialize(reference, ProviderConfigJsonContext.Default.String) : Hidden;
        }

        if (node is JsonObject obj)
        {
            var masked = new JsonObject();
            foreach (var (key, value) in obj)
            {
                masked[key] = JsonNode.Parse(Render(value, Child(path, key), secretPaths));
            }

            return masked.ToJsonString();
        }

        return node.ToJsonString();
    }
}
