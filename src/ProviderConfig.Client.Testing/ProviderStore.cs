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

    /// <summary>
    /// The body of <c>GET /api/providers</c>: every provider's GET view (with its stored <c>provider_status</c>), sorted by
    /// name in byte order as Go's <c>sort.Slice</c> on strings does, and the count.
    /// </summary>
    public JsonObject List(SecretValueShape shape)
    {
        lock (_gate)
        {
            var providers = new JsonArray();
            foreach (var name in _providers.Keys.Order(StringComparer.Ordinal))
            {
                providers.Add((JsonNode)ProviderView.Render(name, _providers[name], shape));
            }

            return new JsonObject { ["providers"] = providers, ["total"] = providers.Count };
        }
    }

    /// <summary>Applies a <c>POST /api/providers</c> and returns the redacted view; throws <see cref="ValidationFailure"/> on a 400 or 409.</summary>
    public JsonObject Create(string? body, SecretValueShape shape)
    {
        lock (_gate)
        {
            var (name, stored) = ProviderCreateHandler.Apply(body, _providers.ContainsKey);
            _providers[name] = stored;
            return ProviderView.Render(name, stored, shape, providerStatus: "active");
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
