using System.Text.Json;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// The edges of each validation rule (contract §2.2 and the config schema: the limits themselves are valid, one step
/// beyond is not), the rules' messages, and which rule looks at what when only part of a block changed since the read.
/// </summary>
public sealed class ValidationBoundaryTests
{
    private static ProviderConfiguration Read(string fixture, Action<System.Text.Json.Nodes.JsonObject>? edit = null)
        => Json.ReadConfiguration(Fixtures.ReadObject(fixture).Let(edit ?? (_ => { })).ToJsonString());

    private static ProviderUpdate Azure() => Read("get-azure-tuned-from-config-json.json").ToUpdate();

    private static IReadOnlyList<ProviderValidationError> WithNetwork(Func<NetworkConfig, NetworkConfig> change)
    {
        var update = Azure();
        return (update with { NetworkConfig = change(update.NetworkConfig) }).Validate(ProviderName.Azure);
    }

    [Fact]
    public void Missing_required_blocks_are_named()
    {
        var errors = (Azure() with { NetworkConfig = null!, ConcurrencyAndBufferSize = null! }).Validate(ProviderName.Azure);

        Assert.Equal(
            [("network_config", "is required: the gateway resets an omitted network_config to defaults"), ("concurrency_and_buffer_size", "is required")],
            errors.Select(e => (e.Path, e.Message)));
    }

    [Theory]
    [InlineData(1, 1, null)]
    [InlineData(10, 10, null)]
    [InlineData(2, 1, "concurrency_and_buffer_size.concurrency")]
    [InlineData(1, 0, "concurrency_and_buffer_size.buffer_size")]
    public void Concurrency_may_equal_the_buffer_size_and_one_is_the_smallest_buffer(int concurrency, int bufferSize, string? expectedPath)
    {
        var errors = (Azure() with { ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = concurrency, BufferSize = bufferSize } }).Validate(ProviderName.Azure);

        Assert.Equal(expectedPath is null ? [] : [expectedPath], errors.Select(e => e.Path));
    }

    [Fact]
    public void Changing_only_the_buffer_below_the_stored_concurrency_is_caught_and_a_stored_inversion_alone_is_not()
    {
        var stored = Read("get-azure-tuned-from-config-json.json", j => j["concurrency_and_buffer_size"] = new System.Text.Json.Nodes.JsonObject { ["concurrency"] = 20, ["buffer_size"] = 10 });
        var update = stored.ToUpdate();

        Assert.Empty((update with { SendBackRawResponse = false }).Validate(ProviderName.Azure));
        var error = Assert.Single((update with { ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 20, BufferSize = 15 } }).Validate(ProviderName.Azure));
        Assert.Equal(("concurrency_and_buffer_size.concurrency", "must be less than or equal to buffer_size (15), but is 20"), (error.Path, error.Message));
    }

    [Theory]
    [InlineData(100, null)]
    [InlineData(99, "must be at least 100 ms (or 0 for the gateway default), but is 99 ms")]
    [InlineData(1_000_000, null)]
    [InlineData(1_000_001, "must be at most 1000 s, but is 1000001 ms")]
    public void Backoffs_from_100_ms_to_1000_s_are_valid(int milliseconds, string? expectedMessage)
    {
        var value = TimeSpan.FromMilliseconds(milliseconds);
        var errors = WithNetwork(n => n with { RetryBackoffInitial = value, RetryBackoffMax = value });

        Assert.Equal(
            expectedMessage is null ? [] : [("network_config.retry_backoff_initial", expectedMessage), ("network_config.retry_backoff_max", expectedMessage)],
            errors.Select(e => (e.Path, e.Message)));
    }

    [Fact]
    public void The_initial_backoff_may_equal_the_max_and_a_new_max_below_the_stored_initial_is_caught()
    {
        Assert.Empty(WithNetwork(n => n with { RetryBackoffInitial = TimeSpan.FromSeconds(2), RetryBackoffMax = TimeSpan.FromSeconds(2) }));

        // Stored: initial 1000 ms, max 10000 ms. Only the max changes.
        var error = Assert.Single(WithNetwork(n => n with { RetryBackoffMax = TimeSpan.FromMilliseconds(500) }));
        Assert.Equal(("network_config.retry_backoff_initial", "must be less than or equal to retry_backoff_max (500 ms), but is 1000 ms"), (error.Path, error.Message));
    }

    [Theory]
    [InlineData(5, null)]
    [InlineData(3600, null)]
    [InlineData(4, "must be between 5 and 3600 s (or 0 for the gateway default), but is 4 s")]
    [InlineData(3601, "must be between 5 and 3600 s (or 0 for the gateway default), but is 3601 s")]
    public void Stream_idle_timeouts_from_5_to_3600_s_are_valid(int seconds, string? expectedMessage)
    {
        var errors = WithNetwork(n => n with { StreamIdleTimeout = TimeSpan.FromSeconds(seconds) });

        Assert.Equal(expectedMessage is null ? [] : [expectedMessage], errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(10_000, true)]
    [InlineData(10_001, false)]
    [InlineData(-1, false)]
    public void Max_conns_per_host_takes_0_to_10000(int conns, bool valid)
        => Assert.Equal(valid ? [] : ["network_config.max_conns_per_host"], WithNetwork(n => n with { MaxConnsPerHost = conns }).Select(e => e.Path));

    [Theory]
    [InlineData("\r\nX-Injected: 1")]
    [InlineData("\nx")]
    [InlineData("a\0")]
    public void A_header_value_with_a_line_break_or_nul_anywhere_is_refused(string value)
    {
        var error = Assert.Single(WithNetwork(n => n with { ExtraHeaders = new Dictionary<string, string> { ["X-Team"] = value } }));

        Assert.Equal(("network_config.extra_headers[\"X-Team\"]", "must have a value without CR, LF or NUL characters"), (error.Path, error.Message));
    }

    public static TheoryData<string> SensitiveHeaders() => new("authorization", "Proxy-Authorization", "cookie", "Set-Cookie", "X-API-Key", "api-key");

    [Theory]
    [MemberData(nameof(SensitiveHeaders))]
    public void The_request_id_header_may_not_be_a_credential_header(string header)
    {
        var error = Assert.Single((Azure() with { ProviderRequestId = new ProviderRequestIdConfig { Enabled = true, HeaderName = header } }).Validate(ProviderName.Azure));

        Assert.Equal(("provider_request_id.header_name", $"must not be a sensitive header such as '{header.Trim()}'"), (error.Path, error.Message));
    }

    [Fact]
    public void The_request_id_header_must_be_a_valid_header_name()
    {
        var error = Assert.Single((Azure() with { ProviderRequestId = new ProviderRequestIdConfig { Enabled = true, HeaderName = "X Request Id" } }).Validate(ProviderName.Azure));

        Assert.Equal("provider_request_id.header_name", error.Path);
        Assert.StartsWith("must be a valid HTTP header name", error.Message, StringComparison.Ordinal);
        Assert.Empty((Azure() with { ProviderRequestId = new ProviderRequestIdConfig { Enabled = true, HeaderName = "X-Request-Id" } }).Validate(ProviderName.Azure));
    }

    public static TheoryData<string, bool> Addresses() => new()
    {
        { "http://10.0.0.1", true },
        { "http://172.16.0.1", true },
        { "http://172.31.255.1", true },
        { "http://172.15.0.1", false },
        { "http://172.32.0.1", false },
        { "http://192.168.0.1", true },
        { "http://192.169.0.1", false },
        { "http://193.168.0.1", false },
        { "http://11.16.0.1", false },
        { "http://[fd00::1]", true },
        { "http://[::ffff:10.1.2.3]", true },
        { "http://[::ffff:8.8.8.8]", false },
        { "http://8.8.8.8", false },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Private_addresses_are_the_rfc_1918_and_unique_local_ranges(string url, bool isPrivate)
    {
        var errors = WithNetwork(n => n with { BaseUrl = url, AllowPrivateNetwork = false });

        Assert.Equal(isPrivate ? ["points at a private network address, which the gateway rejects unless network_config.allow_private_network is true"] : [], errors.Select(e => e.Message));
        Assert.Empty(WithNetwork(n => n with { BaseUrl = url, AllowPrivateNetwork = true }));
    }

    [Theory]
    [InlineData("http://169.254.1.1", true)]
    [InlineData("http://169.253.1.1", false)]
    [InlineData("http://8.8.254.1", false)]
    [InlineData("http://[fe80::1]", true)]
    public void Link_local_addresses_are_refused_even_with_private_networks_allowed(string url, bool linkLocal)
    {
        var errors = WithNetwork(n => n with { BaseUrl = url, AllowPrivateNetwork = true });

        Assert.Equal(linkLocal ? ["must not point at a link-local address (169.254.0.0/16 or fe80::/10); the gateway always rejects it"] : [], errors.Select(e => e.Message));
    }

    [Fact]
    public void Turning_private_networks_off_under_a_stored_private_url_is_caught_and_nothing_else_about_that_url_is()
    {
        var stored = Read("get-custom-provider-keyless.json", j => j["network_config"]!["base_url"] = "http://10.20.30.40:8000");
        var update = stored.ToUpdate();

        var error = Assert.Single((update with { NetworkConfig = update.NetworkConfig with { AllowPrivateNetwork = false } }).Validate(stored.Name));
        Assert.Equal(("network_config.base_url", "points at a private network address, which the gateway rejects unless network_config.allow_private_network is true"), (error.Path, error.Message));

        // A stored public address, and a stored URL the rules would refuse if it were new (another scheme), are not
        // looked at again for the switch.
        var publicIp = Read("get-custom-provider-keyless.json", j => j["network_config"]!["base_url"] = "http://8.8.8.8:8000");
        var publicUpdate = publicIp.ToUpdate();
        Assert.Empty((publicUpdate with { NetworkConfig = publicUpdate.NetworkConfig with { AllowPrivateNetwork = false } }).Validate(publicIp.Name));
        var ftp = Read("get-custom-provider-keyless.json", j => j["network_config"]!["base_url"] = "ftp://files.example.com");
        var ftpUpdate = ftp.ToUpdate();
        Assert.Empty((ftpUpdate with { NetworkConfig = ftpUpdate.NetworkConfig with { AllowPrivateNetwork = false } }).Validate(ftp.Name));
    }

    [Fact]
    public void A_base_url_without_a_host_is_refused()
    {
        var error = Assert.Single(WithNetwork(n => n with { BaseUrl = "http://" }));

        Assert.Equal("network_config.base_url", error.Path);
        Assert.Contains("host", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> KnownBaseProviders() => new("anthropic", "bedrock", "cohere", "gemini", "openai", "huggingface", "replicate");

    [Theory]
    [MemberData(nameof(KnownBaseProviders))]
    public void Each_base_provider_the_gateway_is_known_to_accept_gets_no_warning(string baseProvider)
    {
        var custom = Read("get-custom-provider-keyless.json").ToUpdate() with { CustomProviderConfig = null };

        Assert.Empty((custom with { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = baseProvider } }).Validate("acme-new"));
    }

    [Fact]
    public void The_warnings_say_what_is_odd_and_that_the_gateway_decides()
    {
        var custom = Read("get-custom-provider-keyless.json").ToUpdate();

        var vllm = Assert.Single((custom with { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "vllm" } }).Validate("acme-vllm"));
        Assert.Equal(
            "is 'vllm', which is not among the base providers gateways are known to accept (anthropic, bedrock, cohere, gemini, openai, huggingface, replicate); a newer gateway may accept it, otherwise its answer says why not",
            vllm.Message);
        Assert.Equal(
            "is set on 'deepseek', a built-in provider's name: gateways refuse a custom provider of that name (or drop it at start-up), so give it a name of its own",
            Assert.Single(custom.Validate(ProviderName.DeepSeek)).Message);
        Assert.Equal(
            "uses characters other than letters, digits, '-' and '_' ('acme gateway'): the gateway accepts it, but its dashboard cannot create or edit such a name",
            Assert.Single(custom.Validate("acme gateway")).Message);
    }

    [Fact]
    public void A_base_provider_may_be_set_where_the_stored_one_is_empty()
    {
        var stored = Read("get-custom-provider-keyless.json", j => j["custom_provider_config"]!["base_provider_type"] = "");
        var update = stored.ToUpdate();

        Assert.Empty((update with { CustomProviderConfig = update.CustomProviderConfig! with { BaseProviderType = ProviderName.OpenAI } }).Validate(stored.Name));
    }

    [Theory]
    [InlineData(1, "holds 1 key read from a gateway older than March 2026")]
    [InlineData(2, "holds 2 keys read from a gateway older than March 2026")]
    public void Keys_from_an_old_gateway_are_counted_in_the_refusal(int count, string expectedStart)
    {
        var keys = JsonSerializer.SerializeToElement(Enumerable.Range(0, count).Select(i => new { id = $"k{i}" }).ToArray());
        var update = Azure();
        update.ExtensionData = new Dictionary<string, JsonElement> { ["keys"] = keys };

        var error = Assert.Single(update.Validate(ProviderName.Azure));

        Assert.Equal("keys", error.Path);
        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mask_built_in_code_is_refused_as_not_read_from_the_gateway()
    {
        var update = ProviderConfigJson.DeserializeUpdate("""
            {
              "network_config": {},
              "concurrency_and_buffer_size": { "concurrency": 1, "buffer_size": 1 },
              "proxy_config": { "type": "http", "url": "http://proxy:3128", "password": "<REDACTED>" }
            }
            """);

        var error = Assert.Single(update.Validate(ProviderName.OpenAI));

        Assert.Equal("proxy_config.password", error.Path);
        Assert.StartsWith("is a mask (not read from the gateway) that the gateway would store as the credential", error.Message, StringComparison.Ordinal);
    }
}
