using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The checks of key create and update (management contract 3.3 steps 6-10, 3.4 step 9), in the gateway's order and
/// with its exact messages, all 400.
/// </summary>
internal static partial class KeyValidator
{
    private const string InvalidRegion = "a region is a vendor region identifier such as us-east-1";

    /// <summary>Throws <see cref="ValidationFailure"/> for the first rule <paramref name="key"/> breaks.</summary>
    /// <param name="baseProvider"><c>custom_provider_config.base_provider_type</c>, else the provider's name.</param>
    /// <param name="key">The key about to be stored.</param>
    /// <param name="stored">The stored key on update (a URL equal to its stored value is not checked again), else null.</param>
    /// <param name="shape">The emulated era: the key-URL checks exist only on the newest gateway.</param>
    public static void Validate(string baseProvider, JsonObject key, JsonObject? stored, SecretValueShape shape)
    {
        // Step 6. The stub cannot resolve env./vault. references, so a reference counts as a non-empty value.
        if (!KeyReader.IsSet(KeyReader.StoredSecret(key[KeySchema.Value])) && !KeySchema.ValueCanBeEmpty.Contains(baseProvider))
        {
            Fail("Key value must not be empty");
        }

        CheckRequiredFields(baseProvider, key);
        if (shape == SecretValueShape.SecretVarObject)
        {
            CheckKeyUrls(key, stored);
        }

        CheckList(key[KeySchema.Models], "Invalid models: ", "whitelist");
        CheckList(key[KeySchema.BlacklistedModels], "Invalid blacklisted_models: ", "blacklist");
        CheckAliases(key[KeySchema.Aliases] as JsonObject);
    }

    /// <summary>Step 7, <c>validateProviderKeyURL(baseProvider, key)</c>: the nested fields each base provider needs.</summary>
    private static void CheckRequiredFields(string baseProvider, JsonObject key)
    {
        switch (baseProvider)
        {
            case "ollama":
                Require(key, "ollama_key_config", "url", "Ollama");
                break;
            case "sgl":
                Require(key, "sgl_key_config", "url", "SGL");
                break;
            case "azure":
                Require(key, "azure_key_config", "endpoint", "Azure");
                break;
            case "bedrock":
                Require(key, "bedrock_key_config", "region", "Bedrock");
                break;
            case "bedrock_mantle":
                Require(key, "bedrock_mantle_key_config", "region", "Bedrock Mantle");
                break;
            case "vllm":
                Require(key, "vllm_key_config", "url", "VLLM");
                if (Text(key, "vllm_key_config", "model_name").Length == 0)
                {
                    Fail("vllm_key_config.model_name is required for VLLM keys");
                }

                break;
            case "databricks":
                Require(key, "databricks_key_config", "workspace_url", "Databricks");
                var format = Text(key, "databricks_key_config", "api_format");
                if (format is not ("" or "auto" or "model_serving" or "ai_gateway"))
                {
                    Fail("databricks_key_config.api_format must be one of auto, model_serving, ai_gateway");
                }

                if (IsSet(key, "databricks_key_config", "client_id") != IsSet(key, "databricks_key_config", "client_secret"))
                {
                    Fail("databricks_key_config.client_id and databricks_key_config.client_secret must be set together");
                }

                break;
        }
    }

    /// <summary>
    /// Step 8 (newest gateway): Ollama/SGL/VLLM URLs with private and loopback addresses allowed (no DNS lookup in the
    /// stub), and the shape of literal regions.
    /// </summary>
    private static void CheckKeyUrls(JsonObject key, JsonObject? stored)
    {
        foreach (var block in new[] { "ollama_key_config", "sgl_key_config", "vllm_key_config" })
        {
            var url = KeyReader.StoredSecret(key[block]?["url"]);
            if (url is null || url.IsReference || url.Value.Length == 0 || url.Value == KeyReader.StoredSecret(stored?[block]?["url"])?.Value)
            {
                continue;
            }

            if (ExternalUrlValidator.Validate(url.Value, allowPrivateNetwork: true) is { } reason)
            {
                Fail($"Invalid key URL: {block}.url: {reason}");
            }
        }

        foreach (var block in new[] { "vertex_key_config", "bedrock_key_config", "bedrock_mantle_key_config" })
        {
            CheckRegion(KeyReader.StoredSecret(key[block]?["region"]), $"{block}.region");
        }

        foreach (var (source, alias) in key[KeySchema.Aliases] as JsonObject ?? [])
        {
            CheckRegion(KeyReader.StoredSecret((alias as JsonObject)?["region"]), $"{KeySchema.Aliases}.{source}.region");
        }
    }

    private static void CheckRegion(Secret? region, string path)
    {
        if (region is { IsReference: false, Value.Length: > 0 } && !RegionPattern().IsMatch(region.Value))
        {
            Fail($"Invalid key URL: {path}: invalid region \"{region.Value}\": {InvalidRegion}");
        }
    }

    /// <summary>Step 9, <c>WhiteList</c>/<c>BlackList</c> validation: <c>*</c> alone or not at all, no case-insensitive duplicates.</summary>
    private static void CheckList(JsonNode? node, string prefix, string listName)
    {
        if (node is not JsonArray list)
        {
            return;
        }

        var values = list.Select(v => v!.GetValue<string>()).ToList();
        if (values.Count > 1 && values.Contains("*"))
        {
            Fail($"{prefix}wildcard '*' cannot be used with other values in the {listName}");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                Fail($"{prefix}duplicate value '{value}' in {listName}");
            }
        }
    }

    /// <summary>Step 10, in the body's order.</summary>
    private static void CheckAliases(JsonObject? aliases)
    {
        const string Prefix = "Invalid aliases: ";
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, alias) in aliases ?? [])
        {
            if (source.Length == 0)
            {
                Fail(Prefix + "alias source cannot be empty");
            }

            if (!seen.Add(source))
            {
                Fail($"{Prefix}duplicate alias source \"{source}\" (case-insensitive)");
            }

            var modelId = alias is JsonObject config ? config["model_id"]?.GetValue<string>() ?? string.Empty : alias!.GetValue<string>();
            if (modelId.Length == 0)
            {
                Fail($"{Prefix}alias \"{source}\": model_id cannot be empty");
            }

            if (alias is JsonObject { } withFamily && withFamily["model_family"]?.GetValue<string>() is { } family && !KeySchema.ModelFamilies.Contains(family))
            {
                Fail($"{Prefix}alias \"{source}\": invalid model_family \"{family}\"");
            }
        }
    }

    private static void Require(JsonObject key, string block, string field, string label)
    {
        if (!IsSet(key, block, field))
        {
            Fail($"{block}.{field} is required for {label} keys");
        }
    }

    private static bool IsSet(JsonObject key, string block, string field) => KeyReader.IsSet(KeyReader.StoredSecret(key[block]?[field]));

    private static string Text(JsonObject key, string block, string field) => key[block]?[field]?.GetValue<string>() ?? string.Empty;

    private static void Fail(string message) => throw new ValidationFailure(400, message);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
