using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Tests;

/// <summary>ToUpdate() is a deep copy: an update edited in place, at any depth, leaves the configuration it came from as read.</summary>
public sealed class DeepCopyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static JsonNode AsRead(ProviderConfiguration configuration)
        => JsonSerializer.SerializeToNode(configuration, ProviderConfigJsonContext.Default.ProviderConfiguration)!;

    /// <summary>The custom-provider fixture with unknown members in several nested blocks.</summary>
    private static ProviderConfiguration ReadWithUnknownMembers() => Json.ReadConfiguration(Fixtures.ReadObject("get-custom-provider-keyless.json").Let(j =>
    {
        j["future_block"] = new JsonObject { ["a"] = 1 };
        j["network_config"]!["stream_throughput_guard"] = new JsonObject { ["probe_window_in_seconds"] = 10 };
        j["custom_provider_config"]!["allowed_requests"]!["future_flag"] = false;
        j["concurrency_and_buffer_size"]!["future_size"] = 1;
    }).ToJsonString());

    [Fact]
    public void Editing_an_update_in_place_at_any_depth_never_changes_the_configuration_it_came_from()
    {
        var configuration = ReadWithUnknownMembers();
        var asRead = AsRead(configuration);

        var update = configuration.ToUpdate();
        update.ExtensionData!["future_block"] = Element("""{"a":2}""");
        update.NetworkConfig.ExtensionData!["stream_throughput_guard"] = Element("""{"probe_window_in_seconds":20}""");
        update.NetworkConfig.ExtensionData["added"] = Element("true");
        update.CustomProviderConfig!.AllowedRequests!.ExtensionData!["future_flag"] = Element("true");
        update.ConcurrencyAndBufferSize.ExtensionData = null;
        ((IDictionary<string, string>)update.CustomProviderConfig.RequestPathOverrides!)["embedding"] = "/v9/embeddings";

        Json.AssertSameTree(asRead, AsRead(configuration));
        Assert.NotSame(configuration.NetworkConfig, update.NetworkConfig);
        Assert.NotSame(configuration.CustomProviderConfig, update.CustomProviderConfig);
    }

    [Fact]
    public void A_nested_in_place_edit_shows_in_the_diff_against_the_configuration()
    {
        var configuration = ReadWithUnknownMembers();
        var update = configuration.ToUpdate();

        update.NetworkConfig.ExtensionData!["stream_throughput_guard"] = Element("""{"probe_window_in_seconds":20}""");
        update.CustomProviderConfig!.AllowedRequests!.ExtensionData!["future_flag"] = Element("true");

        var diff = ProviderConfigDiff.Between(configuration, update);

        Assert.Equal(
            ["~ network_config.stream_throughput_guard.probe_window_in_seconds: 10 -> 20", "~ custom_provider_config.allowed_requests.future_flag: false -> true"],
            diff.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public void Secrets_are_the_same_values_in_the_update_and_keep_where_they_came_from()
    {
        var configuration = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json")) with
        {
            NetworkConfig = Json.ReadConfiguration(Fixtures.Read("get-bedrock-with-proxy.json")).NetworkConfig with { CaCertPem = SecretValue.Plain("-----BEGIN CERTIFICATE-----new") },
        };

        var update = configuration.ToUpdate();

        Assert.Same(configuration.ProxyConfig!.Password, update.ProxyConfig!.Password);
        Assert.False(update.NetworkConfig.CaCertPem!.IsFromServer);
        Assert.Empty(update.Validate(ProviderName.Bedrock));
    }

    [Fact]
    public async Task A_read_modify_write_whose_change_edits_a_nested_unknown_member_in_place_writes_it()
    {
        var body = Fixtures.ReadObject("get-azure-tuned-from-config-json.json").Let(j => j["network_config"]!["stream_throughput_guard"] = new JsonObject { ["probe_window_in_seconds"] = 10 }).ToJsonString();
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(System.Net.HttpStatusCode.OK, body) };
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 0);

        await clients.Client.UpdateProviderAsync(ProviderName.Azure, u =>
        {
            u.NetworkConfig.ExtensionData!["stream_throughput_guard"] = Element("""{"probe_window_in_seconds":20}""");
            return u;
        }, Ct);

        Assert.Equal(["GET", "GET", "PUT"], handler.Requests.Select(r => r.Method.Method));
        Assert.Equal(20, JsonNode.Parse(handler.Requests[2].Body!)!["network_config"]!["stream_throughput_guard"]!["probe_window_in_seconds"]!.GetValue<int>());
    }
}
