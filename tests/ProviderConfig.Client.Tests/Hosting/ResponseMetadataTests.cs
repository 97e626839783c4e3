using System.Net;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests.Hosting;

/// <summary>The ...WithResponseAsync family: status, headers and request id of every operation's successful answer.</summary>
public sealed class ResponseMetadataTests
{
    private const string KeyId = "3f1c2a9e-5b7d-4c1e-9a0b-2d6e8f4a1c37";
    private static readonly TimeSpan BelowTimeouts = TimeSpan.FromSeconds(29);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string FirstKey => Fixtures.ReadObject("keys/list-openai-keys.json")["keys"]![0]!.ToJsonString();

    /// <summary>Answers as the gateway would, each answer numbered in <c>x-request-id</c> and carrying headers to copy or to leave out.</summary>
    private static RecordingHandler Gateway()
    {
        var handler = new RecordingHandler();
        var count = 0;
        handler.Default = request =>
        {
            var path = request.RequestUri!.AbsolutePath;
            var body = (request.Method.Method, path) switch
            {
                ("GET", "/api/providers") => new JsonObject { ["providers"] = new JsonArray(Fixtures.ReadObject("get-openai-defaults.json")), ["total"] = 1 }.ToJsonString(),
                ("POST", "/api/providers") => Fixtures.Read("get-custom-provider-keyless.json"),
                ("DELETE", "/api/providers/acme") => """{"message":"Provider deleted successfully"}""",
                (_, "/api/providers/openai") => Fixtures.Read("get-openai-defaults.json"),
                (_, "/api/providers/openai/keys" or "/api/providers/openai/refresh-models") => Fixtures.Read("keys/list-openai-keys.json"),
                _ => FirstKey,
            };
            var response = RecordingHandler.Json(HttpStatusCode.OK, body);
            response.Headers.Add("x-request-id", "req-" + Interlocked.Increment(ref count));
            response.Headers.Add("x-audit", ["a", "b"]);
            response.Headers.Add("Set-Cookie", "session=s3cr3t-cookie");
            response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"v7\"");
            return response;
        };
        return handler;
    }

    public static TheoryData<string> Operations() => new(
        "GetProvider", "UpdateProvider", "UpdateProvider(change)", "ListProviders", "CreateProvider", "DeleteProvider",
        "ListKeys", "GetKey", "CreateKey", "UpdateKey", "UpdateKey(change)", "DeleteKey", "RefreshModels", "RefreshKeyModels");

    private static async Task<ProviderConfigResponse> CallAsync(IProviderConfigClient client, string operation) => operation switch
    {
        "GetProvider" => await client.GetProviderWithResponseAsync(ProviderName.OpenAI, Ct),
        "UpdateProvider" => await client.UpdateProviderWithResponseAsync(ProviderName.OpenAI, Fixtures.ValidUpdate(), Ct),
        "UpdateProvider(change)" => await client.UpdateProviderWithResponseAsync(ProviderName.OpenAI, u => u with { SendBackRawRequest = !u.SendBackRawRequest }, Ct),
        "ListProviders" => await client.ListProvidersWithResponseAsync(Ct),
        "CreateProvider" => await client.CreateProviderWithResponseAsync("acme", new ProviderUpdate { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "openai" } }, Ct),
        "DeleteProvider" => await client.DeleteProviderWithResponseAsync("acme", Ct),
        "ListKeys" => await client.ListKeysWithResponseAsync(ProviderName.OpenAI, Ct),
        "GetKey" => await client.GetKeyWithResponseAsync(ProviderName.OpenAI, KeyId, Ct),
        "CreateKey" => await client.CreateKeyWithResponseAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "openai-prod-2", Value = SecretValue.FromEnvironment("OPENAI_API_KEY_2") }, Ct),
        "UpdateKey" => await client.UpdateKeyWithResponseAsync(ProviderName.OpenAI, KeyId, new ProviderKeyUpdate { Name = "n", Value = SecretValue.FromEnvironment("K") }, Ct),
        "UpdateKey(change)" => await client.UpdateKeyWithResponseAsync(ProviderName.OpenAI, KeyId, k => k with { Weight = 3 }, Ct),
        "DeleteKey" => await client.DeleteKeyWithResponseAsync(ProviderName.OpenAI, KeyId, Ct),
        "RefreshModels" => await client.RefreshModelsWithResponseAsync(ProviderName.OpenAI, Ct),
        "RefreshKeyModels" => await client.RefreshKeyModelsWithResponseAsync(ProviderName.OpenAI, KeyId, Ct),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Every_operation_returns_the_status_headers_and_request_id_of_the_answer_that_produced_its_value(string operation)
    {
        var handler = Gateway();
        using var clients = new TestClients(handler);

        var response = await CallAsync(clients.Client, operation);

        // The last request produced the value (a read-modify-write's PUT, a delete's DELETE after its read).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-" + handler.Requests.Count, response.RequestId);
        Assert.Equal("req-" + handler.Requests.Count, response.Headers["x-request-id"]);
        Assert.Equal("a, b", response.Headers["X-AUDIT"]);
        Assert.Equal("\"v7\"", response.Headers["etag"]);
        Assert.StartsWith("application/json", response.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.False(response.Headers.ContainsKey("Set-Cookie"), "a credential-bearing response header was copied");
        Assert.False(response.Headers.ContainsKey("Authorization"), "a request header was copied");
        Assert.DoesNotContain(response.Headers.Values, v => v.Contains(TestClients.ApiKey, StringComparison.Ordinal) || v.Contains("s3cr3t", StringComparison.Ordinal));
        if (operation != "DeleteProvider")
        {
            Assert.NotNull(((dynamic)response).Value);
        }
        else
        {
            Assert.IsNotType<ProviderConfigResponse<object>>(response);
        }
    }

    [Fact]
    public async Task The_plain_method_and_its_twin_return_the_same_value()
    {
        var handler = Gateway();
        using var clients = new TestClients(handler);

        var plain = await clients.Client.GetKeyAsync(ProviderName.OpenAI, KeyId, Ct);
        var twin = await clients.Client.GetKeyWithResponseAsync(ProviderName.OpenAI, KeyId, Ct);

        Assert.True(JsonNode.DeepEquals(ProviderConfigDiff.ToNode(plain.ToUpdate()), ProviderConfigDiff.ToNode(twin.Value.ToUpdate())));
        Assert.Equal(ProviderName.OpenAI, twin.Value.Provider);
        Assert.Equal("200 OK, request id req-2", twin.ToString());
    }

    [Fact]
    public async Task A_change_that_changes_nothing_reports_the_read_it_returned()
    {
        var handler = Gateway();
        using var clients = new TestClients(handler);

        var response = await clients.Client.UpdateProviderWithResponseAsync(ProviderName.OpenAI, u => u, Ct);

        Assert.Equal(["GET"], handler.Requests.Select(r => r.Method.Method));
        Assert.Equal("req-1", response.RequestId);
    }

    [Fact]
    public async Task A_create_read_back_after_a_lost_answer_reports_the_read()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .Enqueue(_ => throw new HttpRequestException("the connection was reset"))
            .Enqueue(_ => Error(HttpStatusCode.Conflict, "API key names must be unique across providers", "req-replay"))
            .Enqueue(r =>
            {
                var key = JsonNode.Parse(FirstKey)!.AsObject().Let(k => { k["id"] = r.RequestUri!.Segments[^1]; k["name"] = "openai-prod-2"; });
                return WithId(RecordingHandler.Json(HttpStatusCode.OK, key.ToJsonString()), "req-read-back");
            });
        using var clients = new TestClients(handler, time: time);

        var create = clients.Client.CreateKeyWithResponseAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "openai-prod-2", Value = SecretValue.FromEnvironment("K2") }, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var response = await create;

        Assert.Equal(["POST", "POST", "GET"], handler.Requests.Select(r => r.Method.Method));
        Assert.Equal((HttpStatusCode.OK, "req-read-back"), (response.StatusCode, response.RequestId));
        Assert.Equal("openai-prod-2", response.Value.Name);
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_reports_the_read_whose_key_it_returns()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .Enqueue(_ => WithId(RecordingHandler.Json(HttpStatusCode.OK, FirstKey), "req-read"))
            .Enqueue(_ => throw new HttpRequestException("reset"))
            .Enqueue(_ => Error(HttpStatusCode.NotFound, "Provider key not found: not found", "req-replay"));
        using var clients = new TestClients(handler, time: time);

        var delete = clients.Client.DeleteKeyWithResponseAsync(ProviderName.OpenAI, KeyId, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var response = await delete;

        Assert.Equal(["GET", "DELETE", "DELETE"], handler.Requests.Select(r => r.Method.Method));
        Assert.Equal((HttpStatusCode.OK, "req-read"), (response.StatusCode, response.RequestId));
        Assert.Equal("openai-prod-1", response.Value.Name);
    }

    [Fact]
    public async Task Deleting_a_provider_an_older_gateway_reports_absent_gives_its_404()
    {
        var handler = new RecordingHandler().Enqueue(_ => Error(HttpStatusCode.NotFound, "Provider not found: acme", "req-gone"));
        using var clients = new TestClients(handler);

        var response = await clients.Client.DeleteProviderWithResponseAsync("acme", Ct);

        Assert.Equal((HttpStatusCode.NotFound, "req-gone"), (response.StatusCode, response.RequestId));
    }

    [Fact]
    public async Task A_failed_call_has_no_response_its_exception_carries_the_status_and_request_id()
    {
        var handler = new RecordingHandler().Enqueue(_ => Error(HttpStatusCode.BadRequest, "invalid", "req-400"));
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.UpdateProviderWithResponseAsync(ProviderName.OpenAI, Fixtures.ValidUpdate(), Ct));

        Assert.Equal((HttpStatusCode.BadRequest, "req-400"), (error.StatusCode, error.RequestId));
    }

    [Fact]
    public async Task The_twins_can_be_mocked_with_the_public_constructors()
    {
        var configuration = Json.ReadConfiguration(Fixtures.Read("get-openai-defaults.json"));
        IProviderConfigClient client = new MockClient(new ProviderConfigResponse<ProviderConfiguration>(configuration, HttpStatusCode.OK, requestId: "mock-1"));

        var response = await client.GetProviderWithResponseAsync(ProviderName.OpenAI, Ct);

        Assert.Same(configuration, response.Value);
        Assert.Equal("mock-1", response.RequestId);
        Assert.Empty(response.Headers);
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string message, string requestId)
        => WithId(RecordingHandler.Json(status, new JsonObject { ["is_bifrost_error"] = false, ["status_code"] = (int)status, ["error"] = new JsonObject { ["message"] = message } }.ToJsonString()), requestId);

    private static HttpResponseMessage WithId(HttpResponseMessage response, string requestId)
    {
        response.Headers.Add("x-request-id", requestId);
        return response;
    }

    private sealed class MockClient(ProviderConfigResponse<ProviderConfiguration> answer) : ProviderConfigClient
    {
        public override Task<ProviderConfigResponse<ProviderConfiguration>> GetProviderWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default)
            => Task.FromResult(answer);
    }
}
