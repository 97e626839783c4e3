using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Tests;

/// <summary>Serialization through the SDK's own source-generated context, as the client does it.</summary>
internal static class Json
{
    public static ProviderConfiguration ReadConfiguration(string json)
        => JsonSerializer.Deserialize(json, ProviderConfigJsonContext.Default.ProviderConfiguration)!;

    public static JsonObject WriteUpdate(ProviderUpdate update)
        => JsonNode.Parse(JsonSerializer.Serialize(update, ProviderConfigJsonContext.Default.ProviderUpdate))!.AsObject();

    public static void AssertSameTree(JsonNode expected, JsonNode actual)
    {
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.{Environment.NewLine}Expected: {expected.ToJsonString()}{Environment.NewLine}Actual:   {actual.ToJsonString()}");
    }
}
