using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;
using ProviderConfig.Client.Serialization;
using Refit;

namespace ProviderConfig.Client;

/// <summary>
/// The client for a Bifrost gateway's provider-configuration API. Register it with
/// <c>services.AddProviderConfigClient(...)</c> and take <see cref="IProviderConfigClient"/>, or create one with
/// <see cref="Create(ProviderConfigClientOptions, ILoggerFactory?)"/>.
/// </summary>
/// <remarks>Thread-safe. Methods are virtual so the client can be mocked.</remarks>
public class ProviderConfigClient : IProviderConfigClient
{
    private const string ProvidersPath = "/api/providers/";

    private readonly IProviderConfigApi _api = null!;
    private readonly Func<ProviderConfigClientOptions> _options = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;

    /// <summary>For mocking only: a client made this way has no transport.</summary>
    protected ProviderConfigClient()
    {
    }

    internal ProviderConfigClient(HttpClient httpClient, Func<ProviderConfigClientOptions> options, TimeProvider timeProvider)
    {
        _api = RestService.ForGenerated<IProviderConfigApi>(httpClient, ProviderConfigJsonContext.Default);
        _options = options;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Creates a client without dependency injection, with the same authentication, retry and timeout behaviour as the
    /// registered one. Create one per gateway and keep it: it owns its connection pool.
    /// </summary>
    /// <param name="options">The settings; validated here and copied, so later changes have no effect.</param>
    /// <param name="loggerFactory">Where retries are logged; none when null.</param>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each one.</exception>
    public static ProviderConfigClient Create(ProviderConfigClientOptions options, ILoggerFactory? loggerFactory = null)
        => Create(options, loggerFactory, primaryHandler: null, timeProvider: null);

    internal static ProviderConfigClient Create(ProviderConfigClientOptions options, ILoggerFactory? loggerFactory, HttpMessageHandler? primaryHandler, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ProviderConfigClientOptionsValidator.GetFailures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ProviderConfigClientOptions), failures);
        }

        var snapshot = options.Clone();
        timeProvider ??= TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(typeof(ProviderConfigClient).FullName!);
        var handler = new ProviderConfigResilienceHandler(() => snapshot, timeProvider, logger)
        {
            InnerHandler = new ProviderAuthenticationHandler(() => snapshot)
            {
                InnerHandler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };
        var httpClient = new HttpClient(handler) { BaseAddress = snapshot.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return new ProviderConfigClient(httpClient, () => snapshot, timeProvider);
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfiguration> GetProviderAsync(ProviderName provider, CancellationToken cancellationToken = default)
    {
        CheckName(provider);
        return SendAsync(HttpMethod.Get, provider, update: null, cancellationToken);
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken = default)
    {
        CheckName(provider);
        ArgumentNullException.ThrowIfNull(update);
        var errors = update.Validate(provider);
        if (errors.Count > 0)
        {
            throw new ProviderConfigValidationException(provider, errors);
        }

        return PutAsync(provider, update, cancellationToken);
    }

    /// <summary>How many times a read-modify-write is tried before it reports a conflict.</summary>
    internal const int MaxReadModifyWriteAttempts = 3;

    /// <inheritdoc />
    public virtual async Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, Func<ProviderUpdate, ProviderUpdate> change, CancellationToken cancellationToken = default)
    {
        CheckName(provider);
        ArgumentNullException.ThrowIfNull(change);

        var current = await GetProviderAsync(provider, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> changedByOthers = [];
        for (var attempt = 1; attempt <= MaxReadModifyWriteAttempts; attempt++)
        {
            var before = current.ToUpdate();
            var beforeJson = ProviderConfigDiff.ToNode(before); // taken first: a change that edits in place must still be seen
            var desired = change(before) ?? throw new InvalidOperationException("The change function returned null; return the update, changed with 'with'.");
            var errors = desired.Validate(provider);
            if (errors.Count > 0)
            {
                throw new ProviderConfigValidationException(provider, errors);
            }

            if (System.Text.Json.Nodes.JsonNode.DeepEquals(beforeJson, ProviderConfigDiff.ToNode(desired)))
            {
                return current;
            }

            var fresh = await GetProviderAsync(provider, cancellationToken).ConfigureAwait(false);
            var interference = ProviderConfigDiff.Between(current.ToUpdate(), fresh.ToUpdate());
            if (interference.IsEmpty)
            {
                return await PutAsync(provider, desired, cancellationToken).ConfigureAwait(false); // already validated above
            }

            changedByOthers = interference.Changes.Select(static c => c.Path).ToList();
            current = fresh;
        }

        throw new ProviderConfigConflictException(provider, changedByOthers, MaxReadModifyWriteAttempts);
    }

    private Task<ProviderConfiguration> PutAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken)
        => SendAsync(HttpMethod.Put, provider, update, cancellationToken);

    private static void CheckName(ProviderName provider, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(provider))] string? parameterName = null)
    {
        if (string.IsNullOrWhiteSpace(provider.Value))
        {
            throw new ArgumentException("A provider name is required (default(ProviderName) is empty).", parameterName);
        }
    }

    /// <summary>One call: a GET when <paramref name="update"/> is null, else a PUT of it.</summary>
    private async Task<ProviderConfiguration> SendAsync(
        HttpMethod method,
        ProviderName provider,
        ProviderUpdate? update,
        CancellationToken cancellationToken)
    {
        var options = _options();
        using var activity = Telemetry.Source.StartActivity(method == HttpMethod.Get ? "GetProvider" : "UpdateProvider", ActivityKind.Client);
        activity?.SetTag("provider.name", provider.Value);
        activity?.SetTag("http.request.method", method.Method);

        var state = new CallState(_timeProvider.GetTimestamp());
        using var deadline = new Deadline(options.TotalTimeout, _timeProvider, cancellationToken);
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await (update is null
                    ? _api.GetProviderAsync(provider.Value, state, deadline.Token)
                    : _api.UpdateProviderAsync(provider.Value, update, state, deadline.Token)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ProviderConfigException)
            {
                // The caller's own cancellation is rethrown as such, whatever wrapped it on the way out.
                cancellationToken.ThrowIfCancellationRequested();
                throw SendFailure(ex, method.Method, provider, state, deadline.HasElapsed(cancellationToken), options);
            }

            using (response)
            {
                // A response that arrives after the caller gave up is not an answer to them.
                cancellationToken.ThrowIfCancellationRequested();
                PooledBody body;
                try
                {
                    // Refit returns once the headers are in; the body is read here, still within the call's deadline.
                    body = await PooledBody.ReadAsync(response.Content, deadline.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (deadline.HasElapsed(cancellationToken))
                    {
                        throw new ProviderConfigTransportException(method.Method, PathOf(provider), FormattableString.Invariant($"the total timeout of {options.TotalTimeout} elapsed while the response body was read"), state.Attempts, ex);
                    }

                    // A connection lost mid-body surfaces as HttpIOException (an IOException) on .NET 8 and later.
                    throw new ProviderConfigTransportException(method.Method, PathOf(provider), "the connection failed while the response body was read", state.Attempts, ex);
                }
                catch (InvalidDataException ex)
                {
                    throw new ProviderConfigException($"{method.Method} {PathOf(provider)}: {ex.Message}", ex);
                }

                using (body)
                {
                    activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                    activity?.SetTag("provider_config.attempts", state.Attempts);
                    if (!response.IsSuccessStatusCode)
                    {
                        var path = PathOf(provider);
                        var error = ErrorResponse.ToException(response, body.Span, provider, method.Method, path, Math.Max(1, state.Attempts), options);
                        if (state.RetryAbandonedReason is { } abandoned)
                        {
                            throw new ProviderConfigApiException(error.StatusCode, $"{error.ServerMessage} (not retried: {abandoned})", error.Method, error.Path, error.RequestId, error.Attempts);
                        }

                        throw error;
                    }

                    return ReadConfiguration(response.Content.Headers.ContentType, body.Span, method.Method, provider, options);
                }
            }
        }
        catch (Exception ex) when (activity is not null && ex is not OperationCanceledException)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>The request path, for messages (built only when one is needed).</summary>
    private static string PathOf(ProviderName provider) => ProvidersPath + Uri.EscapeDataString(provider.Value);

    /// <summary>
    /// Maps what the handler chain threw to an SDK exception. Refit wraps transport failures in its own exception
    /// types, which hold the request and its <c>Authorization</c> header, so only the cause found inside is kept.
    /// </summary>
    internal static Exception SendFailure(Exception exception, string method, ProviderName provider, CallState state, bool deadlineElapsed, ProviderConfigClientOptions options)
    {
        var path = PathOf(provider);
        Exception? timeoutCause = null;
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is ProviderConfigException sdk)
            {
                return sdk;
            }

            if (deadlineElapsed)
            {
                // The total timeout ended the call, whatever the last attempt reported on its way out; keep the first
                // cause that is not one of Refit's wrappers (they hold the request with its Authorization header).
                timeoutCause ??= cause is OperationCanceledException or TimeoutRejectedException or HttpRequestException or IOException ? cause : null;
                continue;
            }

            switch (cause)
            {
                case TimeoutRejectedException timeout:
                    return new ProviderConfigTransportException(method, path, FormattableString.Invariant($"the attempt timeout of {timeout.Timeout} elapsed"), state.Attempts, timeout);
                case HttpRequestException http:
                    return new ProviderConfigTransportException(method, path, RetryClassifier.Describe(null, http), state.Attempts, http);
            }
        }

        if (deadlineElapsed)
        {
            return new ProviderConfigTransportException(method, path, FormattableString.Invariant($"the total timeout of {options.TotalTimeout} elapsed"), state.Attempts, timeoutCause);
        }

        return new ProviderConfigException(
            $"{method} {path} could not be sent: {exception.GetType().Name}: {BodyExcerpt.Scrub(exception.Message, options)}");
    }

    private static ProviderConfiguration ReadConfiguration(MediaTypeHeaderValue? contentType, ReadOnlySpan<byte> body, string method, ProviderName provider, ProviderConfigClientOptions options)
    {
        if (contentType?.MediaType is { } mediaType && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderConfigException(
                $"{method} {PathOf(provider)} returned {mediaType} where a JSON provider configuration was expected (is the base address a proxy or the dashboard?). Body starts: {BodyExcerpt.Create(body, options)}");
        }

        try
        {
            return JsonSerializer.Deserialize(body, ProviderConfigJsonContext.Default.ProviderConfiguration)
                ?? throw new JsonException("The body was the JSON literal null.");
        }
        catch (JsonException ex)
        {
            // A JSON object may hold unmasked values (extra_headers, older gateways' proxy URLs): point at the failure
            // instead of quoting it. Anything else (null, an array, text) is quoted, scrubbed, to show what came back.
            var trimmed = body.TrimStart(" \t\r\n"u8);
            var where = !trimmed.IsEmpty && trimmed[0] == (byte)'{'
                ? $"The body is a JSON object of {body.Length} bytes (not quoted, as it may hold secrets)."
                : $"Body starts: {BodyExcerpt.Create(body, options)}";
            throw new ProviderConfigException(
                $"{method} {PathOf(provider)} returned a body that is not a provider configuration: {ex.Message} {where}", ex);
        }
    }
}
