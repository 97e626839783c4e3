using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Tests.Keys;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// ProviderConfigJson: save and load with the SDK's own settings, losslessly; a mask loaded from a file is not taken
/// for the gateway's current one, everything else in the file counts as what was read.
/// </summary>
public sealed class ProviderConfigJsonTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonNode Tree(string json) => JsonNode.Parse(json)!;

    /// <summary>A fixture with unknown members at several depths and a keys array, as an older, richer gateway sends it.</summary>
    private static JsonObject Rich(string fixture) => Fixtures.ReadObject(fixture).Let(j =>
    {
        j["future_block"] = new JsonObject { ["nested"] = new JsonArray(1, "two", null, true) };
        j["network_config"]!["stream_throughput_guard"] = new JsonObject { ["probe_window_in_seconds"] = 10 };
        j["keys"] = new JsonArray(new JsonObject { ["id"] = "k1", ["value"] = "sk-a************************9xyz" });
    });

    /// <summary>What the SDK writes for a configuration read from <paramref name="body"/>: the same, with the two blocks it always writes (null when absent).</summary>
    private static JsonObject AsWritten(JsonObject body)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var block in new[] { "openai_config", "prompt_cache" })
        {
            if (!copy.ContainsKey(block))
            {
                copy[block] = null;
            }
        }

        return copy;
    }

    [Theory]
    [MemberData(nameof(Fixtures.ProviderNames), MemberType = typeof(Fixtures))]
    public void A_configuration_saved_and_loaded_writes_the_same_json_as_it_was_read(string fixture)
    {
        var input = Rich(fixture);
        var read = Json.ReadConfiguration(input.ToJsonString());

        foreach (var indented in new[] { false, true })
        {
            var saved = ProviderConfigJson.Serialize(read, indented);
            var loaded = ProviderConfigJson.DeserializeConfiguration(saved);

            Json.AssertSameTree(AsWritten(input), Tree(saved));
            Json.AssertSameTree(AsWritten(input), Tree(ProviderConfigJson.Serialize(loaded)));
            Json.AssertSameTree(Json.WriteUpdate(read.ToUpdate()), Json.WriteUpdate(loaded.ToUpdate()));
            Assert.Equal(read.Name, loaded.Name);
            Assert.Equal(read.ConfigHash, loaded.ConfigHash);
            Assert.Equal(read.ProxyConfig?.Password, loaded.ProxyConfig?.Password);
        }
    }

    [Fact]
    public void Indented_output_is_indented_and_keeps_masks_as_read()
    {
        var read = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json"));

        var saved = ProviderConfigJson.Serialize(read, indented: true);
        var loaded = ProviderConfigJson.DeserializeConfiguration(saved);

        Assert.Contains(Environment.NewLine + "  \"network_config\": {", saved, StringComparison.Ordinal);
        Assert.Equal(read.ProxyConfig!.Url, loaded.ProxyConfig!.Url);
        Assert.True(loaded.ProxyConfig.Url!.LooksRedacted);
        Assert.Equal(SecretValueShape.SecretVarObject, loaded.ProxyConfig.Password!.Shape);
        Assert.Equal("env.BEDROCK_PROXY_PASSWORD", loaded.ProxyConfig.Password.Reference);
    }

    [Fact]
    public void A_mask_loaded_from_a_file_is_not_taken_for_the_gateways_current_one()
    {
        var read = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json"));
        var loaded = ProviderConfigJson.DeserializeConfiguration(ProviderConfigJson.Serialize(read));

        var errors = loaded.ToUpdate().Validate(ProviderName.Bedrock);

        Assert.Empty(read.ToUpdate().Validate(ProviderName.Bedrock));
        Assert.Equal(["network_config.ca_cert_pem", "proxy_config.url", "proxy_config.username", "proxy_config.ca_cert_pem"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Contains("loaded from saved JSON", e.Message, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(e.IsWarning));
    }

    [Fact]
    public async Task A_loaded_configuration_without_masks_is_sent_back_as_it_was_read()
    {
        var stored = Fixtures.ReadObject("get-azure-tuned-from-config-json.json");
        var loaded = ProviderConfigJson.DeserializeConfiguration(ProviderConfigJson.Serialize(Json.ReadConfiguration(stored.ToJsonString()), indented: true));
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, stored.ToJsonString());
        using var clients = new TestClients(handler);

        await clients.Client.UpdateProviderAsync(ProviderName.Azure, loaded.ToUpdate(), Ct);

        Json.AssertSameTree(Fixtures.WithoutReadOnly(stored), Tree(Assert.Single(handler.Requests).Body!));
    }

    [Fact]
    public void Values_stored_in_an_odd_shape_in_a_loaded_file_count_as_read_and_do_not_block_another_change()
    {
        var odd = Fixtures.ReadObject("get-openai-defaults.json").Let(j =>
        {
            j["network_config"]!["max_retries"] = -1;
            j["network_config"]!["retry_backoff_initial"] = 50;
            j["network_config"]!["extra_headers"] = new JsonObject { ["X Team"] = "a" };
        });
        var loaded = ProviderConfigJson.DeserializeConfiguration(odd.ToJsonString());

        var update = loaded.ToUpdate() with { SendBackRawResponse = true };

        Assert.Empty(update.Validate(ProviderName.OpenAI));
    }

    [Fact]
    public async Task Saved_values_set_on_a_fresh_read_go_back_with_their_masks_when_the_gateway_still_shows_them()
    {
        var body = Fixtures.Read("get-bedrock-with-proxy.json");
        var saved = ProviderConfigJson.DeserializeConfiguration(ProviderConfigJson.Serialize(Json.ReadConfiguration(body)));
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.OK, body) };
        using var clients = new TestClients(handler);

        await clients.Client.UpdateProviderAsync(ProviderName.Bedrock, current => current with
        {
            NetworkConfig = saved.NetworkConfig with { MaxRetries = 4 },
            ProxyConfig = saved.ProxyConfig,
        }, Ct);

        var put = handler.Requests.Last();
        Assert.Equal(HttpMethod.Put, put.Method);
        var expected = Fixtures.WithoutReadOnly(Fixtures.ReadObject("get-bedrock-with-proxy.json"));
        expected["network_config"]!["max_retries"] = 4;
        Json.AssertSameTree(expected, Tree(put.Body!));
    }

    [Fact]
    public async Task Saved_masks_the_gateway_no_longer_shows_are_refused_on_a_fresh_read()
    {
        var saved = ProviderConfigJson.DeserializeConfiguration(Fixtures.Read("get-bedrock-with-proxy.json"));
        var rotated = Fixtures.ReadObject("get-bedrock-with-proxy.json").Let(j => j["proxy_config"]!["url"]!["value"] = "http************************8080");
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.OK, rotated.ToJsonString()) };
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigValidationException>(() => clients.Client.UpdateProviderAsync(
            ProviderName.Bedrock, current => current with { ProxyConfig = saved.ProxyConfig }, Ct));

        Assert.Equal("proxy_config.url", Assert.Single(error.Errors).Path);
        Assert.DoesNotContain(handler.Requests, r => r.Method == HttpMethod.Put);
    }

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void A_key_saved_and_loaded_writes_the_same_json_and_its_masks_are_not_taken_for_current_ones(string fixture)
    {
        var input = KeyJson.FixtureObject(fixture).Let(j => j["future_member"] = new JsonObject { ["a"] = 1 });
        var read = KeyJson.ReadKey(input.ToJsonString());

        var loaded = ProviderConfigJson.DeserializeKey(ProviderConfigJson.Serialize(read, indented: true));

        Json.AssertSameTree(input, Tree(ProviderConfigJson.Serialize(loaded)));
        Json.AssertSameTree(KeyJson.Write(read.ToUpdate()), KeyJson.Write(loaded.ToUpdate()));
        Assert.Empty(read.ToUpdate().Validate());
        var masked = read.SecretFields().Count(f => f.Value is { Reference: null } v && v.LooksRedacted);
        var errors = loaded.ToUpdate().Validate();
        Assert.Equal(masked, errors.Count);
        Assert.All(errors, e => Assert.Contains("loaded from saved JSON", e.Message, StringComparison.Ordinal));
    }

    public static TheoryData<string> KeyFixtures() => new(KeyJson.KeyFixtures);

    [Fact]
    public void Updates_and_lists_round_trip_too()
    {
        var configurations = Fixtures.Providers.Select(f => Json.ReadConfiguration(Fixtures.Read(f))).ToList();
        var keys = KeyJson.KeyFixtures.Select(KeyJson.Fixture).ToList();
        var update = configurations[1].ToUpdate() with { SendBackRawRequest = true };
        var keyUpdate = keys[0].ToUpdate() with { Weight = 2 };

        var loadedConfigurations = ProviderConfigJson.DeserializeConfigurations(ProviderConfigJson.Serialize(configurations));
        var loadedKeys = ProviderConfigJson.DeserializeKeys(ProviderConfigJson.Serialize(keys, indented: true));
        var loadedUpdate = ProviderConfigJson.DeserializeUpdate(ProviderConfigJson.Serialize(update));
        var loadedKeyUpdate = ProviderConfigJson.DeserializeKeyUpdate(ProviderConfigJson.Serialize(keyUpdate));

        Assert.Equal(Fixtures.Providers.Length, loadedConfigurations.Count);
        for (var i = 0; i < configurations.Count; i++)
        {
            Json.AssertSameTree(AsWritten(Fixtures.ReadObject(Fixtures.Providers[i])), Tree(ProviderConfigJson.Serialize(loadedConfigurations[i])));
        }

        Assert.Equal(keys.Select(k => k.Id), loadedKeys.Select(k => k.Id));
        Json.AssertSameTree(Json.WriteUpdate(update), Json.WriteUpdate(loadedUpdate));
        Json.AssertSameTree(KeyJson.Write(keyUpdate), KeyJson.Write(loadedKeyUpdate));
        Assert.Equal("[]", ProviderConfigJson.Serialize(Array.Empty<ProviderConfiguration>()));
    }

    [Fact]
    public void Comments_and_trailing_commas_are_read_only_when_asked_for()
    {
        const string HandEdited = """
            {
              // tuned by hand
              "network_config": { "max_retries": 3, "retry_backoff_initial": "1.5s", },
              "concurrency_and_buffer_size": { "concurrency": 10, "buffer_size": 100 }, /* sizes */
              "proxy_config": { "type": "http", "url": { "value": "http://proxy:3128", /* plain */ "type": "plain_text", }, "username": null, "password": null, "ca_cert_pem": null },
            }
            """;

        Assert.ThrowsAny<JsonException>(() => ProviderConfigJson.DeserializeUpdate(HandEdited));
        var update = ProviderConfigJson.DeserializeUpdate(HandEdited, allowCommentsAndTrailingCommas: true);

        Assert.Equal(3, update.NetworkConfig.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), update.NetworkConfig.RetryBackoffInitial);
        Assert.Equal("http://proxy:3128", update.ProxyConfig!.Url!.RevealValue());
        Assert.Empty(update.Validate(ProviderName.OpenAI));

        const string KeyWithComments = """{ "id": "k1", "aliases": { "gpt-4o": "dep-1", /* object form */ "x": { "model_id": "dep-2", }, }, }""";
        Assert.Equal("dep-2", ProviderConfigJson.DeserializeKey(KeyWithComments, allowCommentsAndTrailingCommas: true).Aliases!["x"].ModelId);
    }

    [Fact]
    public void Null_and_wrong_json_are_json_errors_and_null_arguments_are_argument_errors()
    {
        Assert.ThrowsAny<JsonException>(() => ProviderConfigJson.DeserializeConfiguration("null"));
        Assert.ThrowsAny<JsonException>(() => ProviderConfigJson.DeserializeConfigurations("[null]"));
        Assert.ThrowsAny<JsonException>(() => ProviderConfigJson.DeserializeKey("[1]"));
        Assert.Throws<ArgumentNullException>(() => ProviderConfigJson.DeserializeUpdate(null!));
        Assert.Throws<ArgumentNullException>(() => ProviderConfigJson.Serialize((ProviderConfiguration)null!));
    }
}
