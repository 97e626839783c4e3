namespace ProviderConfig.Client.Tests;

/// <summary>Client-side validation mirrors the gateway's PUT rules (contract §2.2) and adds the ones users need.</summary>
public sealed class ValidationTests
{
    private static ProviderConfiguration Read(string fixture) => Json.ReadConfiguration(Fixtures.Read(fixture));

    public static TheoryData<string, string> FixtureProviders() => new()
    {
        { "get-openai-defaults.json", "openai" },
        { "get-azure-tuned-from-config-json.json", "azure" },
        { "get-bedrock-with-proxy.json", "bedrock" },
        { "get-custom-provider-keyless.json", "acme-llm-gateway" },
        { "get-gemini-init-error-env-proxy.json", "gemini" },
    };

    [Theory]
    [MemberData(nameof(FixtureProviders))]
    public void Every_fixture_sent_back_to_its_own_provider_is_valid(string fixture, string provider)
        => Assert.Empty(Read(fixture).ToUpdate().Validate(provider));

    public static TheoryData<string, string, string> Rules() => new()
    {
        { "concurrency-zero", "concurrency_and_buffer_size.concurrency", "must be greater than 0, but is 0" },
        { "buffer-zero", "concurrency_and_buffer_size.buffer_size", "must be greater than 0, but is 0" },
        { "concurrency-above-buffer", "concurrency_and_buffer_size.concurrency", "must be less than or equal to buffer_size (10), but is 11" },
        { "backoff-initial-low", "network_config.retry_backoff_initial", "must be at least 100 ms (or 0 for the gateway default), but is 50 ms" },
        { "backoff-max-high", "network_config.retry_backoff_max", "must be at most 1000 s, but is 1000001 ms" },
        { "backoff-order", "network_config.retry_backoff_initial", "must be less than or equal to retry_backoff_max (1000 ms), but is 2000 ms" },
        { "backoff-negative", "network_config.retry_backoff_initial", "must not be negative" },
        { "backoff-fraction", "network_config.retry_backoff_max", "must be a whole number of milliseconds" },
        { "retries-negative", "network_config.max_retries", "must be 0 or more, but is -1" },
        { "timeout-negative", "network_config.default_request_timeout_in_seconds", "must not be negative" },
        { "timeout-fraction", "network_config.default_request_timeout_in_seconds", "must be a whole number of seconds" },
        { "idle-too-short", "network_config.stream_idle_timeout_in_seconds", "must be between 5 and 3600 s" },
        { "keepalive-too-long", "network_config.keep_alive_timeout_in_seconds", "must be between 1 and 3600 s" },
        { "conns-too-many", "network_config.max_conns_per_host", "must be between 1 and 10000" },
        { "base-url-scheme", "network_config.base_url", "must use http or https, but uses 'ftp'" },
        { "base-url-relative", "network_config.base_url", "must be an absolute http or https URL with a host" },
        { "base-url-private", "network_config.base_url", "points at a private network address" },
        { "base-url-link-local", "network_config.base_url", "must not point at a link-local address" },
        { "base-url-unspecified", "network_config.base_url", "must not point at an unspecified address" },
        { "header-name", "network_config.extra_headers[\"X Team\"]", "must be a valid HTTP header name" },
        { "header-value", "network_config.extra_headers[\"X-Team\"]", "must have a value without CR, LF or NUL characters" },
        { "request-id-header", "provider_request_id.header_name", "must not be a sensitive header such as 'Authorization'" },
        { "custom-base-missing", "custom_provider_config.base_provider_type", "is required" },
        { "custom-base-changed", "custom_provider_config.base_provider_type", "cannot be changed after creation (from 'openai' to 'anthropic')" },
        { "custom-removed", "custom_provider_config", "cannot be removed after creation" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_alone_reports_exactly_its_path(string rule, string expectedPath, string expectedMessage)
    {
        var custom = Read("get-custom-provider-keyless.json");
        var update = custom.ToUpdate();
        var network = update.NetworkConfig;
        update = rule switch
        {
            "concurrency-zero" => update with { ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 0, BufferSize = 10 } },
            "buffer-zero" => update with { ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 1, BufferSize = 0 } },
            "concurrency-above-buffer" => update with { ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 11, BufferSize = 10 } },
            "backoff-initial-low" => update with { NetworkConfig = network with { RetryBackoffInitial = TimeSpan.FromMilliseconds(50) } },
            "backoff-max-high" => update with { NetworkConfig = network with { RetryBackoffMax = TimeSpan.FromMilliseconds(1_000_001) } },
            "backoff-order" => update with { NetworkConfig = network with { RetryBackoffInitial = TimeSpan.FromSeconds(2), RetryBackoffMax = TimeSpan.FromSeconds(1) } },
            "backoff-negative" => update with { NetworkConfig = network with { RetryBackoffInitial = TimeSpan.FromMilliseconds(-1) } },
            "backoff-fraction" => update with { NetworkConfig = network with { RetryBackoffMax = TimeSpan.FromMilliseconds(2000.5) } },
            "retries-negative" => update with { NetworkConfig = network with { MaxRetries = -1 } },
            "timeout-negative" => update with { NetworkConfig = network with { DefaultRequestTimeout = TimeSpan.FromSeconds(-5) } },
            "timeout-fraction" => update with { NetworkConfig = network with { DefaultRequestTimeout = TimeSpan.FromSeconds(1.5) } },
            "idle-too-short" => update with { NetworkConfig = network with { StreamIdleTimeout = TimeSpan.FromSeconds(2) } },
            "keepalive-too-long" => update with { NetworkConfig = network with { KeepAliveTimeout = TimeSpan.FromHours(2) } },
            "conns-too-many" => update with { NetworkConfig = network with { MaxConnsPerHost = 20_000 } },
            "base-url-scheme" => update with { NetworkConfig = network with { BaseUrl = "ftp://llm.example.com" } },
            "base-url-relative" => update with { NetworkConfig = network with { BaseUrl = "/v1" } },
            "base-url-private" => update with { NetworkConfig = network with { BaseUrl = "http://10.1.2.3:8000", AllowPrivateNetwork = false } },
            "base-url-link-local" => update with { NetworkConfig = network with { BaseUrl = "http://169.254.169.254/latest", AllowPrivateNetwork = true } },
            "base-url-unspecified" => update with { NetworkConfig = network with { BaseUrl = "http://0.0.0.0:8000" } },
            "header-name" => update with { NetworkConfig = network with { ExtraHeaders = new Dictionary<string, string> { ["X Team"] = "a" } } },
            "header-value" => update with { NetworkConfig = network with { ExtraHeaders = new Dictionary<string, string> { ["X-Team"] = "a\r\nInjected: 1" } } },
            "request-id-header" => update with { ProviderRequestId = new ProviderRequestIdConfig { Enabled = true, HeaderName = "Authorization" } },
            "custom-base-missing" => update with { CustomProviderConfig = update.CustomProviderConfig! with { BaseProviderType = default } },
            "custom-base-changed" => update with { CustomProviderConfig = update.CustomProviderConfig! with { BaseProviderType = ProviderName.Anthropic } },
            "custom-removed" => update with { CustomProviderConfig = null },
            _ => throw new ArgumentOutOfRangeException(nameof(rule)),
        };

        var error = Assert.Single(update.Validate(custom.Name));

        Assert.False(error.IsWarning);
        Assert.Equal(expectedPath, error.Path);
        Assert.Contains(expectedMessage, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> ProxyWarnings() => new()
    {
        { "no-type", "proxy_config.type", "is empty, so the gateway stores the proxy but does not use it: set none, http, socks5 or environment" },
        { "http-no-url", "proxy_config.url", "is missing, so the gateway stores this 'http' proxy but cannot use it: set the proxy's URL" },
        { "socks5-no-url", "proxy_config.url", "is missing, so the gateway stores this 'socks5' proxy but cannot use it: set the proxy's URL" },
    };

    [Theory]
    [MemberData(nameof(ProxyWarnings))]
    public async Task A_proxy_the_gateway_stores_but_cannot_use_is_a_warning_not_an_error(string rule, string expectedPath, string expectedMessage)
    {
        // The gateway's handler does not check proxy_config at all (contract §2.2, step 10): such a PUT succeeds, so the
        // client warns and sends it.
        var custom = Read("get-custom-provider-keyless.json");
        var update = custom.ToUpdate() with
        {
            ProxyConfig = rule switch
            {
                "no-type" => new ProxyConfig { Url = SecretValue.Plain("http://proxy:3128") },
                "http-no-url" => new ProxyConfig { Type = ProxyType.Http },
                "socks5-no-url" => new ProxyConfig { Type = ProxyType.Socks5 },
                _ => throw new ArgumentOutOfRangeException(nameof(rule)),
            },
        };

        var warning = Assert.Single(update.Validate(custom.Name));

        Assert.True(warning.IsWarning);
        Assert.Equal((expectedPath, expectedMessage), (warning.Path, warning.Message));

        var handler = new RecordingHandler().EnqueueJson(System.Net.HttpStatusCode.OK, Fixtures.Read("get-custom-provider-keyless.json"));
        using var clients = new TestClients(handler);
        await clients.Client.UpdateProviderAsync(custom.Name, update, TestContext.Current.CancellationToken);

        var put = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Put, put.Method);
        Json.AssertSameTree(Json.WriteUpdate(update)["proxy_config"]!, System.Text.Json.Nodes.JsonNode.Parse(put.Body!)!["proxy_config"]!); // sent unchanged
    }

    [Fact]
    public void A_proxy_without_a_url_is_fine_for_the_types_that_need_none()
    {
        var custom = Read("get-custom-provider-keyless.json");
        foreach (var type in new[] { ProxyType.None, ProxyType.Environment })
        {
            Assert.Empty((custom.ToUpdate() with { ProxyConfig = new ProxyConfig { Type = type } }).Validate(custom.Name));
        }
    }

    [Fact]
    public void Several_problems_are_all_reported_at_once_with_their_paths()
    {
        var update = Read("get-azure-tuned-from-config-json.json").ToUpdate() with
        {
            ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 0, BufferSize = 0 },
            NetworkConfig = new NetworkConfig { RetryBackoffInitial = TimeSpan.FromMilliseconds(10), BaseUrl = "gopher://x" },
        };

        var paths = update.Validate(ProviderName.Azure).Select(e => e.Path).ToList();

        Assert.Equal(
            ["network_config.retry_backoff_initial", "network_config.base_url", "concurrency_and_buffer_size.concurrency", "concurrency_and_buffer_size.buffer_size"],
            paths);
    }

    [Fact]
    public void A_new_custom_provider_is_warned_off_odd_characters_and_a_built_in_name_but_not_refused()
    {
        var update = Read("get-custom-provider-keyless.json").ToUpdate();

        var builtIn = Assert.Single(update.Validate(ProviderName.DeepSeek));
        Assert.Equal("custom_provider_config", builtIn.Path);
        Assert.True(builtIn.IsWarning);
        var odd = Assert.Single(update.Validate("acme gateway"));
        Assert.Equal("name", odd.Path);
        Assert.True(odd.IsWarning); // the gateway accepts any name; only its dashboard is stricter (contract §2.3)
        Assert.Empty(update.Validate("acme_gateway-2"));
    }

    [Fact]
    public void Values_outside_the_schema_that_the_gateway_already_stores_do_not_block_other_changes()
    {
        var stored = Json.ReadConfiguration(Fixtures.ReadObject("get-azure-tuned-from-config-json.json").Let(j =>
        {
            j["network_config"]!["keep_alive_timeout_in_seconds"] = 7200;
            j["network_config"]!["max_conns_per_host"] = 20000;
            j["network_config"]!["base_url"] = "http://192.168.1.20:11434";
        }).ToJsonString());
        var update = stored.ToUpdate();

        Assert.Empty((update with { NetworkConfig = update.NetworkConfig with { MaxRetries = 5 } }).Validate(ProviderName.Azure));
        Assert.Equal(
            ["network_config.keep_alive_timeout_in_seconds"],
            (update with { NetworkConfig = update.NetworkConfig with { KeepAliveTimeout = TimeSpan.FromHours(3) } }).Validate(ProviderName.Azure).Select(e => e.Path));
        Assert.Equal(
            ["network_config.base_url"],
            (update with { NetworkConfig = update.NetworkConfig with { BaseUrl = "http://10.0.0.9:11434" } }).Validate(ProviderName.Azure).Select(e => e.Path));
    }

    /// <summary>A custom provider as a gateway may store it (older versions, config.json, direct edits): every value breaks a rule the SDK knows.</summary>
    private static System.Text.Json.Nodes.JsonObject StoredInOddShape(string name) => Fixtures.ReadObject("get-custom-provider-keyless.json").Let(j =>
    {
        j["name"] = name;
        var network = j["network_config"]!;
        network["base_url"] = "ftp://10.20.30.40/v1";
        network["allow_private_network"] = false;
        network["max_retries"] = -1;
        network["retry_backoff_initial"] = 50;
        network["retry_backoff_max"] = 20;
        network["default_request_timeout_in_seconds"] = -5;
        network["stream_idle_timeout_in_seconds"] = 2;
        network["keep_alive_timeout_in_seconds"] = 7200;
        network["max_conns_per_host"] = -3;
        network["extra_headers"] = new System.Text.Json.Nodes.JsonObject { ["X Team"] = "a", ["X-Folded"] = "a\r\n b" };
        j["concurrency_and_buffer_size"] = new System.Text.Json.Nodes.JsonObject { ["concurrency"] = -1, ["buffer_size"] = 10 };
        j["custom_provider_config"]!["base_provider_type"] = "vllm";
        j["proxy_config"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "http", ["url"] = null, ["username"] = null, ["password"] = null, ["ca_cert_pem"] = null };
        j["provider_request_id"] = new System.Text.Json.Nodes.JsonObject { ["enabled"] = true, ["header_name"] = "Authorization" };
    });

    [Theory]
    [InlineData("acme gateway")] // a name the dashboard would not allow
    [InlineData("deepseek")]     // a built-in name carrying a custom block
    public void A_provider_stored_in_any_shape_can_be_updated_in_any_other_field(string name)
    {
        var stored = Json.ReadConfiguration(StoredInOddShape(name).ToJsonString());

        var update = stored.ToUpdate() with { SendBackRawRequest = true };

        Assert.Empty(update.Validate(name));
        Assert.Empty(update.Validate());
        Assert.Empty((update with { NetworkConfig = update.NetworkConfig with { EnforceHttp2 = true } }).Validate(name));
    }

    [Fact]
    public async Task The_client_sends_an_update_of_a_provider_stored_in_an_odd_shape()
    {
        var body = StoredInOddShape("acme gateway").ToJsonString();
        var handler = new RecordingHandler().EnqueueJson(System.Net.HttpStatusCode.OK, body).EnqueueJson(System.Net.HttpStatusCode.OK, body).EnqueueJson(System.Net.HttpStatusCode.OK, body);
        using var clients = new TestClients(handler);

        await clients.Client.UpdateProviderAsync("acme gateway", u => u with { SendBackRawRequest = true }, TestContext.Current.CancellationToken);

        Assert.Equal(["GET", "GET", "PUT"], handler.Requests.Select(r => r.Method.Method));
    }

    [Fact]
    public void An_odd_stored_value_changed_to_another_odd_value_is_still_reported()
    {
        var stored = Json.ReadConfiguration(StoredInOddShape("acme-gateway").ToJsonString());
        var update = stored.ToUpdate();

        var errors = (update with
        {
            NetworkConfig = update.NetworkConfig with { MaxRetries = -2, ExtraHeaders = new Dictionary<string, string>(update.NetworkConfig.ExtraHeaders!) { ["X Other"] = "b" } },
            ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = -1, BufferSize = 0 },
        }).Validate("acme-gateway");

        Assert.Equal(
            ["network_config.max_retries", "network_config.extra_headers[\"X Other\"]", "concurrency_and_buffer_size.buffer_size"],
            errors.Select(e => e.Path));
    }

    [Fact]
    public void Rules_that_repeat_the_gateways_changing_lists_are_warnings_and_the_client_sends_anyway()
    {
        var custom = Read("get-custom-provider-keyless.json");

        var unsupported = custom.ToUpdate() with { CustomProviderConfig = null };
        var newVllm = unsupported with { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "vllm" } };
        var warnings = newVllm.Validate("acme-vllm").Concat(custom.ToUpdate().Validate(ProviderName.DeepSeek)).ToList();

        Assert.Equal(["custom_provider_config.base_provider_type", "custom_provider_config"], warnings.Select(w => w.Path));
        Assert.All(warnings, w =>
        {
            Assert.True(w.IsWarning);
            Assert.Equal(ProviderValidationSeverity.Warning, w.Severity);
            Assert.EndsWith("(warning)", w.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_client_does_not_refuse_on_warnings()
    {
        var handler = new RecordingHandler().EnqueueJson(System.Net.HttpStatusCode.OK, Fixtures.Read("get-custom-provider-keyless.json"));
        using var clients = new TestClients(handler);
        var update = Fixtures.ValidUpdate() with { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "vllm" } };

        await clients.Client.UpdateProviderAsync("acme-vllm", update, TestContext.Current.CancellationToken);

        Assert.Equal(HttpMethod.Put, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public void Zero_means_gateway_default_and_is_valid()
    {
        var update = Read("get-openai-defaults.json").ToUpdate() with { NetworkConfig = new NetworkConfig() };

        Assert.Empty(update.Validate(ProviderName.OpenAI));
    }

    [Fact]
    public void Loopback_and_private_base_urls_follow_the_gateways_rules()
    {
        var update = Read("get-openai-defaults.json").ToUpdate();

        Assert.Empty((update with { NetworkConfig = update.NetworkConfig with { BaseUrl = "http://127.0.0.1:11434" } }).Validate());
        Assert.Empty((update with { NetworkConfig = update.NetworkConfig with { BaseUrl = "http://192.168.1.20:8000", AllowPrivateNetwork = true } }).Validate());
        Assert.Empty((update with { NetworkConfig = update.NetworkConfig with { BaseUrl = "https://llm.internal.example" } }).Validate());
    }

    [Fact]
    public void The_validation_exception_lists_every_problem_and_names_the_provider()
    {
        var errors = new List<ProviderValidationError> { new("a.b", "must be x"), new("c", "must be y") };

        var error = new ProviderConfigValidationException("openai", errors);

        Assert.Equal("The update for provider 'openai' was not sent (2 problems): a.b: must be x; c: must be y", error.Message);
    }
}
