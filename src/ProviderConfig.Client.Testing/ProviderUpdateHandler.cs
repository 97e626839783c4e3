using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// <c>PUT /api/providers/{provider}</c> of the newest handler (contract 2.2): decode, validate in the gateway's
/// order with its exact messages, apply the block-presence rules of 1.7 and the masked-secret restore of 1.8.
/// </summary>
internal static class ProviderUpdateHandler
{
    private const string InvalidPayload = "Invalid request payload";
    private const string KeysNotAccepted = "keys are not accepted on this endpoint; use POST/PUT /api/providers/{provider}/keys[/{key_id}] to manage keys";
    private const long MinBackoffNanoseconds = 100L * 1_000_000;
    private const long MaxBackoffNanoseconds = 1_000_000L * 1_000_000;
    private static readonly HashSet<string> PromptCacheTtls = new(StringComparer.Ordinal) { "5m", "1h" };

    /// <summary>Computes the provider to store after a PUT of <paramref name="body"/>, or throws <see cref="ValidationFailure"/>.</summary>
    /// <param name="name">The provider name (path segment, unescaped).</param>
    /// <param name="body">The request body.</param>
    /// <param name="old">The stored provider, or null when the PUT creates it.</param>
    /// <param name="shape">The secret era: it decides what GET emits, and so what counts as a mask sent back unchanged.</param>
    public static JsonObject Apply(string name, string? body, JsonObject? old, SecretValueShape shape)
    {
        var payload = Decode(body);
        var next = old?.DeepClone().AsObject() ?? new JsonObject { ["provider_status"] = "active" };

        // Blocks replaced wholesale; omitted or null means zeros.
        var network = Read(() => PayloadReader.ReadNetworkConfig(payload["network_config"]));
        var concurrency = Read(() => PayloadReader.ReadConcurrency(payload["concurrency_and_buffer_size"]));
        var proxy = Read(() => PayloadReader.ReadProxyConfig(payload["proxy_config"]));
        var custom = Read(() => PayloadReader.ReadCustomProviderConfig(payload["custom_provider_config"]));
        var openAI = Read(() => PayloadReader.ReadOpenAIConfig(payload["openai_config"]));
        var promptCache = Read(() => PayloadReader.ReadPromptCache(payload["prompt_cache"]));
        var sendBackRawRequest = Read(() => PayloadReader.ReadBool(payload["send_back_raw_request"], "send_back_raw_request"));
        var sendBackRawResponse = Read(() => PayloadReader.ReadBool(payload["send_back_raw_response"], "send_back_raw_response"));
        var storeRaw = payload["store_raw_request_response"] is null
            ? (bool?)null
            : Read(() => PayloadReader.ReadBool(payload["store_raw_request_response"], "store_raw_request_response"));

        // Step 3 comes after the whole body decoded (step 2), so a type error elsewhere wins over keys.
        if (payload["keys"] is JsonArray { Count: > 0 })
        {
            throw new ValidationFailure(400, KeysNotAccepted);
        }

        CheckConcurrency(concurrency);
        CheckCustomProvider(name, custom, old?["custom_provider_config"] as JsonObject);
        CheckPromptCache(promptCache);
        CheckBackoff(network);
        CheckBaseUrl(network.Stored);

        next["network_config"] = RestoreNetworkCaCert(network.Stored, old?["network_config"] as JsonObject);
        next["concurrency_and_buffer_size"] = concurrency;
        if (payload.ContainsKey("proxy_config"))
        {
            SetOrRemove(next, "proxy_config", proxy is null ? null : RestoreProxySecrets(proxy, old?["proxy_config"] as JsonObject, shape));
        }

        next["send_back_raw_request"] = sendBackRawRequest;
        next["send_back_raw_response"] = sendBackRawResponse;
        if (storeRaw is { } store)
        {
            next["store_raw_request_response"] = store;
        }

        if (custom is not null)
        {
            next["custom_provider_config"] = custom;
        }

        if (payload.ContainsKey("openai_config"))
        {
            SetOrRemove(next, "openai_config", openAI);
        }

        if (payload.ContainsKey("prompt_cache"))
        {
            SetOrRemove(next, "prompt_cache", promptCache);
        }

        // The stub's hot reload always succeeds; status/description (model discovery) and config_hash are kept.
        next["provider_status"] = "active";
        return next;
    }

    /// <summary>Parses a body that must be a JSON object, or throws the gateway's 400 <c>Invalid request payload</c>.</summary>
    internal static JsonObject ParseObject(string? body)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrEmpty(body) ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            throw new ValidationFailure(400, InvalidPayload);
        }

        return node as JsonObject ?? throw new ValidationFailure(400, InvalidPayload);
    }

    /// <summary>Runs a decoding step; a wrong JSON type is the gateway's 400 <c>Invalid request payload</c>.</summary>
    internal static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidPayloadException)
        {
            throw new ValidationFailure(400, InvalidPayload);
        }
    }

    private static JsonObject Decode(string? body)
    {
        var payload = ParseObject(body);

        // Go decodes keys as []schemas.Key: anything but an array or null is a decode error.
        if (payload["keys"] is not (null or JsonArray))
        {
            throw new ValidationFailure(400, InvalidPayload);
        }

        return payload;
    }

    internal static void CheckConcurrency(JsonObject concurrency)
    {
        var workers = concurrency["concurrency"]!.GetValue<long>();
        var buffer = concurrency["buffer_size"]!.GetValue<long>();

        // The handler tests == 0, not <= 0: negative values get through (contract 2.2 step 5).
        if (workers == 0)
        {
            throw new ValidationFailure(400, "Concurrency must be greater than 0");
        }

        if (buffer == 0)
        {
            throw new ValidationFailure(400, "Buffer size must be greater than 0");
        }

        if (workers > buffer)
        {
            throw new ValidationFailure(400, "Concurrency must be less than or equal to buffer size");
        }
    }

    private static void CheckCustomProvider(string name, JsonObject? custom, JsonObject? oldCustom)
    {
        const string Prefix = "Invalid custom provider config: ";
        if (custom is null)
        {
            if (oldCustom is not null)
            {
                throw new ValidationFailure(400, $"{Prefix}custom_provider_config cannot be removed after creation for provider {name}");
            }

            return;
        }

        if (KnownProviders.Standard.Contains(name))
        {
            throw new ValidationFailure(400, $"{Prefix}custom provider validation failed: cannot be created on standard providers: {name}");
        }

        var baseType = custom["base_provider_type"]!.GetValue<string>();
        if (baseType.Length == 0)
        {
            throw new ValidationFailure(400, $"{Prefix}custom provider validation failed: base_provider_type is required");
        }

        if (!KnownProviders.SupportedBaseProviders.Contains(baseType))
        {
            throw new ValidationFailure(400, $"{Prefix}custom provider validation failed: unsupported base_provider_type: {baseType}");
        }

        var oldBaseType = oldCustom?["base_provider_type"]?.GetValue<string>();
        if (oldBaseType is not null && oldBaseType != baseType)
        {
            throw new ValidationFailure(400, $"{Prefix}provider {name}: base_provider_type cannot be changed from {oldBaseType} to {baseType} after creation");
        }
    }

    internal static void CheckPromptCache(JsonObject? promptCache)
    {
        // The gateway checks ttl against its config-schema enum; "1h" is known good, "5m" is Anthropic's other TTL.
        if (promptCache?["ttl"] is JsonValue ttl && !PromptCacheTtls.Contains(ttl.GetValue<string>()))
        {
            throw new ValidationFailure(400, $"Invalid prompt cache config: ttl must be one of 5m, 1h, got \"{ttl.GetValue<string>()}\"");
        }
    }

    internal static void CheckBackoff(NetworkBlock network)
    {
        const string Prefix = "Invalid retry backoff: ";
        var initial = network.BackoffInitialNanoseconds;
        var max = network.BackoffMaxNanoseconds;
        if (initial > 0 && initial < MinBackoffNanoseconds)
        {
            throw new ValidationFailure(400, Prefix + "retry backoff initial must be at least 100ms");
        }

        if (initial > MaxBackoffNanoseconds)
        {
            throw new ValidationFailure(400, Prefix + "retry backoff initial must be at most 16m40s");
        }

        if (max > 0 && max < MinBackoffNanoseconds)
        {
            throw new ValidationFailure(400, Prefix + "retry backoff max must be at least 100ms");
        }

        if (max > MaxBackoffNanoseconds)
        {
            throw new ValidationFailure(400, Prefix + "retry backoff max must be at most 16m40s");
        }

        if (initial > 0 && max > 0 && initial > max)
        {
            throw new ValidationFailure(400, Prefix + "retry backoff initial must be less than or equal to retry backoff max");
        }
    }

    internal static void CheckBaseUrl(JsonObject network)
    {
        if (network["base_url"] is JsonValue baseUrl
            && ExternalUrlValidator.Validate(baseUrl.GetValue<string>(), network["allow_private_network"] is JsonValue allow && allow.GetValue<bool>()) is { } reason)
        {
            throw new ValidationFailure(400, "Invalid base URL: " + reason);
        }
    }

    /// <summary>Contract 1.8: a mask sent back exactly as GET shows it keeps the stored secret; anything else is stored as sent.</summary>
    private static JsonObject RestoreNetworkCaCert(JsonObject incoming, JsonObject? old)
    {
        if (incoming["ca_cert_pem"] is JsonValue sent
            && old?["ca_cert_pem"] is JsonValue stored
            && Masking.LooksRedacted(sent.GetValue<string>(), Masking.IsReference(sent.GetValue<string>()))
            && sent.GetValue<string>() == ProviderView.RedactNetworkCaCert(stored.GetValue<string>()))
        {
            incoming["ca_cert_pem"] = stored.GetValue<string>();
        }

        return incoming;
    }

    private static JsonObject RestoreProxySecrets(JsonObject incoming, JsonObject? old, SecretValueShape shape)
    {
        foreach (var field in ProxySecretFields.All)
        {
            if (Secret.FromStored(incoming[field]) is not { } sent || Secret.FromStored(old?[field]) is not { } stored)
            {
                continue;
            }

            if (Masking.LooksRedacted(sent.Value, sent.IsReference) && sent == ProviderView.RedactProxySecret(stored, field, shape))
            {
                incoming[field] = stored.ToStored();
            }
            else if (sent.IsReference && sent.Value.Length == 0 && sent.Ref == stored.Ref)
            {
                // The gateway resolves a bare reference when it decodes it; the stub does not read the environment, so
                // the same reference sent again keeps the value it resolved to before.
                incoming[field] = stored.ToStored();
            }
        }

        return incoming;
    }

    private static void SetOrRemove(JsonObject target, string name, JsonObject? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else
        {
            target[name] = value;
        }
    }
}
