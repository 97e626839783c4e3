using System.Net;
using System.Net.Http.Headers;

namespace ProviderConfig.Client.Tests;

/// <summary>What an error carries besides the message: the gateway's error type and event id, never a credential.</summary>
public sealed class ErrorDetailsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_type_and_event_id_at_the_top_of_the_gateways_error_are_on_the_exception_and_the_event_id_in_its_message()
    {
        var handler = new RecordingHandler().EnqueueJson(
            HttpStatusCode.BadRequest,
            """{"event_id":"evt-7f3a","type":"invalid_request","is_bifrost_error":false,"status_code":400,"error":{"message":"Concurrency must be less than or equal to buffer size"},"extra_fields":{}}""");
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.UpdateProviderAsync(ProviderName.OpenAI, Fixtures.ValidUpdate(), Ct));

        Assert.Equal("invalid_request", error.ErrorType);
        Assert.Equal("evt-7f3a", error.EventId);
        Assert.EndsWith("Event id: evt-7f3a.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_type_and_event_id_inside_the_error_object_are_used_when_the_top_level_has_none()
    {
        var handler = new RecordingHandler().EnqueueJson(
            HttpStatusCode.NotFound,
            """{"is_bifrost_error":true,"status_code":404,"error":{"message":"Provider not found: not found","type":"not_found","code":"404","event_id":"evt-inner"}}""");
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderNotFoundException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal("not_found", error.ErrorType);
        Assert.Equal("evt-inner", error.EventId);
    }

    [Fact]
    public async Task Without_a_type_or_event_id_both_are_null()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.NotFound, Fixtures.Read("errors/error-404-provider-not-found.json"));
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderNotFoundException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Null(error.ErrorType);
        Assert.Null(error.EventId);
        Assert.DoesNotContain("Event id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_echoed_in_the_type_or_event_id_is_scrubbed()
    {
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "auth Bearer " + TestClients.ApiKey,
            ["event_id"] = TestClients.ApiKey,
            ["is_bifrost_error"] = false,
            ["status_code"] = 401,
            ["error"] = new System.Text.Json.Nodes.JsonObject { ["message"] = "Unauthorized" },
        }.ToJsonString();
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.Unauthorized, body);
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigAuthenticationException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        foreach (var text in new[] { error.ErrorType!, error.EventId!, error.Message })
        {
            Assert.DoesNotContain(TestClients.ApiKey, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_type_and_event_id_survive_a_retry_that_was_given_up()
    {
        var handler = new RecordingHandler().EnqueueJson(
            HttpStatusCode.ServiceUnavailable,
            """{"type":"maintenance","event_id":"evt-503","is_bifrost_error":false,"status_code":503,"error":{"message":"maintenance"}}""",
            r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));
        using var clients = new TestClients(handler, time: new TimerRecordingTimeProvider());

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
        Assert.Equal("maintenance", error.ErrorType);
        Assert.Equal("evt-503", error.EventId);
    }
}
