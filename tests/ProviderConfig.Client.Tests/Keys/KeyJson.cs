using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Tests.Keys;

/// <summary>Key fixtures (tests/Fixtures/keys, shapes from the management contract) through the SDK's own JSON context.</summary>
internal static class KeyJson
{
    public static readonly string[] KeyFixtures = ["key-azure-aliases.json", "key-every-block.json", "key-envvar-era.json", "key-plain-string-era.json"];

    /// <summary>Members a key update never carries: the gateway keeps or recomputes them (management contract §1.1, §10.6).</summary>
    public static readonly string[] ReadOnlyFields = ["status", "description", "config_hash"];

    public static ProviderKey ReadKey(string json) => JsonSerializer.Deserialize(json, ProviderConfigJsonContext.Default.ProviderKey)!;

    public static ProviderKey Fixture(string name) => ReadKey(Fixtures.Read("keys/" + name));

    public static JsonObject FixtureObject(string name) => Fixtures.ReadObject("keys/" + name);

    public static JsonObject Write(ProviderKeyUpdate update)
        => JsonNode.Parse(JsonSerializer.Serialize(update, ProviderConfigJsonContext.Default.ProviderKeyUpdate))!.AsObject();

    public static JsonObject WithoutReadOnly(JsonObject key)
    {
        var copy = key.DeepClone().AsObject();
        foreach (var field in ReadOnlyFields)
        {
            copy.Remove(field);
        }

        return copy;
    }

    public static string KeyBody(string name) => Fixtures.Read("keys/" + name);
}
