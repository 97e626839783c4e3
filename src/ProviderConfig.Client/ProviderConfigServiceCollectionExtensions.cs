using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ProviderConfig.Client;
using ProviderConfig.Client.Hosting;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Bifrost provider-configuration client.</summary>
public static class ProviderConfigServiceCollectionExtensions
{
    /// <summary>The name of the SDK's <see cref="HttpClient"/> in <see cref="IHttpClientFactory"/>.</summary>
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
    /// resilience) are added by the first call only, so a second call never stacks a second retry loop.
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
        return AddCore(services);
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
        services.AddOptions<ProviderConfigClientOptions>().Bind(configuration, static binder => binder.ErrorOnUnknownConfiguration = true);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        if (!ProviderConfigClientRegistry.Of(services).TryAdd(Microsoft.Extensions.Options.Options.DefaultName, HttpClientName))
        {
            // Registered before: the settings just added apply over the earlier ones; the handlers are there already.
            return services.AddHttpClient(HttpClientName);
        }

        services.AddOptions<ProviderConfigClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProviderConfigClientOptions>, ProviderConfigClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var builder = services.AddHttpClient(HttpClientName);
        builder.AddTypedClient<IProviderConfigClient>(static (httpClient, sp) =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();
            return new ProviderConfigClient(httpClient, () => monitor.CurrentValue, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddTransient(static sp => (ProviderConfigClient)sp.GetRequiredService<IProviderConfigClient>());

        builder.ConfigureHttpClient(static (sp, httpClient) =>
        {
            httpClient.BaseAddress = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>().CurrentValue.BaseAddress;
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
        builder.AddHttpMessageHandler(static sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger(typeof(ProviderConfigClient).FullName!) ?? NullLogger.Instance;
            return new ProviderConfigResilienceHandler(() => monitor.CurrentValue, sp.GetRequiredService<TimeProvider>(), logger);
        });
        builder.AddHttpMessageHandler(static sp =>
        {
            var monitor = sp.GetRequiredService<IOptionsMonitor<ProviderConfigClientOptions>>();
            return new ProviderAuthenticationHandler(() => monitor.CurrentValue);
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
