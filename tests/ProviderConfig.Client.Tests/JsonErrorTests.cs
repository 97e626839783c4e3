using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// Bodies and files the SDK cannot read fail with a <see cref="JsonException"/> that says what was expected and what
/// was found, and <see cref="ProviderConfigJson"/> writes compact JSON unless asked for indented.
/// </summary>
public sealed class JsonErrorTests
{
    public static TheoryData<string, string> NullDocuments() => new()
    {
        { "configuration", "Expected a provider configuration but found null." },
        { "update", "Expected a provider update but found null." },
        { "key", "Expected a provider key but found null." },
        { "key-update", "Expected a provider key update but found null." },
        { "configurations", "Expected an array of provider configurations but found null." },
        { "keys", "Expected an array of provider keys but found null." },
    };

    [Theory]
    [MemberData(nameof(NullDocuments))]
    public void A_null_document_names_what_was_expected(string what, string expected)
    {
        var error = Assert.Throws<JsonException>(() => Deserialize(what, "null"));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("configurations", "Expected an array of provider configurations but found a null item.")]
    [InlineData("keys", "Expected an array of provider keys but found a null item.")]
    public void A_null_item_in_a_list_is_refused(string what, string expected)
        => Assert.Equal(expected, Assert.Throws<JsonException>(() => Deserialize(what, "[null]")).Message);

    [Fact]
    public void Serialize_is_compact_unless_indented_is_asked_for()
    {
        var configuration = Json.ReadConfiguration(Fixtures.Read("get-openai-defaults.json"));

        Assert.DoesNotContain('\n', ProviderConfigJson.Serialize(configuration));
        Assert.Contains('\n', ProviderConfigJson.Serialize(configuration, indented: true));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ProviderConfigJson.Serialize(configuration)), JsonNode.Parse(ProviderConfigJson.Serialize(configuration, indented: true))));
    }

    [Theory]
    [InlineData("[]", "Expected the key's aliases as a JSON object but found StartArray.")]
    [InlineData("""{ "fast": null }""", "The alias 'fast' is null; expected a string or an object.")]
    public void Aliases_must_be_an_object_of_strings_or_objects(string aliases, string expected)
    {
        var key = Fixtures.ReadObject("keys/key-azure-aliases.json");
        key["aliases"] = JsonNode.Parse(aliases);

        var error = Assert.Throws<JsonException>(() => ProviderConfigJson.DeserializeKey(key.ToJsonString()));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retry_backoff_max", "true", "Expected a duration as integer milliseconds or a Go duration string but found True.")]
    [InlineData("retry_backoff_max", "\"soon\"", "Expected a duration as integer milliseconds or a Go duration string such as \"500ms\" but found \"soon\".")]
    [InlineData("default_request_timeout_in_seconds", "\"30\"", "Expected a whole number of seconds but found String.")]
    [InlineData("default_request_timeout_in_seconds", "1.5", "Expected a whole number of seconds but found Number.")]
    public void Durations_in_the_wrong_form_say_which_form_is_expected(string field, string wire, string expected)
    {
        var json = Fixtures.ReadObject("get-openai-defaults.json");
        json["network_config"]![field] = JsonNode.Parse(wire);

        var error = Assert.Throws<JsonException>(() => Json.ReadConfiguration(json.ToJsonString()));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_extensible_enum_must_be_a_string()
    {
        var json = Fixtures.ReadObject("get-openai-defaults.json");
        json["provider_status"] = 5;

        var error = Assert.Throws<JsonException>(() => Json.ReadConfiguration(json.ToJsonString()));

        Assert.StartsWith("Expected a JSON string for ProviderStatus but found Number.", error.Message, StringComparison.Ordinal);
    }

    private static object Deserialize(string what, string json) => what switch
    {
        "configuration" => ProviderConfigJson.DeserializeConfiguration(json),
        "update" => ProviderConfigJson.DeserializeUpdate(json),
        "key" => ProviderConfigJson.DeserializeKey(json),
        "key-update" => ProviderConfigJson.DeserializeKeyUpdate(json),
        "configurations" => ProviderConfigJson.DeserializeConfigurations(json),
        "keys" => ProviderConfigJson.DeserializeKeys(json),
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };
}
