using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// Builds the body of GET and PUT from a stored provider: <c>ProviderResponse</c> field order, defaults substituted for
/// blocks never stored, secrets redacted (contract 1.1, 1.2, 1.8).
/// </summary>
internal static class ProviderView
{
    private static readonly string[] NetworkFieldOrder =
    [
        "base_url", "extra_headers", "default_request_timeout_in_seconds", "max_retries", "retry_backoff_initial",
        "retry_backoff_max", "insecure_skip_verify", "ca_cert_pem", "stream_idle_timeout_in_seconds",
        "keep_alive_timeout_in_seconds", "max_conns_per_host", "enforce_http2", "beta_header_overrides", "allow_private_network",
    ];

    /// <summary>The newest <c>schemas.DefaultNetworkConfig</c>, shown when no network_config was ever stored.</summary>
    public static JsonObject DefaultNetworkConfig() => new()
    {
        ["default_request_timeout_in_seconds"] = 300,
        ["max_retries"] = 0,
        ["retry_backoff_initial"] = 500,
        ["retry_backoff_max"] = 5000,
        ["stream_idle_timeout_in_seconds"] = 120,
        ["keep_alive_timeout_in_seconds"] = 30,
        ["max_conns_per_host"] = 5000,
    };

    public static JsonObject DefaultConcurrency() => new() { ["concurrency"] = 1000, ["buffer_size"] = 5000 };

    /// <summary>The redacted response body for <paramref name="stored"/>.</summary>
    /// <param name="name">The provider name, shown as <c>name</c>.</param>
    /// <param name="stored">The stored (unmasked) provider.</param>
    /// <param name="shape">The secret era to emit proxy secrets in.</param>
    /// <param name="providerStatus">Overrides the stored status (PUT hard-codes <c>active</c>).</param>
    public static JsonObject Render(string name, JsonObject stored, SecretValueShape shape, string? providerStatus = null)
    {
        var view = new JsonObject
        {
            ["name"] = name,
            ["network_config"] = RenderNetwork(stored["network_config"] as JsonObject ?? DefaultNetworkConfig()),
            ["concurrency_and_buffer_size"] = (stored["concurrency_and_buffer_size"] as JsonObject ?? DefaultConcurrency()).DeepClone(),
            ["proxy_config"] = stored["proxy_config"] is JsonObject proxy ? RenderProxy(proxy, shape) : null,
            ["send_back_raw_request"] = Flag(stored, "send_back_raw_request"),
            ["send_back_raw_response"] = Flag(stored, "send_back_raw_response"),
            ["store_raw_request_response"] = Flag(stored, "store_raw_request_response"),
        };
        CopyIfPresent(stored, view, "custom_provider_config");
        CopyIfPresent(stored, view, "openai_config");
        CopyIfPresent(stored, view, "prompt_cache");
        view["provider_status"] = providerStatus ?? (stored["provider_status"] as JsonValue)?.GetValue<string>() ?? "active";
        CopyIfPresent(stored, view, "status");
        CopyIfPresent(stored, view, "description");
        CopyIfPresent(stored, view, "config_hash");
        return view;
    }

    /// <summary>
    /// The body of <c>DELETE /api/providers/{provider}</c> (management contract 2.3 step 4): <c>ProviderResponse{Name}</c>
    /// with every other field at its zero value, <c>provider_status</c> included.
    /// </summary>
    public static JsonObject Deleted(string name) => new()
    {
        ["name"] = name,
        ["network_config"] = new JsonObject
        {
            ["default_request_timeout_in_seconds"] = 0,
            ["max_retries"] = 0,
            ["retry_backoff_initial"] = 0,
            ["retry_backoff_max"] = 0,
        },
        ["concurrency_and_buffer_size"] = new JsonObject { ["concurrency"] = 0, ["buffer_size"] = 0 },
        ["proxy_config"] = null,
        ["send_back_raw_request"] = false,
        ["send_back_raw_response"] = false,
        ["store_raw_request_response"] = false,
        ["provider_status"] = string.Empty,
    };

    /// <summary>What GET shows for <c>network_config.ca_cert_pem</c>: the reference, or the partial mask.</summary>
    public static string RedactNetworkCaCert(string value) => Masking.IsReference(value) ? value : Masking.Partial(value);

    /// <summary>What GET shows for a proxy secret in <paramref name="shape"/>'s era, before it is put in that shape.</summary>
    public static Secret RedactProxySecret(Secret secret, string field, SecretValueShape shape)
    {
        if (secret.Value.Length == 0)
        {
            return secret;
        }

        if (ProxySecretFields.IsFullyMasked(field))
        {
            return secret with { Value = Masking.Redacted };
        }

        // url and username were shown in clear until the SecretVar era.
        return shape == SecretValueShape.SecretVarObject ? secret with { Value = Masking.Partial(secret.Value) } : secret;
    }

    private static JsonObject RenderNetwork(JsonObject stored)
    {
        var view = new JsonObject();
        foreach (var field in NetworkFieldOrder)
        {
            if (stored[field] is not { } value)
            {
                continue;
            }

            view[field] = field == "ca_cert_pem" ? RedactNetworkCaCert(value.GetValue<string>()) : value.DeepClone();
        }

        return view;
    }

    private static JsonObject RenderProxy(JsonObject stored, SecretValueShape shape)
    {
        var view = new JsonObject { ["type"] = stored["type"]?.DeepClone() ?? string.Empty };
        foreach (var field in ProxySecretFields.All)
        {
            view[field] = Secret.FromStored(stored[field]) is { } secret ? RedactProxySecret(secret, field, shape).ToWire(shape) : null;
        }

        return view;
    }

    private static bool Flag(JsonObject stored, string name) => stored[name] is JsonValue value && value.GetValue<bool>();

    private static void CopyIfPresent(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value)
        {
            to[name] = value.DeepClone();
        }
    }
}
