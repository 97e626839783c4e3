using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Tests;

/// <summary>What goes on the wire, and how every answer comes back, over an in-memory handler.</summary>
public sealed class ClientRequestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_sends_one_bearer_authenticated_GET_to_the_provider_path()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler);

        var configuration = await clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("https://bifrost.example.com/api/providers/openai", request.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + TestClients.ApiKey, request.Authorization);
        Assert.Null(request.Body);
        Assert.Equal(1000, configuration.ConcurrencyAndBufferSize.Concurrency);
    }

    [Fact]
    public async Task Put_sends_the_complete_update_as_json_and_returns_the_stored_configuration()
    {
        var stored = Fixtures.Read("get-azure-tuned-from-config-json.json");
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, stored);
        using var clients = new TestClients(handler);
        var update = Json.ReadConfiguration(stored).ToUpdate() with { SendBackRawRequest = true };

        var result = await clients.Client.UpdateProviderAsync(ProviderName.Azure, update, Ct);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://bifrost.example.com/api/providers/azure", request.Uri.AbsoluteUri);
        Assert.Equal("application/json", request.ContentType);
        var expected = Fixtures.WithoutReadOnly(Fixtures.ReadObject("get-azure-tuned-from-config-json.json"));
        expected["send_back_raw_request"] = true;
        Json.AssertSameTree(expected, JsonNode.Parse(request.Body!)!);
        Assert.Equal("cb5819fd720e12f6211eab09ba0e890246448f5928cf6d6a02c081d428396afd", result.ConfigHash);
    }

    [Theory]
    [InlineData("a b/c", "/api/providers/a%20b%2Fc")]
    [InlineData("acme-llm_gateway", "/api/providers/acme-llm_gateway")]
    [InlineData("x?y#z", "/api/providers/x%3Fy%23z")]
    [InlineData("ünï", "/api/providers/%C3%BCn%C3%AF")]
    public async Task Provider_names_are_escaped_as_one_path_segment(string name, string expectedPath)
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler);

        await clients.Client.GetProviderAsync(name, Ct);

        Assert.Equal(expectedPath, Assert.Single(handler.Requests).Uri.AbsolutePath);
    }

    [Fact]
    public async Task A_base_address_with_a_path_prefix_keeps_it()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler, o => o.BaseAddress = new Uri("https://gw.example.com/bifrost/"));

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal("https://gw.example.com/bifrost/api/providers/openai", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Basic_credentials_are_sent_as_basic_auth()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler, o =>
        {
            o.ApiKey = null;
            o.Username = "admin";
            o.Password = "s3cret:pa55";
        });

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:s3cret:pa55")), Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public async Task No_credentials_means_no_authorization_header()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler, o => o.ApiKey = null);

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Null(Assert.Single(handler.Requests).Authorization);
    }

    public static TheoryData<HttpStatusCode, string, Type> ErrorCases() => new()
    {
        { HttpStatusCode.NotFound, "errors/error-404-provider-not-found.json", typeof(ProviderNotFoundException) },
        { HttpStatusCode.Unauthorized, "errors/error-401-unauthorized.json", typeof(ProviderConfigAuthenticationException) },
        { HttpStatusCode.Forbidden, "errors/error-401-unauthorized.json", typeof(ProviderConfigAuthenticationException) },
        { HttpStatusCode.BadRequest, "errors/error-400-validation.json", typeof(ProviderConfigApiException) },
        { HttpStatusCode.BadRequest, "errors/error-400-keys-in-put.json", typeof(ProviderConfigApiException) },
        { HttpStatusCode.BadRequest, "errors/error-400-bad-json.json", typeof(ProviderConfigApiException) },
        { HttpStatusCode.Conflict, "errors/error-400-bad-json.json", typeof(ProviderConfigApiException) },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public async Task Error_statuses_become_sdk_exceptions_with_the_gateways_message(HttpStatusCode status, string fixture, Type expectedType)
    {
        var body = Fixtures.ReadObject(fixture);
        var handler = new RecordingHandler().EnqueueJson(status, body.ToJsonString(), r => r.Headers.Add("x-request-id", "req-42"));
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 0);

        var error = await Assert.ThrowsAnyAsync<ProviderConfigApiException>(() => clients.Client.UpdateProviderAsync("openai", Fixtures.ValidUpdate(), Ct));

        Assert.IsType(expectedType, error);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(body["error"]!["message"]!.GetValue<string>(), error.ServerMessage);
        Assert.Equal("req-42", error.RequestId);
        Assert.Equal("PUT", error.Method);
        Assert.Equal("/api/providers/openai", error.Path);
        Assert.Equal(1, error.Attempts);
        Assert.Contains(error.ServerMessage!, error.Message, StringComparison.Ordinal);
        Assert.Contains("req-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_names_the_provider()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.NotFound, Fixtures.Read("errors/error-404-provider-not-found.json"));
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderNotFoundException>(() => clients.Client.GetProviderAsync("OpenAI", Ct));

        Assert.Equal((ProviderName)"OpenAI", error.Provider);
        Assert.Equal("GET /api/providers/OpenAI failed with 404 NotFound: Provider not found: not found.", error.Message);
    }

    [Fact]
    public async Task The_older_string_error_shape_is_read_too()
    {
        var handler = new RecordingHandler().EnqueueJson(HttpStatusCode.BadRequest, """{"error":"Invalid JSON","message":"unexpected end of input"}""");
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.UpdateProviderAsync("openai", Fixtures.ValidUpdate(), Ct));

        Assert.Equal("Invalid JSON: unexpected end of input", error.ServerMessage);
    }

    [Fact]
    public async Task An_error_page_from_a_proxy_becomes_a_short_scrubbed_excerpt()
    {
        var html = "<html><body><h1>502 Bad Gateway</h1>\n<p>upstream sent Authorization: Bearer " + TestClients.ApiKey + "</p>" + new string('x', 2000) + "</body></html>";
        var handler = new RecordingHandler().Enqueue(_ => new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(html, Encoding.UTF8, "text/html") });
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigAuthenticationException>(() => clients.Client.GetProviderAsync("openai", Ct));

        Assert.StartsWith("<html><body><h1>502 Bad Gateway</h1> <p>", error.ServerMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(TestClients.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.True(error.ServerMessage!.Length <= 161, "the excerpt is short");
    }

    public static TheoryData<string, string, string> BadSuccessBodies() => new()
    {
        { "text/html", "<html>Bifrost dashboard</html>", "text/html" },
        { "application/json", """{"name":"openai","network_config":{"max_retries":"three"}""", "not a provider configuration" },
        { "application/json", """{"name":"openai","network_con""", "not a provider configuration" },
        { "application/json", "null", "not a provider configuration" },
        { "application/json", "[1,2,3]", "not a provider configuration" },
    };

    [Theory]
    [MemberData(nameof(BadSuccessBodies))]
    public async Task A_success_status_with_the_wrong_body_is_a_clear_sdk_exception(string mediaType, string body, string expected)
    {
        var handler = new RecordingHandler().Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigException>(() => clients.Client.GetProviderAsync("openai", Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/providers/openai", error.Message, StringComparison.Ordinal);
        if (body.StartsWith('{'))
        {
            // A JSON object may hold unmasked values (extra_headers): it is pointed at, never quoted.
            Assert.Contains("(not quoted, as it may hold secrets)", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("network_con", error.Message.Replace("$.network_con", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("Body starts: " + body[..Math.Min(body.Length, 10)], error.Message, StringComparison.Ordinal);
        }

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_body_far_larger_than_any_provider_configuration_is_refused_not_buffered()
    {
        var handler = new RecordingHandler().Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(new byte[33 * 1024 * 1024]) { Headers = { ContentType = new("application/json") } },
        });
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigException>(() => clients.Client.GetProviderAsync("openai", Ct));

        Assert.Contains("more than the 33554432 bytes the SDK reads from one gateway answer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_lost_in_the_middle_of_the_body_is_a_transport_error()
    {
        var handler = new RecordingHandler().Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new FailingStream()) { Headers = { ContentType = new("application/json") } },
        });
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => clients.Client.GetProviderAsync("openai", Ct));

        Assert.Equal("the connection failed while the response body was read", error.Reason);
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(Encoding.UTF8.GetBytes("{\"name\":\"op"))
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely.");
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var handler = new RecordingHandler().Enqueue(_ =>
        {
            cts.Cancel();
            return RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}");
        });
        using var clients = new TestClients(handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Client.GetProviderAsync("openai", cts.Token));
    }

    [Fact]
    public async Task Default_provider_name_is_rejected_before_any_request()
    {
        var handler = new RecordingHandler();
        using var clients = new TestClients(handler);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => clients.Client.GetProviderAsync(default, Ct));

        Assert.Equal("provider", error.ParamName);
        Assert.Empty(handler.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_api_key_is_in_no_log_line_and_no_exception(bool withFactoryLogging)
    {
        var handler = new RecordingHandler
        {
            Default = _ => RecordingHandler.Json(HttpStatusCode.Unauthorized, Fixtures.Read("errors/error-401-unauthorized.json")),
        };
        handler.EnqueueJson(HttpStatusCode.ServiceUnavailable, "{}");
        using var clients = new TestClients(
            handler,
            o => o.Retry.RetryBackoffInitial = o.Retry.RetryBackoffMax = TimeSpan.FromMilliseconds(1),
            after: withFactoryLogging ? s => s.AddHttpClient(ProviderConfigServiceCollectionExtensions.HttpClientName).AddDefaultLogger() : null);

        var error = await Assert.ThrowsAsync<ProviderConfigAuthenticationException>(() => clients.Client.GetProviderAsync("openai", Ct));

        var logs = clients.Logs.GetSnapshot();
        Assert.Contains(logs, l => l.Message.StartsWith("Retrying GET /api/providers/openai", StringComparison.Ordinal));
        if (withFactoryLogging)
        {
            // IHttpClientFactory's request logs, back on request: the header is named, its value redacted.
            Assert.Contains(logs, l => l.Message.Contains("Authorization: *", StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            // Off by default: the SDK logs its retries itself.
            Assert.DoesNotContain(logs, l => l.Category?.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) == true);
        }

        foreach (var record in logs)
        {
            Assert.DoesNotContain(TestClients.ApiKey, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestClients.ApiKey, record.StructuredState?.ToString() ?? string.Empty, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(TestClients.ApiKey, error.ToString(), StringComparison.Ordinal);
        var options = clients.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<ProviderConfigClientOptions>)) as Microsoft.Extensions.Options.IOptions<ProviderConfigClientOptions>;
        Assert.DoesNotContain(TestClients.ApiKey, options!.Value.ToString(), StringComparison.Ordinal);
    }
}
