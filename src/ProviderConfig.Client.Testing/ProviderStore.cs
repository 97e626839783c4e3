using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway's provider and key tables. One lock serializes every read and write, like the gateway's in-process
/// mutex, so a PUT's read-modify-write is atomic under concurrent callers, and key names are checked for uniqueness
/// across all providers at once. Keys are held raw (unmasked) per provider in insertion order: an update keeps the
/// position, a delete closes the gap.
/// </summary>
internal sealed class ProviderStore
{
    private const string KeyNotFound = "Provider key not found: not found";
    private const string NameTaken = "API key names must be unique across providers. Choose a different name";
    private const string RefreshInProgress = "model refresh already in progress for this provider";

    private readonly object _gate = new();
    private readonly Dictionary<string, JsonObject> _providers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refreshesInProgress = new(StringComparer.Ordinal);

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

    /// <summary>
    /// Applies a PUT (upsert) and returns the redacted PUT view; throws <see cref="ValidationFailure"/> on a 400, or on the
    /// 500 of a name the core cannot load, after storing the row.
    /// </summary>
    public JsonObject Update(string name, string? body, SecretValueShape shape)
    {
        lock (_gate)
        {
            _providers.TryGetValue(name, out var old);
            JsonObject next;
            try
            {
                next = ProviderUpdateHandler.Apply(name, body, old, shape);
            }
            catch (ReloadFailure failure)
            {
                // Persisted before the core reload failed: the row stays, and GET shows it with provider_status "error".
                _providers[name] = failure.Stored;
                throw new ValidationFailure(500, failure.Message);
            }

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

    /// <summary>Deletes a provider and, like the gateway's <c>ON DELETE CASCADE</c>, its keys.</summary>
    public bool Remove(string name)
    {
        lock (_gate)
        {
            _keys.Remove(name);
            return _providers.Remove(name);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _providers.Clear();
            _keys.Clear();
            _refreshesInProgress.Clear();
        }
    }

    public IReadOnlyList<string> Names()
    {
        lock (_gate)
        {
            return [.. _providers.Keys.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary><c>GET .../keys</c> (management contract 3.1): <c>keys</c> is null when the provider has none.</summary>
    public JsonObject ListKeys(string provider, SecretValueShape shape)
    {
        lock (_gate)
        {
            if (!_providers.ContainsKey(provider))
            {
                throw new ValidationFailure(404, EmulatedGateway.ProviderNotFound);
            }

            return KeyList(provider, shape);
        }
    }

    /// <summary><c>GET .../keys/{key_id}</c>: the same 404 for a missing key and a missing provider.</summary>
    public JsonObject GetKey(string provider, string keyId, SecretValueShape shape)
    {
        lock (_gate)
        {
            return KeyView.Render(FindKey(provider, keyId).Key, shape);
        }
    }

    /// <summary><c>POST .../keys</c> in the order of management contract 3.3.</summary>
    public JsonObject CreateKey(string provider, string? body, SecretValueShape shape)
    {
        var payload = ProviderUpdateHandler.ParseObject(body);
        var key = ProviderUpdateHandler.Read(() => KeyReader.Read(payload, raw: false));
        lock (_gate)
        {
            var config = KeyedProvider(provider, "Cannot add keys to a keyless provider");
            KeyValidator.Validate(BaseProvider(provider, config), key, stored: null, shape);
            if (key["id"]!.GetValue<string>().Length == 0)
            {
                key["id"] = Guid.NewGuid().ToString();
            }

            key["enabled"] ??= true;
            CheckUnique(key, except: null);
            key["status"] = "success";
            key = KeyReader.Canonical(key);
            KeysOf(provider).Add(key);
            return KeyView.Render(key, shape);
        }
    }

    /// <summary><c>PUT .../keys/{key_id}</c> in the order of management contract 3.4: a full replacement.</summary>
    public JsonObject UpdateKey(string provider, string keyId, string? body, SecretValueShape shape)
    {
        var payload = ProviderUpdateHandler.ParseObject(body);
        var sent = ProviderUpdateHandler.Read(() => KeyReader.Read(payload, raw: false));
        lock (_gate)
        {
            var config = KeyedProvider(provider, "Cannot update keys on a keyless provider");
            var (keys, index, stored) = FindKey(provider, keyId);
            var merged = KeyMerge.Merge(stored, payload, sent, keyId, shape);
            KeyValidator.Validate(BaseProvider(provider, config), merged, stored, shape);
            CheckUnique(merged, except: stored);
            merged["status"] = "success";
            keys[index] = KeyReader.Canonical(merged);
            return KeyView.Render(keys[index], shape);
        }
    }

    /// <summary><c>DELETE .../keys/{key_id}</c>: answers the deleted key as it was shown before.</summary>
    public JsonObject DeleteKey(string provider, string keyId, SecretValueShape shape)
    {
        lock (_gate)
        {
            KeyedProvider(provider, "Cannot delete keys on a keyless provider");
            var (keys, index, stored) = FindKey(provider, keyId);
            var view = KeyView.Render(stored, shape);
            keys.RemoveAt(index);
            return view;
        }
    }

    /// <summary>
    /// <c>POST .../refresh-models</c>: simulated discovery of every enabled key (status <c>success</c>, description
    /// cleared), then the key list as read back.
    /// </summary>
    public JsonObject RefreshProvider(string provider, SecretValueShape shape)
    {
        lock (_gate)
        {
            if (!_providers.ContainsKey(provider))
            {
                throw new ValidationFailure(404, EmulatedGateway.ProviderNotFound);
            }

            TakeRefreshSlot(provider);
            var keys = KeysOf(provider);
            for (var i = 0; i < keys.Count; i++)
            {
                if (keys[i]["enabled"] is not JsonValue enabled || enabled.GetValue<bool>())
                {
                    keys[i] = Discovered(keys[i]);
                }
            }

            return KeyList(provider, shape);
        }
    }

    /// <summary><c>POST .../keys/{key_id}/refresh-models</c>: simulated discovery of one key.</summary>
    public JsonObject RefreshKey(string provider, string keyId, SecretValueShape shape)
    {
        lock (_gate)
        {
            var (keys, index, key) = FindKey(provider, keyId);
            TakeRefreshSlot(provider);
            keys[index] = Discovered(key);
            return KeyView.Render(keys[index], shape);
        }
    }

    /// <summary>Stores a raw key for <see cref="BifrostStubServer.SetKey"/>, replacing the one with its id in place.</summary>
    /// <exception cref="ArgumentException">No such provider.</exception>
    public void SetKey(string provider, JsonObject key)
    {
        lock (_gate)
        {
            if (!_providers.ContainsKey(provider))
            {
                throw new ArgumentException($"No provider named '{provider}' is stored; set it first.", nameof(provider));
            }

            if (key["id"]!.GetValue<string>().Length == 0)
            {
                key["id"] = Guid.NewGuid().ToString();
            }

            var keys = KeysOf(provider);
            var index = keys.FindIndex(k => k["id"]!.GetValue<string>() == key["id"]!.GetValue<string>());
            if (index < 0)
            {
                keys.Add(key);
            }
            else
            {
                keys[index] = key;
            }
        }
    }

    /// <summary>Copies of a provider's stored keys, in stored order; empty for an unknown provider.</summary>
    public IReadOnlyList<JsonObject> GetStoredKeys(string provider)
    {
        lock (_gate)
        {
            return _keys.TryGetValue(provider, out var keys) ? [.. keys.Select(k => k.DeepClone().AsObject())] : [];
        }
    }

    /// <summary>Makes the next <paramref name="count"/> refreshes of <paramref name="provider"/> answer 409; 0 cancels.</summary>
    public void SimulateRefreshInProgress(string provider, int count)
    {
        lock (_gate)
        {
            if (count == 0)
            {
                _refreshesInProgress.Remove(provider);
            }
            else
            {
                _refreshesInProgress[provider] = count;
            }
        }
    }

    private JsonObject KeyList(string provider, SecretValueShape shape)
    {
        var keys = _keys.TryGetValue(provider, out var stored) ? stored : [];

        // Go appends to a nil slice: no keys is "keys": null, not [].
        JsonArray? views = keys.Count == 0 ? null : [.. keys.Select(k => (JsonNode)KeyView.Render(k, shape))];
        return new JsonObject { ["keys"] = views, ["total"] = keys.Count };
    }

    /// <summary>Steps 2 and 3 of the key writes: the provider must exist (404) and not be keyless (400).</summary>
    private JsonObject KeyedProvider(string provider, string keylessMessage)
    {
        if (!_providers.TryGetValue(provider, out var config))
        {
            throw new ValidationFailure(404, EmulatedGateway.ProviderNotFound);
        }

        if (config["custom_provider_config"]?["is_key_less"] is JsonValue keyless && keyless.GetValue<bool>())
        {
            throw new ValidationFailure(400, keylessMessage);
        }

        return config;
    }

    private static string BaseProvider(string provider, JsonObject config)
        => config["custom_provider_config"]?["base_provider_type"]?.GetValue<string>() is { Length: > 0 } baseType ? baseType : provider;

    private (List<JsonObject> Keys, int Index, JsonObject Key) FindKey(string provider, string keyId)
    {
        if (_keys.TryGetValue(provider, out var keys))
        {
            var index = keys.FindIndex(k => k["id"]!.GetValue<string>() == keyId);
            if (index >= 0)
            {
                return (keys, index, keys[index]);
            }
        }

        throw new ValidationFailure(404, KeyNotFound);
    }

    /// <summary>The unique indexes on key name and key id, across every provider.</summary>
    private void CheckUnique(JsonObject key, JsonObject? except)
    {
        var name = key["name"]!.GetValue<string>();
        var id = key["id"]!.GetValue<string>();
        foreach (var other in _keys.Values.SelectMany(k => k))
        {
            if (!ReferenceEquals(other, except) && (other["name"]!.GetValue<string>() == name || other["id"]!.GetValue<string>() == id))
            {
                throw new ValidationFailure(409, NameTaken);
            }
        }
    }

    private void TakeRefreshSlot(string provider)
    {
        if (_refreshesInProgress.TryGetValue(provider, out var remaining))
        {
            if (remaining <= 1)
            {
                _refreshesInProgress.Remove(provider);
            }
            else
            {
                _refreshesInProgress[provider] = remaining - 1;
            }

            throw new ValidationFailure(409, RefreshInProgress);
        }
    }

    /// <summary>A successful simulated model discovery: status <c>success</c>, no error description.</summary>
    private static JsonObject Discovered(JsonObject key)
    {
        key["status"] = "success";
        key.Remove("description");
        return KeyReader.Canonical(key);
    }

    private List<JsonObject> KeysOf(string provider)
    {
        if (!_keys.TryGetValue(provider, out var keys))
        {
            keys = [];
            _keys[provider] = keys;
        }

        return keys;
    }
}
