using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// Decodes JSON into the gateway's Go structs, as strictly as <c>encoding/json</c>: a wrong JSON type is an error,
/// <c>null</c> leaves the zero value, unknown members are dropped. Every block comes back normalized in the shape this
/// stub stores (zero/empty optional fields left out).
/// </summary>
internal static class PayloadReader
{
    private const long NanosecondsPerMillisecond = 1_000_000;

    public static string ReadString(JsonNode? node, string path) => node switch
    {
        null => string.Empty,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => throw new InvalidPayloadException($"{path}: expected a string"),
    };

    public static bool ReadBool(JsonNode? node, string path) => node switch
    {
        null => false,
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
        _ => throw new InvalidPayloadException($"{path}: expected a boolean"),
    };

    public static long ReadInteger(JsonNode? node, string path)
    {
        if (node is null)
        {
            return 0;
        }

        // Go rejects 1.5 and 1.0 alike for an int; JsonElement.TryGetInt64 does the same.
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.GetValue<JsonElement>().TryGetInt64(out var number))
        {
            return number;
        }

        throw new InvalidPayloadException($"{path}: expected an integer");
    }

    public static JsonObject? ReadObject(JsonNode? node, string path) => node switch
    {
        null => null,
        JsonObject obj => obj,
        _ => throw new InvalidPayloadException($"{path}: expected an object"),
    };

    /// <summary>
    /// A backoff as nanoseconds: integer milliseconds or a Go duration string. Zero, negative and null are ignored
    /// (0 = runtime default); floats and unit-less strings are errors, as in <c>NetworkConfig.UnmarshalJSON</c>.
    /// </summary>
    public static long ReadBackoff(JsonNode? node, string path)
    {
        long nanoseconds;
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            if (!GoDuration.TryParse(value.GetValue<string>(), out var duration))
            {
                throw new InvalidPayloadException($"{path}: not a Go duration");
            }

            nanoseconds = duration.Ticks > long.MaxValue / 100 ? long.MaxValue : duration.Ticks * 100;
        }
        else
        {
            var milliseconds = ReadInteger(node, path);
            nanoseconds = milliseconds > long.MaxValue / NanosecondsPerMillisecond ? long.MaxValue : milliseconds * NanosecondsPerMillisecond;
        }

        return Math.Max(0, nanoseconds);
    }

    public static JsonObject ReadStringMap(JsonNode? node, string path)
    {
        var result = new JsonObject();
        foreach (var (key, item) in ReadObject(node, path) ?? [])
        {
            result[key] = ReadString(item, $"{path}.{key}");
        }

        return result;
    }

    public static JsonObject ReadBoolMap(JsonNode? node, string path)
    {
        var result = new JsonObject();
        foreach (var (key, item) in ReadObject(node, path) ?? [])
        {
            result[key] = ReadBool(item, $"{path}.{key}");
        }

        return result;
    }

    /// <summary><c>network_config</c>, in the order of <c>NetworkConfig.MarshalJSON</c>; backoffs kept in nanoseconds for validation.</summary>
    public static NetworkBlock ReadNetworkConfig(JsonNode? node)
    {
        const string P = "network_config";
        var obj = ReadObject(node, P) ?? [];
        var initial = ReadBackoff(obj["retry_backoff_initial"], P + ".retry_backoff_initial");
        var max = ReadBackoff(obj["retry_backoff_max"], P + ".retry_backoff_max");
        var caCert = Secret.Read(obj["ca_cert_pem"], P + ".ca_cert_pem");

        var stored = new JsonObject();
        AddIfNotEmpty(stored, "base_url", ReadString(obj["base_url"], P + ".base_url"));
        AddIfNotEmpty(stored, "extra_headers", ReadStringMap(obj["extra_headers"], P + ".extra_headers"));
        stored["default_request_timeout_in_seconds"] = ReadInteger(obj["default_request_timeout_in_seconds"], P + ".default_request_timeout_in_seconds");
        stored["max_retries"] = ReadInteger(obj["max_retries"], P + ".max_retries");
        stored["retry_backoff_initial"] = initial / NanosecondsPerMillisecond;
        stored["retry_backoff_max"] = max / NanosecondsPerMillisecond;
        AddIfTrue(stored, "insecure_skip_verify", ReadBool(obj["insecure_skip_verify"], P + ".insecure_skip_verify"));

        // Output is a plain string even for a secret object: the reference when there is one, else the value.
        AddIfNotEmpty(stored, "ca_cert_pem", caCert is null ? string.Empty : caCert.IsReference ? caCert.Ref : caCert.Value);
        AddIfNotZero(stored, "stream_idle_timeout_in_seconds", ReadInteger(obj["stream_idle_timeout_in_seconds"], P + ".stream_idle_timeout_in_seconds"));
        AddIfNotZero(stored, "keep_alive_timeout_in_seconds", ReadInteger(obj["keep_alive_timeout_in_seconds"], P + ".keep_alive_timeout_in_seconds"));
        AddIfNotZero(stored, "max_conns_per_host", ReadInteger(obj["max_conns_per_host"], P + ".max_conns_per_host"));
        AddIfTrue(stored, "enforce_http2", ReadBool(obj["enforce_http2"], P + ".enforce_http2"));
        AddIfNotEmpty(stored, "beta_header_overrides", ReadBoolMap(obj["beta_header_overrides"], P + ".beta_header_overrides"));
        AddIfTrue(stored, "allow_private_network", ReadBool(obj["allow_private_network"], P + ".allow_private_network"));
        return new NetworkBlock(stored, initial, max);
    }

    public static JsonObject ReadConcurrency(JsonNode? node)
    {
        var obj = ReadObject(node, "concurrency_and_buffer_size") ?? [];
        return new JsonObject
        {
            ["concurrency"] = ReadInteger(obj["concurrency"], "concurrency_and_buffer_size.concurrency"),
            ["buffer_size"] = ReadInteger(obj["buffer_size"], "concurrency_and_buffer_size.buffer_size"),
        };
    }

    /// <summary><c>proxy_config</c> with its secrets normalized; null for JSON null.</summary>
    public static JsonObject? ReadProxyConfig(JsonNode? node)
    {
        var obj = ReadObject(node, "proxy_config");
        if (obj is null)
        {
            return null;
        }

        var stored = new JsonObject { ["type"] = ReadString(obj["type"], "proxy_config.type") };
        foreach (var field in ProxySecretFields.All)
        {
            stored[field] = Secret.Read(obj[field], "proxy_config." + field)?.ToStored();
        }

        return stored;
    }

    public static JsonObject? ReadCustomProviderConfig(JsonNode? node)
    {
        const string P = "custom_provider_config";
        var obj = ReadObject(node, P);
        if (obj is null)
        {
            return null;
        }

        var stored = new JsonObject
        {
            ["is_key_less"] = ReadBool(obj["is_key_less"], P + ".is_key_less"),
            ["base_provider_type"] = ReadString(obj["base_provider_type"], P + ".base_provider_type"),
        };
        if (ReadObject(obj["allowed_requests"], P + ".allowed_requests") is { } allowed)
        {
            // Every flag is a non-omitempty bool: a missing flag is false (denied), an unknown one is dropped.
            var flags = new JsonObject();
            foreach (var flag in KnownProviders.AllowedRequestFlags)
            {
                flags[flag] = ReadBool(allowed[flag], $"{P}.allowed_requests.{flag}");
            }

            stored["allowed_requests"] = flags;
        }

        AddIfNotEmpty(stored, "request_path_overrides", ReadStringMap(obj["request_path_overrides"], P + ".request_path_overrides"));
        return stored;
    }

    public static JsonObject? ReadOpenAIConfig(JsonNode? node)
    {
        var obj = ReadObject(node, "openai_config");
        return obj is null ? null : new JsonObject { ["disable_store"] = ReadBool(obj["disable_store"], "openai_config.disable_store") };
    }

    public static JsonObject? ReadPromptCache(JsonNode? node)
    {
        const string P = "prompt_cache";
        var obj = ReadObject(node, P);
        if (obj is null)
        {
            return null;
        }

        var stored = new JsonObject { ["auto_inject"] = ReadBool(obj["auto_inject"], P + ".auto_inject") };
        if (obj.ContainsKey("ttl"))
        {
            stored["ttl"] = ReadString(obj["ttl"], P + ".ttl");
        }

        switch (obj["injection_points"])
        {
            case null:
                break;
            case JsonArray points:
                var storedPoints = new JsonArray();
                foreach (var point in points)
                {
                    var p = ReadObject(point, P + ".injection_points[]") ?? [];
                    var storedPoint = new JsonObject { ["location"] = ReadString(p["location"], P + ".injection_points[].location") };
                    AddIfNotEmpty(storedPoint, "role", ReadString(p["role"], P + ".injection_points[].role"));
                    if (p["index"] is not null)
                    {
                        storedPoint["index"] = ReadInteger(p["index"], P + ".injection_points[].index");
                    }

                    storedPoints.Add((JsonNode)storedPoint);
                }

                if (storedPoints.Count > 0)
                {
                    stored["injection_points"] = storedPoints;
                }

                break;
            default:
                throw new InvalidPayloadException(P + ".injection_points: expected an array");
        }

        return stored;
    }

    private static void AddIfNotEmpty(JsonObject target, string name, string value)
    {
        if (value.Length > 0)
        {
            target[name] = value;
        }
    }

    private static void AddIfNotEmpty(JsonObject target, string name, JsonObject value)
    {
        if (value.Count > 0)
        {
            target[name] = value;
        }
    }

    private static void AddIfNotZero(JsonObject target, string name, long value)
    {
        if (value != 0)
        {
            target[name] = value;
        }
    }

    private static void AddIfTrue(JsonObject target, string name, bool value)
    {
        if (value)
        {
            target[name] = true;
        }
    }
}
