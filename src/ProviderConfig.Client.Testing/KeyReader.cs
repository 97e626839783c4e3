using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// Decodes a key body into the stub's storage format, as strictly as Go's decoder into <c>schemas.Key</c>: a wrong
/// JSON type is an error, <c>null</c> leaves the zero value, unknown members are dropped. Secrets are stored as
/// <c>{"value", "ref"?, "type"}</c>; aliases with only <c>model_id</c> as a bare string, others as objects.
/// </summary>
internal static class KeyReader
{
    /// <summary>Reads a key.</summary>
    /// <param name="body">The key as JSON.</param>
    /// <param name="raw">
    /// True for <see cref="BifrostStubServer.SetKey"/>: a reference's <c>value</c> is kept as its resolved value. False for
    /// request bodies: the gateway resolves a reference itself, so the value sent with it is dropped.
    /// </param>
    /// <exception cref="InvalidPayloadException">A member has the wrong JSON type.</exception>
    public static JsonObject Read(JsonObject body, bool raw)
    {
        var key = new JsonObject
        {
            ["id"] = PayloadReader.ReadString(body["id"], "id"),
            ["name"] = PayloadReader.ReadString(body["name"], "name"),
            [KeySchema.Value] = (ReadSecret(body[KeySchema.Value], KeySchema.Value, raw) ?? new Secret(string.Empty, string.Empty, Secret.PlainText)).ToStored(),
        };
        AddIfNotNull(key, KeySchema.Models, ReadList(body[KeySchema.Models], KeySchema.Models));
        AddIfNotNull(key, KeySchema.BlacklistedModels, ReadList(body[KeySchema.BlacklistedModels], KeySchema.BlacklistedModels));
        key["weight"] = ReadNumber(body["weight"], "weight");
        if (ReadAliases(body[KeySchema.Aliases], raw) is { Count: > 0 } aliases)
        {
            key[KeySchema.Aliases] = aliases;
        }

        foreach (var block in KeySchema.Blocks)
        {
            if (PayloadReader.ReadObject(body[block.Name], block.Name) is { } given)
            {
                key[block.Name] = ReadFields(given, block.Fields, block.Name, raw);
            }
        }

        foreach (var flag in new[] { "enabled", "use_for_batch_api", "use_anthropic_endpoints" })
        {
            if (body[flag] is not null)
            {
                key[flag] = PayloadReader.ReadBool(body[flag], flag);
            }
        }

        foreach (var text in new[] { "config_hash", "status", "description" })
        {
            var value = PayloadReader.ReadString(body[text], text);
            if (value.Length > 0)
            {
                key[text] = value;
            }
        }

        return key;
    }

    /// <summary>The key's members rebuilt in struct order (after a merge added some at the end); a copy.</summary>
    public static JsonObject Canonical(JsonObject key)
    {
        var ordered = new JsonObject();
        foreach (var name in KeySchema.TopLevelOrder)
        {
            if (name == "*")
            {
                foreach (var block in KeySchema.Blocks)
                {
                    CopyIfPresent(key, ordered, block.Name);
                }
            }
            else
            {
                CopyIfPresent(key, ordered, name);
            }
        }

        return ordered;
    }

    /// <summary>A stored secret exactly as stored (an empty type stays empty).</summary>
    public static Secret? StoredSecret(JsonNode? node) => node is JsonObject obj
        ? new Secret(obj["value"]?.GetValue<string>() ?? string.Empty, obj["ref"]?.GetValue<string>() ?? string.Empty, obj["type"]?.GetValue<string>() ?? string.Empty)
        : null;

    /// <summary>Whether a stored secret holds anything: a value, or a reference (which the gateway would have resolved).</summary>
    public static bool IsSet(Secret? secret) => secret is not null && (secret.Value.Length > 0 || secret.IsReference);

    private static Secret? ReadSecret(JsonNode? node, string path, bool raw)
    {
        var secret = Secret.Read(node, path);
        return secret is { IsReference: true } && !raw ? secret with { Value = string.Empty } : secret;
    }

    private static JsonObject ReadFields(JsonObject given, IEnumerable<KeyField> fields, string path, bool raw)
    {
        var stored = new JsonObject();
        foreach (var field in fields)
        {
            var node = given[field.Name];
            var fieldPath = path + "." + field.Name;
            switch (field.Kind)
            {
                case KeyFieldKind.Masked or KeyFieldKind.Endpoint or KeyFieldKind.ClearSecret:
                    AddIfNotNull(stored, field.Name, ReadSecret(node, fieldPath, raw)?.ToStored());
                    break;
                case KeyFieldKind.Text or KeyFieldKind.RedactedPath:
                    var text = PayloadReader.ReadString(node, fieldPath);
                    if (text.Length > 0)
                    {
                        stored[field.Name] = text;
                    }

                    break;
                case KeyFieldKind.Flag:
                    if (PayloadReader.ReadBool(node, fieldPath))
                    {
                        stored[field.Name] = true;
                    }

                    break;
                case KeyFieldKind.OptionalFlag:
                    if (node is not null)
                    {
                        stored[field.Name] = PayloadReader.ReadBool(node, fieldPath);
                    }

                    break;
                case KeyFieldKind.TextList:
                    if (ReadList(node, fieldPath) is { Count: > 0 } list)
                    {
                        stored[field.Name] = list;
                    }

                    break;
                default:
                    AddIfNotNull(stored, field.Name, PayloadReader.ReadObject(node, fieldPath)?.DeepClone());
                    break;
            }
        }

        return stored;
    }

    /// <summary>A Go <c>[]string</c>: null stays null (the caller decides what that means), a null element is <c>""</c>.</summary>
    private static JsonArray? ReadList(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray items:
                var list = new JsonArray();
                foreach (var item in items)
                {
                    list.Add((JsonNode?)PayloadReader.ReadString(item, path + "[]"));
                }

                return list;
            default:
                throw new InvalidPayloadException($"{path}: expected an array of strings");
        }
    }

    private static JsonValue ReadNumber(JsonNode? node, string path) => node switch
    {
        null => JsonValue.Create(0d),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => JsonValue.Create(value.GetValue<JsonElement>().GetDouble()),
        _ => throw new InvalidPayloadException($"{path}: expected a number"),
    };

    /// <summary>
    /// <c>KeyAliases</c>: each value a bare string (the deployment / model id) or an <c>AliasConfig</c> object. One with
    /// only <c>model_id</c> is kept as a bare string, the form the gateway writes it in.
    /// </summary>
    private static JsonObject ReadAliases(JsonNode? node, bool raw)
    {
        var aliases = new JsonObject();
        foreach (var (source, value) in PayloadReader.ReadObject(node, KeySchema.Aliases) ?? [])
        {
            var path = $"{KeySchema.Aliases}.{source}";
            switch (value)
            {
                case null:
                    aliases[source] = string.Empty;
                    break;
                case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                    aliases[source] = text.GetValue<string>();
                    break;
                case JsonObject config:
                    var stored = ReadFields(config, KeySchema.AliasFields, path, raw);
                    var modelId = stored["model_id"]?.GetValue<string>() ?? string.Empty;
                    aliases[source] = stored.Count == (modelId.Length > 0 ? 1 : 0) ? modelId : stored;
                    break;
                default:
                    throw new InvalidPayloadException($"{path}: expected a string or an object");
            }
        }

        return aliases;
    }

    private static void AddIfNotNull(JsonObject target, string name, JsonNode? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void CopyIfPresent(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value)
        {
            to[name] = value.DeepClone();
        }
    }
}
