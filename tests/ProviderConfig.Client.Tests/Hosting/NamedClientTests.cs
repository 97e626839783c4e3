using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ProviderConfig.Client.Tests.Hosting;

/// <summary>Several gateways in one host: clients registered by name, each with its own settings and handlers.</summary>
public sealed class NamedClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));

    private static ServiceProvider TwoGateways(RecordingHandler handler, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddProviderConfigClient("staging", o =>
            {
                o.BaseAddress = new Uri("https://staging.example.com/");
                o.ApiKey = "staging-key";
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddProviderConfigClient("prod", o =>
            {
                o.BaseAddress = new Uri("https://prod.example.com/gw/");
                o.ApiKey = "prod-key";
                o.Retry.MaxRetries = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task Each_named_client_is_a_keyed_service_with_its_own_address_and_key()
    {
        var handler = new RecordingHandler { Default = _ => Ok() };
        using var provider = TwoGateways(handler);

        await provider.GetRequiredKeyedService<IProviderConfigClient>("prod").GetProviderAsync(ProviderName.OpenAI, Ct);
        await provider.GetRequiredKeyedService<ProviderConfigClient>("staging").GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(
            ["https://prod.example.com/gw/api/providers/openai Bearer prod-key", "https://staging.example.com/api/providers/openai Bearer staging-key"],
            handler.Requests.Select(r => $"{r.Uri} {r.Authorization}"));
        Assert.Null(provider.GetService<IProviderConfigClient>()); // no unnamed client was registered
    }

    [Fact]
    public async Task A_named_client_is_injected_with_FromKeyedServices()
    {
        var handler = new RecordingHandler { Default = _ => Ok() };
        using var provider = TwoGateways(handler, s => s.AddTransient<ProdAuditor>());

        await provider.GetRequiredService<ProdAuditor>().Client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal("https://prod.example.com/gw/api/providers/openai", Assert.Single(handler.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task The_factory_creates_clients_by_name_the_unnamed_one_under_the_default_name()
    {
        var handler = new RecordingHandler { Default = _ => Ok() };
        using var provider = TwoGateways(handler, s => s.AddProviderConfigClient(o =>
            {
                o.BaseAddress = new Uri("https://default.example.com/");
                o.ApiKey = "default-key";
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler));
        var factory = provider.GetRequiredService<IProviderConfigClientFactory>();

        await factory.CreateClient("staging").GetProviderAsync(ProviderName.OpenAI, Ct);
        await factory.CreateClient(Options.DefaultName).GetProviderAsync(ProviderName.OpenAI, Ct);
        await provider.GetRequiredService<IProviderConfigClient>().GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(
            ["https://staging.example.com/ Bearer staging-key", "https://default.example.com/ Bearer default-key", "https://default.example.com/ Bearer default-key"],
            handler.Requests.Select(r => $"{r.Uri.GetLeftPart(UriPartial.Authority)}/ {r.Authorization}"));
    }

    [Fact]
    public void The_factory_refuses_a_name_that_is_not_registered_and_lists_those_that_are()
    {
        using var provider = TwoGateways(new RecordingHandler());

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IProviderConfigClientFactory>().CreateClient("qa"));

        Assert.Equal(
            "No provider-configuration client named 'qa' is registered; register it with services.AddProviderConfigClient(\"qa\", ...). Registered: 'prod', 'staging'.",
            error.Message);
    }

    [Fact]
    public async Task Each_named_client_has_its_own_retry_settings()
    {
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") };
        var services = new ServiceCollection();
        services.AddProviderConfigClient("prod", o =>
            {
                o.BaseAddress = new Uri("https://prod.example.com/");
                o.Retry.MaxRetries = 0;
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddProviderConfigClient("staging", o =>
            {
                o.BaseAddress = new Uri("https://staging.example.com/");
                o.Retry.MaxRetries = 2;
                o.Retry.RetryBackoffInitial = o.Retry.RetryBackoffMax = TimeSpan.FromMilliseconds(1);
            })
            .ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var prod = await Assert.ThrowsAsync<ProviderConfigApiException>(() => provider.GetRequiredKeyedService<IProviderConfigClient>("prod").GetProviderAsync(ProviderName.OpenAI, Ct));
        var staging = await Assert.ThrowsAsync<ProviderConfigApiException>(() => provider.GetRequiredKeyedService<IProviderConfigClient>("staging").GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Equal((1, 3), (prod.Attempts, staging.Attempts));
    }

    [Fact]
    public async Task Registering_a_name_twice_adds_its_handlers_once()
    {
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.ServiceUnavailable, "{}") };
        var services = new ServiceCollection();
        services.AddProviderConfigClient("prod", o =>
        {
            o.BaseAddress = new Uri("https://prod.example.com/");
            o.ApiKey = "first-key";
            o.Retry.RetryBackoffInitial = o.Retry.RetryBackoffMax = TimeSpan.FromMilliseconds(1);
        });
        services.AddProviderConfigClient("prod", o => o.ApiKey = "second-key").ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => provider.GetRequiredKeyedService<IProviderConfigClient>("prod").UpdateProviderAsync(ProviderName.OpenAI, Fixtures.ValidUpdate(), Ct));

        Assert.Equal(4, handler.Requests.Count);
        Assert.Equal(4, error.Attempts);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer second-key", r.Authorization));
    }

    [Fact]
    public async Task Named_clients_bind_their_own_configuration_sections()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateways:staging:BaseAddress"] = "https://staging.example.com/",
            ["Gateways:staging:ApiKey"] = "staging-key",
            ["Gateways:prod:BaseAddress"] = "https://prod.example.com/",
            ["Gateways:prod:ApiKey"] = "prod-key",
            ["Gateways:prod:Retry:MaxRetries"] = "7",
        }).Build();
        var handler = new RecordingHandler { Default = _ => Ok() };
        var services = new ServiceCollection();
        services.AddProviderConfigClient("staging", configuration.GetSection("Gateways:staging")).ConfigurePrimaryHttpMessageHandler(() => handler);
        services.AddProviderConfigClient("prod", configuration.GetSection("Gateways:prod")).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();

        await provider.GetRequiredKeyedService<IProviderConfigClient>("prod").GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal("Bearer prod-key", Assert.Single(handler.Requests).Authorization);
        Assert.Equal((7, 3), (options.Get("prod").Retry.MaxRetries, options.Get("staging").Retry.MaxRetries));
    }

    [Fact]
    public void Invalid_settings_of_a_named_client_fail_at_start_up_with_its_name_and_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateways:staging:BaseAddress"] = "https://staging.example.com/",
            ["Gateways:prod:ApiKey"] = "prod-key",
            ["Gateways:prod:AttemptTimeout"] = "00:05:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddProviderConfigClient("staging", configuration.GetSection("Gateways:staging"));
        services.AddProviderConfigClient("prod", configuration.GetSection("Gateways:prod"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal("prod", error.OptionsName);
        Assert.Equal(
            [
                "ProviderConfig client 'prod': ProviderConfigClientOptions.BaseAddress is required: set it to the gateway's address, for example https://bifrost.example.com/ (environment variable Gateways__prod__BaseAddress).",
                "ProviderConfig client 'prod': ProviderConfigClientOptions.AttemptTimeout (00:05:00) must not exceed ProviderConfigClientOptions.TotalTimeout (00:02:00).",
            ],
            error.Failures);
        Assert.DoesNotContain("prod-key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_typo_in_a_named_clients_section_is_an_error_that_names_the_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateways:prod:BaseAddress"] = "https://prod.example.com/",
            ["Gateways:prod:ApiKye"] = "prod-key",
        }).Build();
        var services = new ServiceCollection();
        services.AddProviderConfigClient("prod", configuration.GetSection("Gateways:prod"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<IProviderConfigClient>("prod"));

        Assert.Contains("ApiKye", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_client_set_in_code_is_validated_with_its_name_and_no_variable_hint()
    {
        var services = new ServiceCollection();
        services.AddProviderConfigClient("prod", o => o.ApiKey = "k");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IStartupValidator>().Validate);

        Assert.Equal(
            "ProviderConfig client 'prod': ProviderConfigClientOptions.BaseAddress is required: set it to the gateway's address, for example https://bifrost.example.com/.",
            Assert.Single(error.Failures));
    }

    [Fact]
    public void An_empty_name_is_refused_the_unnamed_overload_registers_that_client()
    {
        var services = new ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddProviderConfigClient(string.Empty, _ => { }));
        Assert.Throws<ArgumentNullException>(() => services.AddProviderConfigClient(null!, _ => { }));
    }

    private sealed class ProdAuditor([FromKeyedServices("prod")] IProviderConfigClient client)
    {
        public IProviderConfigClient Client { get; } = client;
    }
}
