using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway's provider table. One lock serializes every read and write, like the gateway's in-process mutex, so a
/// PUT's read-modify-write is atomic under concurrent callers.
/// </summary>
internal sealed class ProviderStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _providers = new(StringComparer.Ordinal);

    /// <summary>The redacted GET view, or null when there is no such provider.</summary>
    public JsonObject? Render(string name, SecretValueShape shape)
    {
        lock (_gate)
        {
            return _providers.TryGetValue(name, out var stored) ? ProviderView.Render(name, stored, shape) : null;
        }
    }

    /// <summary>Applies a PUT (upsert) and returns the redacted PUT view; throws <see cref="ValidationFailure"/> on a 400.</summary>
    public JsonObject Update(string name, string? body, SecretValueShape shape)
    {
        lock (_gate)
        {
            _providers.TryGetValue(name, out var old);
            var next = ProviderUpdateHandler.Apply(name, body, old, shape);
            _providers[name] = next;
            return ProviderView.Render(name, next, shape, providerStatus: "active");
        }
    }

    public void Set(string name, JsonObject normalized)
    {
        lock (_gate)
        {
            _providers[name] = normalized;
        }
    }

    public JsonObject? GetStored(string name)
    {
        lock (_gate)
        {
            return _providers.TryGetValue(name, out var stored) ? stored.DeepClone().AsObject() : null;
        }
    }

    public bool Remove(string name)
    {
        lock (_gate)
        {
            return _providers.Remove(name);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _providers.Clear();
        }
    }

    public IReadOnlyList<string> Names()
    {
        lock (_gate)
        {
            return [.. _providers.Keys.Order(StringComparer.Ordinal)];
        }
    }
}
