using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// What a write never carries, however the update was made: the read-only fields (contract §1.7), and the <c>keys</c>
/// array that gateways before March 2026 put in the provider body (§1.1, §6 #1).
/// </summary>
public sealed class WireBodyTests
{
    private static readonly string[] NeverSent = [.. Fixtures.ReadOnlyFields, "keys"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A gateway body read as a <see cref="ProviderUpdate"/> (as a file holding a GET answer would be): its read-only fields land in ExtensionData.</summary>
    private static ProviderUpdate ReadAsUpdate(JsonObject body)
        => JsonSerializer.Deserialize(body.ToJsonString(), ProviderConfigJsonContext.Default.ProviderUpdate)!;

    /// <summary>The Azure fixture as a gateway before PR #2160 returned it: with a redacted <c>keys</c> array.</summary>
    private static JsonObject WithKeys(JsonArray keys) => Fixtures.ReadObject("get-azure-tuned-from-config-json.json").Let(j => j["keys"] = keys);

    private static JsonArray OneKey() => new(new JsonObject
    {
        ["id"] = "5f0c1e2a-1111-4a2b-9c3d-000000000001",
        ["value"] = "sk-a************************9xyz",
        ["models"] = new JsonArray("gpt-4o"),
        ["weight"] = 1.0,
    });

    private static void AssertSendsNone(string? body)
    {
        var sent = JsonNode.Parse(body!)!.AsObject();
        foreach (var field in NeverSent)
        {
            Assert.False(sent.ContainsKey(field), field + " must never be sent");
        }
    }

    [Fact]
    public async Task A_configuration_passed_where_an_update_is_expected_sends_no_read_only_field()
    {
        var stored = Fixtures.Read("get-azure-tuned-from-config-json.json");
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, stored);
        using var clients = new TestClients(handler);

        await clients.Client.UpdateProviderAsync(ProviderName.Azure, Json.ReadConfiguration(stored), Ct);

        AssertSendsNone(Assert.Single(handler.Requests).Body);
        Json.AssertSameTree(Fixtures.WithoutReadOnly(Fixtures.ReadObject("get-azure-tuned-from-config-json.json")), JsonNode.Parse(handler.Requests[0].Body!)!);
    }

    [Fact]
    public async Task A_gateway_body_read_as_an_update_sends_no_read_only_field_on_put_or_create()
    {
        var stored = Fixtures.ReadObject("get-azure-tuned-from-config-json.json");
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.OK, stored.ToJsonString()) };
        using var clients = new TestClients(handler);
        var update = ReadAsUpdate(stored);
        Assert.True(update.ExtensionData!.ContainsKey("config_hash"));

        await clients.Client.UpdateProviderAsync(ProviderName.Azure, update, Ct);
        await clients.Client.CreateProviderAsync("azure-copy", update, Ct);

        AssertSendsNone(handler.Requests[0].Body);
        AssertSendsNone(handler.Requests[1].Body);
        Json.AssertSameTree(Fixtures.WithoutReadOnly(stored), JsonNode.Parse(handler.Requests[0].Body!)!);
    }

    [Fact]
    public void The_diff_never_shows_read_only_fields_or_keys()
    {
        var before = Fixtures.ReadObject("get-azure-tuned-from-config-json.json");
        var after = before.DeepClone().AsObject().Let(j =>
        {
            j["status"] = "list_models_failed";
            j["description"] = "failed to list models";
            j["provider_status"] = "error";
            j["config_hash"] = new string('0', 64);
            j["keys"] = OneKey();
        });

        Assert.True(ProviderConfigDiff.Between(Json.ReadConfiguration(before.ToJsonString()), Json.ReadConfiguration(after.ToJsonString())).IsEmpty);
        Assert.True(ProviderConfigDiff.Between(ReadAsUpdate(before), ReadAsUpdate(after)).IsEmpty);
    }

    [Fact]
    public async Task Keys_read_from_an_older_gateway_are_never_sent_back_and_an_update_carrying_them_is_refused()
    {
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.OK, WithKeys(OneKey()).ToJsonString()) };
        using var clients = new TestClients(handler);
        var read = await clients.Client.GetProviderAsync(ProviderName.Azure, Ct);
        var update = read.ToUpdate() with { SendBackRawRequest = true };

        var direct = await Assert.ThrowsAsync<ProviderConfigValidationException>(() => clients.Client.UpdateProviderAsync(ProviderName.Azure, update, Ct));
        var readModifyWrite = await Assert.ThrowsAsync<ProviderConfigValidationException>(() => clients.Client.UpdateProviderAsync(ProviderName.Azure, u => u with { SendBackRawRequest = true }, Ct));

        Assert.Equal("keys", Assert.Single(direct.Errors).Path);
        Assert.Contains("holds 1 key", direct.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal("keys", Assert.Single(readModifyWrite.Errors).Path);
        Assert.DoesNotContain(handler.Requests, r => r.Method != HttpMethod.Get);

        // Removing them says the target keeps keys elsewhere; the update is then sent, without keys.
        update.ExtensionData!.Remove("keys");
        await clients.Client.UpdateProviderAsync(ProviderName.Azure, update, Ct);

        var put = handler.Requests.Last();
        Assert.Equal(HttpMethod.Put, put.Method);
        AssertSendsNone(put.Body);
        Assert.True(read.ExtensionData!.ContainsKey("keys"), "the configuration keeps what was read");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    public async Task An_empty_or_null_keys_member_is_dropped_silently(string keys)
    {
        var body = Fixtures.ReadObject("get-azure-tuned-from-config-json.json").Let(j => j["keys"] = JsonNode.Parse(keys));
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.OK, body.ToJsonString()) };
        using var clients = new TestClients(handler);

        await clients.Client.UpdateProviderAsync(ProviderName.Azure, u => u with { SendBackRawRequest = true }, Ct);

        var put = handler.Requests.Last();
        Assert.Equal(HttpMethod.Put, put.Method);
        AssertSendsNone(put.Body);
    }
}
