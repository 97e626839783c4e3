using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Declarative;

/// <summary>
/// Paths into the JSON form of an update, in the notation <see cref="ProviderConfigDiff"/> prints, mapped to their
/// member names so a planned change can be applied to a fresh read.
/// </summary>
internal static class JsonTree
{
    public static void Index(JsonNode? node, string path, string[] segments, Dictionary<string, string[]> map)
    {
        map.TryAdd(path, segments);
        if (node is not JsonObject obj)
        {
            return;
        }

        foreach (var (key, value) in obj)
        {
            Index(value, ProviderConfigDiff.Child(path, key), [.. segments, key], map);
        }
    }

    public static bool TryGet(JsonNode? root, string[] segments, out JsonNode? value)
    {
        value = root;
        foreach (var segment in segments)
        {
            if (value is not JsonObject obj || !obj.TryGetPropertyValue(segment, out value))
            {
                value = null;
                return false;
            }
        }

        return true;
    }

    public static void Set(JsonObject root, string[] segments, JsonNode? value)
    {
        var parent = root;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (parent[segments[i]] is not JsonObject child)
            {
                child = new JsonObject();
                parent[segments[i]] = child;
            }

            parent = child;
        }

        parent[segments[^1]] = value?.DeepClone();
    }

    public static void Remove(JsonObject root, string[] segments)
    {
        if (segments.Length > 0 && TryGet(root, segments[..^1], out var parent) && parent is JsonObject obj)
        {
            obj.Remove(segments[^1]);
        }
    }
}
