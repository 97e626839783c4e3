using System.Net;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests.Keys;

/// <summary>
/// The management operations over an in-memory handler: the exact requests, what each status becomes, and the retry
/// rule of each operation (management contract §2-§4, §10), on fake time.
/// </summary>
public sealed class KeyClientTests
{
    private const string KeyPath = "/api/providers/openai/keys/3f1c2a9e-5b7d-4c1e-9a0b-2d6e8f4a1c37";
    private const string KeyId = "3f1c2a9e-5b7d-4c1e-9a0b-2d6e8f4a1c37";
    private static readonly TimeSpan BelowTimeouts = TimeSpan.FromSeconds(29);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string FirstKey => Fixtures.ReadObject("keys/list-openai-keys.json")["keys"]![0]!.ToJsonString();

    private static HttpResponseMessage Error(HttpStatusCode status, string message)
        => RecordingHandler.Json(status, new JsonObject { ["is_bifrost_error"] = false, ["status_code"] = (int)status, ["error"] = new JsonObject { ["message"] = message } }.ToJsonString());

    private static HttpResponseMessage Key(string json = "") => RecordingHandler.Json(HttpStatusCode.OK, json.Length == 0 ? FirstKey : json);

    [Fact]
    public async Task Each_operation_sends_its_method_and_path()
    {
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.OK, """{"providers":[],"total":0}""")
            .EnqueueJson(HttpStatusCode.OK, Fixtures.Read("keys/list-openai-keys.json"))
            .Enqueue(_ => Key())
            .Enqueue(_ => Key())
            .EnqueueJson(HttpStatusCode.OK, """{"keys":null,"total":0}""")
            .Enqueue(_ => Key());
        using var clients = new TestClients(handler);
        var client = clients.Client;

        Assert.Empty(await client.ListProvidersAsync(Ct));
        Assert.Equal(2, (await client.ListKeysAsync(ProviderName.OpenAI, Ct)).Count);
        Assert.Equal(KeyId, (await client.GetKeyAsync(ProviderName.OpenAI, KeyId, Ct)).Id);
        Assert.Equal(KeyId, (await client.RefreshKeyModelsAsync(ProviderName.OpenAI, KeyId, Ct)).Id);
        Assert.Empty(await client.RefreshModelsAsync(ProviderName.OpenAI, Ct)); // "keys": null is a provider without keys
        await client.UpdateKeyAsync(ProviderName.OpenAI, KeyId, new ProviderKeyUpdate { Name = "n", Value = SecretValue.FromEnvironment("K") }, Ct);

        Assert.Equal(
            ["GET /api/providers", "GET /api/providers/openai/keys", "GET " + KeyPath, "POST " + KeyPath + "/refresh-models",
             "POST /api/providers/openai/refresh-models", "PUT " + KeyPath],
            handler.Requests.Select(r => $"{r.Method} {r.Uri.AbsolutePath}"));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer " + TestClients.ApiKey, r.Authorization));
        Assert.Equal(KeyId, JsonNode.Parse(handler.Requests[^1].Body!)!["id"]!.GetValue<string>()); // the path id goes in the body too
    }

    [Fact]
    public async Task A_key_read_then_updated_whole_sends_every_member_back_with_the_mask_as_read()
    {
        var handler = new RecordingHandler().Enqueue(_ => Key()).Enqueue(_ => Key());
        using var clients = new TestClients(handler);

        var key = await clients.Client.GetKeyAsync(ProviderName.OpenAI, KeyId, Ct);
        await clients.Client.UpdateKeyAsync(ProviderName.OpenAI, KeyId, key.ToUpdate() with { Weight = 2 }, Ct);

        // Contract §6.4: change the weight, send the value object exactly as GET returned it.
        var expected = JsonNode.Parse("""
            {"id":"3f1c2a9e-5b7d-4c1e-9a0b-2d6e8f4a1c37","name":"openai-prod-1","value":{"value":"sk-p************************9xQa","type":"plain_text"},
             "models":["*"],"blacklisted_models":[],"weight":2,"enabled":true,"use_for_batch_api":false,"use_anthropic_endpoints":false}
            """)!;
        Json.AssertSameTree(expected, JsonNode.Parse(handler.Requests[1].Body!)!);
    }

    [Fact]
    public async Task A_mask_copied_to_another_key_or_another_field_is_refused_before_sending()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, Fixtures.Read("keys/list-openai-keys.json"));
        using var clients = new TestClients(handler);
        var keys = await clients.Client.ListKeysAsync(ProviderName.OpenAI, Ct);
        var (first, second) = (keys[0], keys[1]);

        var toOtherKey = await Assert.ThrowsAsync<ProviderConfigValidationException>(() =>
            clients.Client.UpdateKeyAsync(ProviderName.OpenAI, second.Id, second.ToUpdate() with { Value = first.Value }, Ct));
        var toNewKey = await Assert.ThrowsAsync<ProviderConfigValidationException>(() =>
            clients.Client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "copy", Value = first.Value }, Ct));
        var toOtherField = await Assert.ThrowsAsync<ProviderConfigValidationException>(() =>
            clients.Client.UpdateKeyAsync(ProviderName.OpenAI, first.Id, first.ToUpdate() with { OllamaKeyConfig = new OllamaKeyConfig { Url = first.Value } }, Ct));
        var toOtherProvider = await Assert.ThrowsAsync<ProviderConfigValidationException>(() =>
            clients.Client.UpdateKeyAsync("azure", first.Id, first.ToUpdate(), Ct));

        Assert.Equal("value", Assert.Single(toOtherKey.Errors).Path);
        Assert.Contains("not the value read for this field", toOtherKey.Message, StringComparison.Ordinal);
        Assert.Contains($"read from key '{first.Id}' of provider 'openai', not from this key", toOtherProvider.Message, StringComparison.Ordinal);
        Assert.Equal("value", Assert.Single(toNewKey.Errors).Path);
        Assert.StartsWith("is a mask (not read from the gateway)", Assert.Single(toNewKey.Errors).Message, StringComparison.Ordinal);
        Assert.Equal("ollama_key_config.url", Assert.Single(toOtherField.Errors).Path);
        Assert.Equal("value", Assert.Single(toOtherProvider.Errors).Path);
        Assert.DoesNotContain("9xQa", toOtherKey.Message + toNewKey.Message + toOtherField.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests); // only the list: nothing was sent
    }

    [Fact]
    public async Task A_key_read_modify_write_rereads_and_writes_the_change_on_the_fresh_copy()
    {
        var renamed = JsonNode.Parse(FirstKey)!.AsObject().Let(k => k["description"] = "discovery changed this read-only field");
        var handler = new RecordingHandler()
            .Enqueue(_ => Key())
            .Enqueue(_ => Key(renamed.ToJsonString()))
            .Enqueue(_ => Key());
        using var clients = new TestClients(handler);

        await clients.Client.UpdateKeyAsync(ProviderName.OpenAI, KeyId, k => k with { Models = ["gpt-4o"] }, Ct);

        Assert.Equal(["GET", "GET", "PUT"], handler.Requests.Select(r => r.Method.Method));
        var sent = JsonNode.Parse(handler.Requests[2].Body!)!;
        Json.AssertSameTree(JsonNode.Parse("""["gpt-4o"]""")!, sent["models"]!);
        Assert.Equal("sk-p************************9xQa", sent["value"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_read_modify_write_gives_up_when_another_writer_keeps_changing_the_key()
    {
        var weights = new Queue<double>([1, 2, 3, 4]);
        var handler = new RecordingHandler { Default = _ => Key(JsonNode.Parse(FirstKey)!.AsObject().Let(k => k["weight"] = weights.Dequeue()).ToJsonString()) };
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigConflictException>(() =>
            clients.Client.UpdateKeyAsync(ProviderName.OpenAI, KeyId, k => k with { Enabled = false }, Ct));

        Assert.Equal(KeyId, error.KeyId);
        Assert.Equal(["weight"], error.ChangedPaths);
        Assert.All(handler.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_found_by_its_generated_id_instead_of_failing_on_the_replay()
    {
        var time = new TimerRecordingTimeProvider();
        string? sentId = null;
        var handler = new RecordingHandler()
            .Enqueue(r => throw new HttpRequestException("the connection was reset", null, HttpStatusCode.OK) { })
            .Enqueue(_ => Error(HttpStatusCode.Conflict, "API key names must be unique across providers. Choose a different name"))
            .Enqueue(r =>
            {
                sentId = r.RequestUri!.Segments[^1];
                return Key(JsonNode.Parse(FirstKey)!.AsObject().Let(k => { k["id"] = sentId; k["name"] = "openai-prod-2"; }).ToJsonString());
            });
        using var clients = new TestClients(handler, time: time);

        var create = clients.Client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "openai-prod-2", Value = SecretValue.FromEnvironment("OPENAI_API_KEY_2") }, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var created = await create;

        var firstId = JsonNode.Parse(handler.Requests[0].Body!)!["id"]!.GetValue<string>();
        Assert.True(Guid.TryParse(firstId, out _));
        Assert.Equal(firstId, JsonNode.Parse(handler.Requests[1].Body!)!["id"]!.GetValue<string>()); // the replay carries the same id
        Assert.Equal(["POST", "POST", "GET"], handler.Requests.Select(r => r.Method.Method));
        Assert.Equal(firstId, sentId);
        Assert.Equal(firstId, created.Id);
    }

    [Fact]
    public async Task A_name_taken_on_the_first_attempt_is_reported_and_says_names_are_unique_across_providers()
    {
        var handler = new RecordingHandler().Enqueue(_ => Error(HttpStatusCode.Conflict, "API key names must be unique across providers. Choose a different name"));
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderKeyNameTakenException>(() =>
            clients.Client.CreateKeyAsync("azure", new ProviderKeyUpdate { Name = "openai-prod-1", Value = SecretValue.Plain("k-123456789") }, Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("openai-prod-1", error.KeyName);
        Assert.Contains("unique across all providers", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_reports_the_deleted_key_but_a_plain_second_delete_is_a_404()
    {
        var time = new TimerRecordingTimeProvider();
        var notFound = () => Error(HttpStatusCode.NotFound, "Provider key not found: not found");
        var handler = new RecordingHandler()
            .Enqueue(_ => Key())                                               // the read before deleting
            .Enqueue(_ => throw new HttpRequestException("reset"))            // the delete happened, its answer was lost
            .Enqueue(_ => notFound())                                          // the replay
            .Enqueue(_ => notFound());                                         // a later, plain delete: the read
        using var clients = new TestClients(handler, time: time);

        var delete = clients.Client.DeleteKeyAsync(ProviderName.OpenAI, KeyId, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var deleted = await delete;
        var second = await Assert.ThrowsAsync<ProviderKeyNotFoundException>(() => clients.Client.DeleteKeyAsync(ProviderName.OpenAI, KeyId, Ct));

        Assert.Equal("openai-prod-1", deleted.Name);
        Assert.Equal(KeyId, second.KeyId);
        Assert.Equal(["GET", "DELETE", "DELETE", "GET"], handler.Requests.Select(r => r.Method.Method));
    }

    [Fact]
    public async Task A_refresh_already_running_is_retried_with_the_backoff_then_reported()
    {
        var time = new TimerRecordingTimeProvider();
        var busy = () => Error(HttpStatusCode.Conflict, "model refresh already in progress for this provider");
        var handler = new RecordingHandler().Enqueue(_ => busy()).Enqueue(_ => Key());
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 1, time);

        var refresh = clients.Client.RefreshKeyModelsAsync(ProviderName.OpenAI, KeyId, Ct);
        var wait = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await refresh;
        handler.Default = _ => busy();
        var again = clients.Client.RefreshModelsAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var error = await Assert.ThrowsAnyAsync<ProviderConfigApiException>(() => again);

        Assert.InRange(wait.TotalMilliseconds, 400, 600); // retry 1 of the 500 ms default backoff, ±20 %
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.Contains("already in progress", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, handler.Requests.Count);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("POST")]
    public async Task A_write_is_not_replayed_on_500_while_a_read_is(string method)
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { Default = _ => Error(HttpStatusCode.InternalServerError, "Failed to update provider key: db") };
        using var clients = new TestClients(handler, time: time);

        var write = method == "PUT"
            ? clients.Client.UpdateKeyAsync(ProviderName.OpenAI, KeyId, new ProviderKeyUpdate { Name = "n", Value = SecretValue.Plain("k-123456789") }, Ct)
            : clients.Client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "n", Value = SecretValue.Plain("k-123456789") }, Ct);
        // Bounded: a write that were replayed would wait for a backoff on the fake clock forever.
        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => write.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        Assert.Equal(1, error.Attempts);
        Assert.Single(handler.Requests);

        var read = clients.Client.ListKeysAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        Assert.Equal(4, (await Assert.ThrowsAsync<ProviderConfigApiException>(() => read)).Attempts);
    }

    [Fact]
    public async Task Deleting_a_provider_that_is_not_there_succeeds_on_old_and_new_gateways_but_a_404_from_elsewhere_does_not()
    {
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.OK, """{"name":"acme","network_config":{},"concurrency_and_buffer_size":{"concurrency":0,"buffer_size":0},"proxy_config":null,"provider_status":""}""")
            .Enqueue(_ => Error(HttpStatusCode.NotFound, "Provider not found: not found"))
            .Enqueue(_ => new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>404 page not found</html>", System.Text.Encoding.UTF8, "text/html") });
        using var clients = new TestClients(handler);

        await clients.Client.DeleteProviderAsync("acme", Ct);
        await clients.Client.DeleteProviderAsync("acme", Ct);
        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.DeleteProviderAsync("acme", Ct));

        Assert.IsNotType<ProviderNotFoundException>(error);
        Assert.Contains("base address", error.Message, StringComparison.Ordinal);
        Assert.All(handler.Requests, r => Assert.Equal("DELETE /api/providers/acme", $"{r.Method} {r.Uri.AbsolutePath}"));
    }

    [Fact]
    public async Task Creating_a_provider_sends_its_name_and_leaves_unset_sizing_to_the_gateway()
    {
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.OK, Fixtures.Read("get-custom-provider-keyless.json"))
            .Enqueue(_ => Error(HttpStatusCode.Conflict, "Provider acme already exists"));
        using var clients = new TestClients(handler);
        var configuration = new ProviderUpdate { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "openai" } };

        await clients.Client.CreateProviderAsync("acme", configuration, Ct);
        var exists = await Assert.ThrowsAsync<ProviderAlreadyExistsException>(() => clients.Client.CreateProviderAsync("acme", configuration, Ct));

        var sent = JsonNode.Parse(handler.Requests[0].Body!)!.AsObject();
        Assert.Equal("POST /api/providers", $"{handler.Requests[0].Method} {handler.Requests[0].Uri.AbsolutePath}");
        Assert.Equal("acme", sent["provider"]!.GetValue<string>());
        Assert.False(sent.ContainsKey("concurrency_and_buffer_size")); // absent: the gateway applies its defaults (§2.2)
        Assert.False(sent.ContainsKey("network_config"));
        Assert.Equal("openai", sent["custom_provider_config"]!["base_provider_type"]!.GetValue<string>());
        Assert.Equal(new ProviderName("acme"), exists.Provider);
    }
}
