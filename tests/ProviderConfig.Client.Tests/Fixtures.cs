using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests;

/// <summary>The contract's example bodies (tests/Fixtures, copied from the contract).</summary>
internal static class Fixtures
{
    /// <summary>Applies <paramref name="edit"/> to the object and returns it, for inline fixture tweaks.</summary>
    public static System.Text.Json.Nodes.JsonObject Let(this System.Text.Json.Nodes.JsonObject json, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        edit(json);
        return json;
    }

    public static readonly string[] Providers =
    [
        "get-openai-defaults.json",
        "get-azure-tuned-from-config-json.json",
        "get-bedrock-with-proxy.json",
        "get-custom-provider-keyless.json",
        "get-gemini-init-error-env-proxy.json",
    ];

    public static readonly string[] ReadOnlyFields = ["name", "provider_status", "status", "description", "config_hash"];

    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonObject ReadObject(string name) => JsonNode.Parse(Read(name))!.AsObject();

    /// <summary>A valid update (the OpenAI fixture's writable part), for tests about what happens after validation.</summary>
    public static ProviderUpdate ValidUpdate() => Json.ReadConfiguration(Read("get-openai-defaults.json")).ToUpdate();

    public static TheoryData<string> ProviderNames() => new(Providers);

    /// <summary>The fixture with the read-only fields removed: what a PUT of it must carry.</summary>
    public static JsonObject WithoutReadOnly(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var field in ReadOnlyFields)
        {
            copy.Remove(field);
        }

        // Blocks the gateway keeps when omitted and clears when null are always sent, null when absent.
        foreach (var block in new[] { "openai_config", "prompt_cache" })
        {
            if (!copy.ContainsKey(block))
            {
                copy[block] = null;
            }
        }

        return copy;
    }
}
