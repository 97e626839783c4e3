using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The stub's storage format for one provider: the blocks as the gateway keeps them (secrets unmasked, unknown
/// members dropped, secrets as <c>{"value", "ref"?, "type"}</c>) plus the read-only <c>provider_status</c>,
/// <c>status</c>, <c>description</c> and <c>config_hash</c>. A block absent here was never stored, so GET shows defaults.
/// </summary>
internal static class StoredProvider
{
    /// <summary>Normalizes a raw provider given to <see cref="BifrostStubServer.SetProvider"/>.</summary>
    /// <exception cref="ArgumentException">A field has the wrong JSON type.</exception>
    public static JsonObject Normalize(JsonObject raw)
    {
        try
        {
            var stored = new JsonObject();
            if (raw["network_config"] is not null)
            {
                stored["network_config"] = PayloadReader.ReadNetworkConfig(raw["network_config"]).Stored;
            }

            if (raw["concurrency_and_buffer_size"] is not null)
            {
                stored["concurrency_and_buffer_size"] = PayloadReader.ReadConcurrency(raw["concurrency_and_buffer_size"]);
            }

            AddIfNotNull(stored, "proxy_config", PayloadReader.ReadProxyConfig(raw["proxy_config"]));
            foreach (var flag in new[] { "send_back_raw_request", "send_back_raw_response", "store_raw_request_response" })
            {
                stored[flag] = PayloadReader.ReadBool(raw[flag], flag);
            }

            AddIfNotNull(stored, "custom_provider_config", PayloadReader.ReadCustomProviderConfig(raw["custom_provider_config"]));
            AddIfNotNull(stored, "openai_config", PayloadReader.ReadOpenAIConfig(raw["openai_config"]));
            AddIfNotNull(stored, "prompt_cache", PayloadReader.ReadPromptCache(raw["prompt_cache"]));
            var providerStatus = PayloadReader.ReadString(raw["provider_status"], "provider_status");
            stored["provider_status"] = providerStatus.Length > 0 ? providerStatus : "active";
            foreach (var field in new[] { "status", "description", "config_hash" })
            {
                var value = PayloadReader.ReadString(raw[field], field);
                if (value.Length > 0)
                {
                    stored[field] = value;
                }
            }

            return stored;
        }
        catch (InvalidPayloadException ex)
        {
            throw new ArgumentException($"The provider JSON does not fit the gateway's model: {ex.Message}", nameof(raw), ex);
        }
    }

    private static void AddIfNotNull(JsonObject target, string name, JsonObject? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
