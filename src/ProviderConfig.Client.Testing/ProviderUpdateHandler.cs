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
    private static readonly HashSet<string> PromptCacheRoles = new(StringComparer.Ordinal) { "system", "developer", "user", "assistant" };

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

        // Newest handler: presence-based. Older eras (eddfb7d, contract 1.7 note): assigned unconditionally, so an
        // omitted proxy_config or custom_provider_config clears the stored one.
        var presenceBased = IsPresenceBased(shape);

        CheckConcurrency(concurrency);
        CheckCustomProvider(name, custom, old?["custom_provider_config"] as JsonObject, presenceBased);
        CheckPromptCache(promptCache);
        CheckBackoff(network);
        CheckBaseUrl(network.Stored);

        next["network_config"] = RestoreNetworkCaCert(network.Stored, old?["network_config"] as JsonObject);
        next["concurrency_and_buffer_size"] = concurrency;

        if (payload.ContainsKey("proxy_config") || !presenceBased)
        {
            var rawProxy = payload["proxy_config"] as JsonObject;
            SetOrRemove(next, "proxy_config", proxy is null ? null : RestoreProxySecrets(proxy, rawProxy, old?["proxy_config"] as JsonObject, shape));
        }

        next["send_back_raw_request"] = sendBackRawRequest;
        next["send_back_raw_response"] = sendBackRawResponse;
        if (storeRaw is { } store)
        {
            next["store_raw_request_response"] = store;
        }

        if (custom is not null || !presenceBased)
        {
            SetOrRemove(next, "custom_provider_config", custom);
        }

        if (payload.ContainsKey("openai_config"))
        {
            SetOrRemove(next, "openai_config", openAI);
        }

        if (payload.ContainsKey("prompt_cache"))
        {
            SetOrRemove(next, "prompt_cache", promptCache);
        }

        // The hot reload succeeds for a standard or custom provider; status/description (model discovery) and config_hash
        // are kept. For any other name the core has no provider type: the row is stored, the reload fails (contract 2.3).
        if (!KnownProviders.Standard.Contains(name) && next["custom_provider_config"] is null)
        {
            next["provider_status"] = "error";
            throw new ReloadFailure(next, UnknownProviderReloadFailed(name));
        }

        next["provider_status"] = "active";
        return next;
    }

    /// <summary>
    /// The 500 of a PUT whose name is neither a standard provider nor custom (contract 2.3, 2.2 step 11): the handler wraps
    /// the core's wrapped reload error. The contract infers this path and does not quote the core's text; the stub words
    /// the innermost error as Bifrost core does for a provider key it has no constructor for (<c>unsupported provider</c>).
    /// </summary>
    internal static string UnknownProviderReloadFailed(string name) => $"Failed to update provider: failed to update provider: unsupported provider: {name}";

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

    private static void CheckCustomProvider(string name, JsonObject? custom, JsonObject? oldCustom, bool presenceBased)
    {
        const string Prefix = "Invalid custom provider config: ";
        if (custom is null)
        {
            // Older eras had no removal check: the omitted block simply cleared the stored one (contract 1.7 note).
            if (oldCustom is not null && presenceBased)
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

    /// <summary>
    /// Contract 1.6 and 2.2 step 7: <c>ttl</c> in the config-schema enum (<c>5m</c>, <c>1h</c>; exact case, no empty string),
    /// every <c>injection_points</c> entry at <c>location: "message"</c> with an optional role in
    /// system|developer|user|assistant (a non-integer <c>index</c> already failed decoding). The 400 prefix
    /// <c>Invalid prompt cache config: </c> is the gateway's; the text after it is inferred (the contract does not quote
    /// <c>PromptCacheConfig</c>'s validation messages).
    /// </summary>
    internal static void CheckPromptCache(JsonObject? promptCache)
    {
        const string Prefix = "Invalid prompt cache config: ";
        if (promptCache?["ttl"] is JsonValue ttl && !PromptCacheTtls.Contains(ttl.GetValue<string>()))
        {
            throw new ValidationFailure(400, $"{Prefix}ttl must be one of 5m, 1h, got \"{ttl.GetValue<string>()}\"");
        }

        if (promptCache?["injection_points"] is not JsonArray points)
        {
            return;
        }

        for (var i = 0; i < points.Count; i++)
        {
            var location = points[i]!["location"]!.GetValue<string>();
            if (location != "message")
            {
                throw new ValidationFailure(400, $"{Prefix}injection_points[{i}].location must be \"message\", got \"{location}\"");
            }

            if (points[i]!["role"] is JsonValue role && !PromptCacheRoles.Contains(role.GetValue<string>()))
            {
                throw new ValidationFailure(400, $"{Prefix}injection_points[{i}].role must be one of system, developer, user, assistant, got \"{role.GetValue<string>()}\"");
            }
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

    /// <summary>
    /// Contract 1.8, per era: a proxy secret sent back is restored to the stored one only when the field is restorable in
    /// <paramref name="shape"/>'s era (<see cref="RestoresProxyField"/>), the value looks redacted, and the JSON sent is
    /// exactly what GET emits for that field in that era, member for member: a bare string where GET gave an object, an
    /// object without its <c>ref</c>/<c>type</c> (or <c>env_var</c>/<c>from_env</c>), or an object where GET gave a string
    /// is not an echo, and the mask is stored literally, as the gateway would store it.
    /// </summary>
    private static JsonObject RestoreProxySecrets(JsonObject incoming, JsonObject? raw, JsonObject? old, SecretValueShape shape)
    {
        foreach (var field in ProxySecretFields.All)
        {
            if (Secret.FromStored(incoming[field]) is not { } sent || Secret.FromStored(old?[field]) is not { } stored)
            {
                continue;
            }

            var shown = ProviderView.RedactProxySecret(stored, field, shape);
            if (RestoresProxyField(field, shape)
                && Masking.LooksRedacted(sent.Value, sent.IsReference)
                && JsonNode.DeepEquals(raw?[field], shown.ToWire(shape)))
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

    /// <summary>
    /// Which masked proxy secrets a PUT of <paramref name="shape"/>'s era restores (contract 1.8, 2.5): before PR #1930
    /// (<see cref="SecretValueShape.PlainString"/>) none, a masked one is always stored literally; the EnvVar era only
    /// <c>password</c> and <c>ca_cert_pem</c> (PR #1930; <c>url</c>/<c>username</c> were shown in clear); the newest all four.
    /// </summary>
    internal static bool RestoresProxyField(string field, SecretValueShape shape) => shape switch
    {
        SecretValueShape.PlainString => false,
        SecretValueShape.EnvVarObject => ProxySecretFields.IsFullyMasked(field),
        _ => true,
    };

    /// <summary>Whether omitted <c>proxy_config</c>/<c>custom_provider_config</c> keep the stored block (newest only, 1.7).</summary>
    internal static bool IsPresenceBased(SecretValueShape shape) => shape == SecretValueShape.SecretVarObject;

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
