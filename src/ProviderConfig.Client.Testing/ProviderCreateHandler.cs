using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// <c>POST /api/providers</c> of the newest handler (management contract 2.2): decode, validate in the gateway's order
/// with its exact messages, and build the provider to store. Presence-based: a block left out is not stored, so GET
/// shows its defaults.
/// </summary>
internal static class ProviderCreateHandler
{
    /// <summary>Computes the provider to store, or throws <see cref="ValidationFailure"/> (400, or 409 for a duplicate).</summary>
    /// <param name="body">The request body.</param>
    /// <param name="exists">Whether a provider of that name is stored (step 6).</param>
    /// <returns>The new provider's name and its stored form.</returns>
    public static (string Name, JsonObject Stored) Apply(string? body, Func<string, bool> exists)
    {
        // Step 1: the whole body decodes first. Unknown members (keys among them, since PR #2160) are ignored.
        var payload = ProviderUpdateHandler.ParseObject(body);
        var name = ProviderUpdateHandler.Read(() => PayloadReader.ReadString(payload["provider"], "provider"));
        var network = payload["network_config"] is null ? null : ProviderUpdateHandler.Read(() => PayloadReader.ReadNetworkConfig(payload["network_config"]));
        var concurrency = payload["concurrency_and_buffer_size"] is null
            ? null
            : ProviderUpdateHandler.Read(() => PayloadReader.ReadConcurrency(payload["concurrency_and_buffer_size"]));
        var proxy = ProviderUpdateHandler.Read(() => PayloadReader.ReadProxyConfig(payload["proxy_config"]));
        var custom = ProviderUpdateHandler.Read(() => PayloadReader.ReadCustomProviderConfig(payload["custom_provider_config"]));
        var openAI = ProviderUpdateHandler.Read(() => PayloadReader.ReadOpenAIConfig(payload["openai_config"]));
        var promptCache = ProviderUpdateHandler.Read(() => PayloadReader.ReadPromptCache(payload["prompt_cache"]));
        var flags = new JsonObject();
        foreach (var flag in new[] { "send_back_raw_request", "send_back_raw_response", "store_raw_request_response" })
        {
            flags[flag] = ProviderUpdateHandler.Read(() => PayloadReader.ReadBool(payload[flag], flag));
        }

        // Step 2.
        if (name.Length == 0)
        {
            throw new ValidationFailure(400, "Missing provider");
        }

        // Step 3.
        if (custom is not null)
        {
            if (KnownProviders.Standard.Contains(name))
            {
                throw new ValidationFailure(400, "Custom provider cannot be same as a standard provider");
            }

            var baseType = custom["base_provider_type"]!.GetValue<string>();
            if (baseType.Length == 0)
            {
                throw new ValidationFailure(400, "BaseProviderType is required when CustomProviderConfig is provided");
            }

            if (!KnownProviders.SupportedBaseProviders.Contains(baseType))
            {
                throw new ValidationFailure(400, "BaseProviderType must be a standard provider");
            }
        }

        // Steps 4 and 5: only for blocks that are present.
        if (concurrency is not null)
        {
            ProviderUpdateHandler.CheckConcurrency(concurrency);
        }

        if (network is not null)
        {
            ProviderUpdateHandler.CheckBackoff(network);
            ProviderUpdateHandler.CheckBaseUrl(network.Stored);
        }

        // Step 6.
        if (exists(name))
        {
            throw new ValidationFailure(409, $"Provider {name} already exists");
        }

        // Step 7 (lib.ValidateCustomProvider): the rules step 3 did not already cover.
        if (custom is not null && custom["base_provider_type"]!.GetValue<string>() == "bedrock" && custom["is_key_less"]!.GetValue<bool>())
        {
            throw new ValidationFailure(400, "Invalid custom provider config: custom provider validation failed: Bedrock providers cannot be keyless (is_key_less=true)");
        }

        // Step 8.
        ProviderUpdateHandler.CheckPromptCache(promptCache);

        var stored = new JsonObject();
        if (network is not null)
        {
            stored["network_config"] = network.Stored;
        }

        if (concurrency is not null)
        {
            stored["concurrency_and_buffer_size"] = concurrency;
        }

        if (proxy is not null)
        {
            stored["proxy_config"] = proxy;
        }

        foreach (var (flag, value) in flags)
        {
            stored[flag] = value!.DeepClone();
        }

        if (custom is not null)
        {
            stored["custom_provider_config"] = custom;
        }

        if (openAI is not null)
        {
            stored["openai_config"] = openAI;
        }

        if (promptCache is not null)
        {
            stored["prompt_cache"] = promptCache;
        }

        // Steps 10 and 11: the stub's reload always succeeds, and the answer hard-codes "active".
        stored["provider_status"] = "active";
        return (name, stored);
    }
}
