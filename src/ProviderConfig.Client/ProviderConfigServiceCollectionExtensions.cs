using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProviderConfig.Client;
using ProviderConfig.Client.Hosting;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;
using OptionsNames = Microsoft.Extensions.Options.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Bifrost provider-configuration client.</summary>
public static class ProviderConfigServiceCollectionExtensions
{
    /// <summary>
    /// The name of the SDK's <see cref="HttpClient"/> in <see cref="IHttpClientFactory"/>. A client registered under a
    /// name uses <c>ProviderConfig.Client:{name}</c>, also given by the returned builder's <see cref="IHttpClientBuilder.Name"/>.
    /// </summary>
    public const string HttpClientName = "ProviderConfig.Client";

    private static readonly HashSet<string> LoggableHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Date", "Retry-After", "x-request-id", "x-bifrost-trace-id",
    };

    /// <summary>
    /// Registers <see cref="IProviderConfigClient"/> (and <see cref="ProviderConfigClient"/>) with settings set in code.
    /// Settings are validated when the host starts.
    /// </summary>
    /// <remarks>
    /// Calling it again adds settings, applied after the earlier ones; the client's handlers (authentication,
    /// resilience) are added by the first call only, so a second call never stacks a second retry loop. To talk to
    /// several gateways, register each under a name with
    /// <see cref="AddProviderConfigClient(IServiceCollection, string, Action{ProviderConfigClientOptions})"/>.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, for example <c>o => o.BaseAddress = new Uri("https://bifrost.example.com")</c>.</param>
    /// <returns>
    /// The builder of the SDK's <see cref="HttpClient"/>, to add handlers, change the primary handler, or bring back
    /// <see cref="IHttpClientFactory"/>'s per-request logging (off by default) with <c>AddDefaultLogger()</c>.
    /// </returns>
    public static IHttpClientBuilder AddProviderConfigClient(this IServiceCollection services, Action<ProviderConfigClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ProviderConfigClientOptions>().Configure(configure);
        return AddCore(services, OptionsNames.DefaultName, sectionPath: null);
    }

    /// <summary>
    /// Registers <see cref="IProviderConfigClient"/> (and <see cref="ProviderConfigClient"/>) with settings bound from
    /// configuration, for example <c>builder.Configuration.GetSection("ProviderConfig")</c>. A key that matches no
    /// setting (a typo) is an error, as is an invalid value; both are reported when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the settings.</param>
    /// <returns>The builder of the SDK's <see cref="HttpClient"/>, as for the overload taking an action.</returns>
    /// <remarks>As with the overload taking an action, a second call adds settings and no second set of handlers.</remarks>
    public static IHttpClientBuilder AddProviderConfigClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        Bind(services, OptionsNames.DefaultName, configuration);
        return AddCore(services, OptionsNames.DefaultName, sectionPath: null);
    }

    /// <summary>
    /// Registers a client under <paramref name="name"/>, with its own settings set in code, for a host that talks to
    /// several gateways (<c>"staging"</c>, <c>"prod"</c>). Take it as a keyed service,
    /// <c>[FromKeyedServices("prod")] IProviderConfigClient</c> or <c>GetRequiredKeyedService&lt;IProviderConfigClient&gt;("prod")</c>
    /// (<see cref="ProviderConfigClient"/> too), or from <see cref="IProviderConfigClientFactory.CreateClient(string)"/>.
    /// </summary>
    /// <remarks>
    /// The settings are the named options <paramref name="name"/> of <see cref="ProviderConfigClientOptions"/>, validated
    /// when the host starts, with messages that name the client. Each named client has its own <see cref="HttpClient"/>
    /// (<c>ProviderConfig.Client:{name}</c>), handlers and connection pool. A second call with the same name adds settings,
    /// never a second set of handlers. The client registered without a name is not affected.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: also its service key. Not empty (the unnamed overload registers that one).</param>
    /// <param name="configure">Sets the options of this client.</param>
    /// <returns>The builder of this client's <see cref="HttpClient"/>, as for the unnamed overload.</returns>
    public static IHttpClientBuilder AddProviderConfigClient(this IServiceCollection services, string name, Action<ProviderConfigClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ProviderConfigClientOptions>(name).Configure(configure);
        return AddCore(services, name, sectionPath: null);
    }

    /// <summary>
    /// Registers a client under <paramref name="name"/>, with its own settings bound from configuration, for example
    /// <c>builder.Configuration.GetSection("Gateways:prod")</c>. Resolved as for the overload taking an action; a typo in a
    /// key or an invalid value is reported when the host starts, naming the client and its section.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The client's name: also its service key. Not empty (the unnamed overload registers that one).</param>
    /// <param name="configuration">The configuration section holding this client's settings.</param>
    /// <returns>The builder of this client's <see cref="HttpClient"/>, as for the unnamed overload.</returns>
    public static IHttpClientBuilder AddProviderConfigClient(this IServiceCollection services, string name, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configuration);
        Bind(services, name, configuration);
        return AddCore(services, name, (configuration as IConfigurationSection)?.Path);
    }

    /// <summary>
    /// Binds the options of <paramref name="name"/> from <paramref name="configuration"/>; a key that matches no setting
    /// is an error. So is <c>Credential</c>, which the binder would skip without a word (it cannot build one from a string).
    /// </summary>
    private static void Bind(IServiceCollection services, string name, IConfiguration configuration)
    {
        services.AddOptions<ProviderConfigClientOptions>(name)
            .Bind(configuration, static binder => binder.ErrorOnUnknownConfiguration = true)
            .Validate(
                _ => !configuration.GetSection(nameof(ProviderConfigClientOptions.Credential)).Exists(),
                $"{nameof(ProviderConfigClientOptions)}.{nameof(ProviderConfigClientOptions.Credential)} cannot be set from configuration: set {nameof(ProviderConfigClientOptions.ApiKey)} there (a reloaded configuration rotates it), or set {nameof(ProviderConfigClientOptions.Credential)} in code.");
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services, string name, string? sectionPath)
    {
        var registry = ProviderConfigClientRegistry.Of(services);
        var httpClientName = name.Length == 0 ? HttpClientName : HttpClientName + ":" + name;
        if (!registry.TryAdd(name, httpClientName, sectionPath))
        {
            // Registered before: the settings just added apply over the earlier ones; the handlers are there already.
            return services.AddHttpClient(httpClientName);
        }

        services.AddOptions<ProviderConfigClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderConfigClientOptions>>(new ProviderConfigClientOptionsValidator(registry)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp => new ProviderConfigClientFactory(
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ProviderConfigClientRegistry>()));
        services.TryAddSingleton<IProviderConfigClientFactory>(static sp => sp.GetRequiredService<ProviderConfigClientFactory>());

        var builder = services.AddHttpClient(httpClientName);
        if (name.Length == 0)
        {
            builder.AddTypedClient<IProviderConfigClient>(static (httpClient, sp) =>
            {
                var monitor = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();
                return new ProviderConfigClient(httpClient, () => monitor.CurrentValue, sp.GetRequiredService<TimeProvider>());
            });
            services.TryAddTransient(static sp => (ProviderConfigClient)sp.GetRequiredService<IProviderConfigClient>());
        }
        else
        {
            // Transient, as the typed client is: each resolution gets a fresh HttpClient over the pooled handlers.
            services.AddKeyedTransient<ProviderConfigClient>(name, static (sp, key) => sp.GetRequiredService<ProviderConfigClientFactory>().Create((string)key!));
            services.AddKeyedTransient<IProviderConfigClient>(name, static (sp, key) => sp.GetRequiredKeyedService<ProviderConfigClient>(key));
        }

        builder.ConfigureHttpClient((sp, httpClient) =>
        {
            httpClient.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>().Get(name).BaseAddress;
            httpClient.Timeout = Timeout.InfiniteTimeSpan; // the SDK's deadlines own time (total per call, attempt per try)
        });

        // Exactly one resilience handler: drop any that a host added to every client (ConfigureHttpClientDefaults with
        // AddStandardResilienceHandler, say); the SDK's own follows, with the gateway's retry rules.
        builder.ConfigureAdditionalHttpMessageHandlers(static (handlers, _) =>
        {
            for (var i = handlers.Count - 1; i >= 0; i--)
            {
                if (IsHostResilienceHandler(handlers[i]))
                {
                    handlers.RemoveAt(i);
                }
            }
        });
        builder.AddHttpMessageHandler(sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(ProviderConfigClient).FullName!) ?? NullLogger.Instance;
            return new ProviderConfigResilienceHandler(() => monitor.Get(name), sp.GetRequiredService<TimeProvider>(), logger, sp.GetService<RetryJitter>());
        });
        builder.AddHttpMessageHandler(sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();
            return new ProviderAuthenticationHandler(() => monitor.Get(name));
        });
        // The SDK logs its retries and traces its calls itself. IHttpClientFactory's two per-request logging handlers
        // cost about half a kilobyte and two async layers per call (docs/performance.md), so they are off; a consumer
        // who wants them calls AddDefaultLogger() on the returned builder, and header values other than the
        // allow-list are then redacted.
        builder.RedactLoggedHeaders(static header => !LoggableHeaders.Contains(header));
        builder.RemoveAllLoggers();
        return builder;
    }

    /// <summary>
    /// Whether <paramref name="handler"/> is <c>Microsoft.Extensions.Http.Resilience</c>'s <c>ResilienceHandler</c> (or
    /// derives from it). Matched by name, so the SDK does not depend on that package just to remove what it adds.
    /// </summary>
    private static bool IsHostResilienceHandler(DelegatingHandler handler)
    {
        for (var type = handler.GetType(); type is not null; type = type.BaseType)
        {
            if (type.FullName == "Microsoft.Extensions.Http.Resilience.ResilienceHandler")
            {
                return true;
            }
        }

        return false;
    }
}
