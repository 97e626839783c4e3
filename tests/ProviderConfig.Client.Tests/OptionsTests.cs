using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProviderConfig.Client.Tests;

/// <summary>Bad settings are reported at start-up, each message naming the setting.</summary>
public sealed class OptionsTests
{
    private static OptionsValidationException StartWith(Action<ProviderConfigClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddProviderConfigClient(configure);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProviderConfigClientOptions>>().Value);
    }

    public static TheoryData<string, string> Invalid() => new()
    {
        { "missing", "ProviderConfigClientOptions.BaseAddress is required" },
        { "relative", "ProviderConfigClientOptions.BaseAddress must be an absolute URI" },
        { "ftp", "must use http or https" },
        { "both", "ProviderConfigClientOptions.ApiKey and ProviderConfigClientOptions.Username/Password are both set" },
        { "half-basic", "ProviderConfigClientOptions.Username and ProviderConfigClientOptions.Password go together" },
        { "insecure", "is plain http to 'bifrost.example.com', which is not loopback" },
        { "timeouts", "ProviderConfigClientOptions.AttemptTimeout (00:05:00) must not exceed ProviderConfigClientOptions.TotalTimeout (00:02:00)" },
        { "zero-attempt", "ProviderConfigClientOptions.AttemptTimeout must be greater than zero and at most 1.00:00:00, but was 00:00:00" },
        { "endless-total", "ProviderConfigClientOptions.TotalTimeout must be greater than zero and at most 1.00:00:00, but was 60.00:00:00" },
        { "backoff", "ProviderConfigClientOptions.Retry.RetryBackoffInitial (00:00:10) must not exceed ProviderConfigClientOptions.Retry.RetryBackoffMax (00:00:05)" },
        { "retries", "ProviderConfigClientOptions.Retry.MaxRetries must be 0 or more" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_settings_fail_with_a_message_naming_the_setting(string problem, string expected)
    {
        var error = StartWith(o =>
        {
            o.BaseAddress = new Uri("https://bifrost.example.com");
            o.ApiKey = "key";
            switch (problem)
            {
                case "missing": o.BaseAddress = null; break;
                case "relative": o.BaseAddress = new Uri("/bifrost", UriKind.Relative); break;
                case "ftp": o.BaseAddress = new Uri("ftp://bifrost.example.com"); break;
                case "both": o.Username = "admin"; o.Password = "pw"; break;
                case "half-basic": o.ApiKey = null; o.Username = "admin"; break;
                case "insecure": o.BaseAddress = new Uri("http://bifrost.example.com"); break;
                case "timeouts": o.AttemptTimeout = TimeSpan.FromMinutes(5); break;
                case "zero-attempt": o.AttemptTimeout = TimeSpan.Zero; break;
                case "endless-total": o.TotalTimeout = TimeSpan.FromDays(60); break;
                case "backoff": o.Retry.RetryBackoffInitial = TimeSpan.FromSeconds(10); break;
                case "retries": o.Retry.MaxRetries = -1; break;
            }
        });

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", error.Message.Replace("Password", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:8080")]
    [InlineData("http://127.0.0.1:8080")]
    [InlineData("http://[::1]:8080")]
    public async Task Plain_http_to_loopback_carries_the_credentials(string address)
    {
        var handler = new RecordingHandler().EnqueueJson(System.Net.HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler, o => o.BaseAddress = new Uri(address));

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, TestContext.Current.CancellationToken);

        var sent = Assert.Single(handler.Requests);
        Assert.Equal(new Uri(new Uri(address), "/api/providers/openai"), sent.Uri);
        Assert.Equal("Bearer " + TestClients.ApiKey, sent.Authorization);
    }

    [Fact]
    public async Task AllowInsecureTransport_opts_in_to_plain_http_to_another_host()
    {
        const string address = "http://bifrost.internal:8080";
        var refused = StartWith(o =>
        {
            o.BaseAddress = new Uri(address);
            o.ApiKey = "key";
        });
        var handler = new RecordingHandler().EnqueueJson(System.Net.HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));
        using var clients = new TestClients(handler, o =>
        {
            o.BaseAddress = new Uri(address);
            o.AllowInsecureTransport = true;
        });

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, TestContext.Current.CancellationToken);

        Assert.Contains("AllowInsecureTransport", refused.Message, StringComparison.Ordinal);
        Assert.Equal("Bearer " + TestClients.ApiKey, Assert.Single(handler.Requests).Authorization);
    }

    [Fact]
    public void Settings_bind_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProviderConfig:BaseAddress"] = "https://bifrost.example.com/",
            ["ProviderConfig:ApiKey"] = "key",
            ["ProviderConfig:AttemptTimeout"] = "00:00:10",
            ["ProviderConfig:Retry:MaxRetries"] = "5",
            ["ProviderConfig:Retry:RetryBackoffInitial"] = "00:00:00.250",
        }).Build();
        var services = new ServiceCollection();
        services.AddProviderConfigClient(configuration.GetSection("ProviderConfig"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ProviderConfigClientOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(10), options.AttemptTimeout);
        Assert.Equal(5, options.Retry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.Retry.RetryBackoffInitial);
        Assert.Equal(TimeSpan.FromSeconds(5), options.Retry.RetryBackoffMax);
    }

    [Fact]
    public void A_typo_in_a_configuration_key_is_an_error_that_names_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProviderConfig:BaseAddress"] = "https://bifrost.example.com/",
            ["ProviderConfig:ApiKye"] = "key",
        }).Build();
        var services = new ServiceCollection();
        services.AddProviderConfigClient(configuration.GetSection("ProviderConfig"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<ProviderConfigClientOptions>>().Value);

        Assert.Contains("ApiKye", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_runs_when_the_host_starts()
    {
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o => o.BaseAddress = null);
        using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<IStartupValidator>();

        var error = Assert.Throws<OptionsValidationException>(validator.Validate);

        Assert.Contains("BaseAddress is required", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void Create_without_DI_validates_the_same_way()
    {
        var error = Assert.Throws<OptionsValidationException>(() => ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = new Uri("http://bifrost.example.com"),
            ApiKey = "key",
        }));

        Assert.Contains("AllowInsecureTransport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_shows_no_credential()
    {
        var options = new ProviderConfigClientOptions { BaseAddress = new Uri("https://b.example.com"), Username = "admin", Password = "pa55word" };

        Assert.DoesNotContain("pa55word", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("Auth=Basic", options.ToString(), StringComparison.Ordinal);
        var withUserInfo = new ProviderConfigClientOptions { BaseAddress = new Uri("https://admin:pa55word@b.example.com/gw/") };
        Assert.Contains("BaseAddress=https://b.example.com/gw/", withUserInfo.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", withUserInfo.ToString(), StringComparison.Ordinal);
    }
}
