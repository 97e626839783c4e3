using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;
using ProviderConfig.Client.Serialization;
using ProviderConfig.Client.Validation;
using Refit;

namespace ProviderConfig.Client;

/// <summary>
/// The client for a Bifrost gateway's provider-configuration API. Register it with
/// <c>services.AddProviderConfigClient(...)</c> and take <see cref="IProviderConfigClient"/>, or create one with
/// <see cref="Create(ProviderConfigClientOptions, ILoggerFactory?)"/>.
/// </summary>
/// <remarks>
/// Thread-safe. Methods are virtual so the client can be mocked. A client from dependency injection owns nothing (its
/// connections belong to <see cref="IHttpClientFactory"/>), so this type is not disposable; one from <c>Create</c> is a
/// <see cref="DisposableProviderConfigClient"/>.
/// </remarks>
public class ProviderConfigClient : IProviderConfigClient
{
    private readonly IProviderConfigApi _api = null!;
    private readonly Func<ProviderConfigClientOptions> _options = null!;
    private readonly TimeProvider _timeProvider = TimeProvider.System;
    private readonly bool _sendsThroughCallersHttpClient;
    private volatile bool _disposed;

    /// <summary>For mocking only: a client made this way has no transport.</summary>
    protected ProviderConfigClient()
    {
    }

    internal ProviderConfigClient(HttpClient httpClient, Func<ProviderConfigClientOptions> options, TimeProvider timeProvider, bool sendsThroughCallersHttpClient = false)
    {
        _api = RestService.ForGenerated<IProviderConfigApi>(httpClient, ProviderConfigJsonContext.Default);
        _options = options;
        _timeProvider = timeProvider;
        _sendsThroughCallersHttpClient = sendsThroughCallersHttpClient;
    }

    /// <summary>
    /// Creates a client without dependency injection, with the same authentication, retry and timeout behaviour as the
    /// registered one, over a connection pool of its own. Create one per gateway, keep it, and dispose it when done:
    /// disposing closes its connections.
    /// </summary>
    /// <param name="options">
    /// The settings; validated here and copied, so later changes have no effect, except that a
    /// <see cref="ProviderConfigClientOptions.Credential"/> is shared, not copied: <see cref="ProviderConfigCredential.Update"/>
    /// rotates the key of this client without a new one.
    /// </param>
    /// <param name="loggerFactory">Where retries are logged; none when null.</param>
    /// <returns>A client that owns its connection pool.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each one.</exception>
    public static DisposableProviderConfigClient Create(ProviderConfigClientOptions options, ILoggerFactory? loggerFactory = null)
        => Create(options, loggerFactory, primaryHandler: null, ownsPrimaryHandler: true, timeProvider: null);

    /// <summary>
    /// Creates a client that sends through <paramref name="handler"/>: yours, set up for an internal certificate
    /// authority, a client certificate or a corporate proxy (a <see cref="SocketsHttpHandler"/> with
    /// <c>SslOptions</c>, <c>Proxy</c> and a <c>PooledConnectionLifetime</c>, say). The SDK's authentication, retries and
    /// timeouts apply as with <see cref="Create(ProviderConfigClientOptions, ILoggerFactory?)"/>: its handlers are put
    /// in front of yours.
    /// </summary>
    /// <remarks>
    /// The handler stays yours: disposing the client does not dispose it, so it can be shared by several clients (one
    /// pool for several gateways) and must be disposed by you. Its settings (and those of any handler behind it) are
    /// not checked; the SDK's refusal to send credentials over plain http to a host that is not loopback still applies.
    /// </remarks>
    /// <param name="options">The settings; validated here and copied (a credential shared), as for the overload without a handler.</param>
    /// <param name="handler">The handler that sends the requests; not disposed by the client.</param>
    /// <param name="loggerFactory">Where retries are logged; none when null.</param>
    /// <returns>A client; disposing it releases what the SDK created and leaves <paramref name="handler"/> alone.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each one.</exception>
    public static DisposableProviderConfigClient Create(ProviderConfigClientOptions options, HttpMessageHandler handler, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Create(options, loggerFactory, handler, ownsPrimaryHandler: false, timeProvider: null);
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/> as it is: its handlers, default headers and
    /// timeout. What applies and what does not is in the remarks; to have the SDK's authentication and retries, pass an
    /// <see cref="HttpMessageHandler"/> instead.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Applies: validation of the settings and of every update before it is sent, the total timeout
    /// (<see cref="ProviderConfigClientOptions.TotalTimeout"/>, per call, including the reading of the body), the
    /// mapping of answers to SDK exceptions, the body-size limit, the call's <c>Activity</c> and response metadata.
    /// </para>
    /// <para>
    /// Does not apply: the SDK's authentication and resilience handlers, because an <see cref="HttpClient"/>'s handlers
    /// are fixed when it is built. So nothing is retried, there is no attempt timeout, and no <c>Authorization</c> header
    /// is added: set it on the <see cref="HttpClient"/> yourself. Settings that only those handlers use are therefore
    /// refused rather than ignored: credentials (<see cref="ProviderConfigClientOptions.ApiKey"/>,
    /// <see cref="ProviderConfigClientOptions.Credential"/>, <see cref="ProviderConfigClientOptions.Username"/>,
    /// <see cref="ProviderConfigClientOptions.Password"/>). The <see cref="HttpClient"/>'s own
    /// <see cref="HttpClient.Timeout"/> (100 s unless set) also applies; set it to <see cref="Timeout.InfiniteTimeSpan"/>
    /// to leave time to the SDK.
    /// </para>
    /// <para>The <see cref="HttpClient"/> stays yours: disposing the client does not dispose it.</para>
    /// </remarks>
    /// <param name="options">The settings; validated here and copied. <see cref="ProviderConfigClientOptions.BaseAddress"/> must equal <paramref name="httpClient"/>'s.</param>
    /// <param name="httpClient">The client that sends the requests; its <see cref="HttpClient.BaseAddress"/> must be set.</param>
    /// <returns>A client; disposing it leaves <paramref name="httpClient"/> alone.</returns>
    /// <exception cref="OptionsValidationException">A setting is invalid; the message names each one.</exception>
    /// <exception cref="ArgumentException">The options carry credentials, or the base addresses differ.</exception>
    public static DisposableProviderConfigClient Create(ProviderConfigClientOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var snapshot = Validated(options);
        if (snapshot.HasCredentials)
        {
            throw new ArgumentException(
                $"Credentials in the options cannot be sent through an HttpClient you pass in: the SDK's authentication is a message handler, and an HttpClient's handlers are fixed when it is built. Pass an HttpMessageHandler instead (the SDK then adds authentication and retries in front of it), or set the Authorization header on your HttpClient and leave {nameof(ProviderConfigClientOptions.ApiKey)}, {nameof(ProviderConfigClientOptions.Credential)}, {nameof(ProviderConfigClientOptions.Username)} and {nameof(ProviderConfigClientOptions.Password)} unset.",
                nameof(options));
        }

        if (httpClient.BaseAddress != snapshot.BaseAddress)
        {
            throw new ArgumentException(
                $"The HttpClient's BaseAddress ('{httpClient.BaseAddress}') must be the options' BaseAddress ('{snapshot.BaseAddress}'): requests go to the HttpClient's.",
                nameof(httpClient));
        }

        return new DisposableProviderConfigClient(httpClient, ownsHttpClient: false, () => snapshot, TimeProvider.System, sendsThroughCallersHttpClient: true);
    }

    internal static DisposableProviderConfigClient Create(ProviderConfigClientOptions options, ILoggerFactory? loggerFactory, HttpMessageHandler? primaryHandler, bool ownsPrimaryHandler, TimeProvider? timeProvider)
    {
        var snapshot = Validated(options);
        timeProvider ??= TimeProvider.System;
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(typeof(ProviderConfigClient).FullName!);
        var handler = new ProviderConfigResilienceHandler(() => snapshot, timeProvider, logger)
        {
            InnerHandler = new ProviderAuthenticationHandler(() => snapshot)
            {
                InnerHandler = primaryHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            },
        };

        // Disposing the HttpClient disposes the chain, down to the primary handler, only when the SDK made that handler.
        var httpClient = new HttpClient(handler, disposeHandler: ownsPrimaryHandler) { BaseAddress = snapshot.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
        return new DisposableProviderConfigClient(httpClient, ownsHttpClient: true, () => snapshot, timeProvider);
    }

    /// <summary>Marks the client disposed: every later call throws <see cref="ObjectDisposedException"/>. True the first time.</summary>
    private protected bool MarkDisposed()
    {
        if (_disposed)
        {
            return false;
        }

        _disposed = true;
        return true;
    }

    private static ProviderConfigClientOptions Validated(ProviderConfigClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ProviderConfigClientOptionsValidator.GetFailures(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ProviderConfigClientOptions), failures);
        }

        return options.Clone();
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfiguration> GetProviderAsync(ProviderName provider, CancellationToken cancellationToken = default)
        => GetProviderCoreAsync(provider, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken = default)
        => UpdateProviderCoreAsync(provider, update, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, Func<ProviderUpdate, ProviderUpdate> change, CancellationToken cancellationToken = default)
        => UpdateProviderCoreAsync(provider, change, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ProviderConfiguration>> ListProvidersAsync(CancellationToken cancellationToken = default)
        => ListProvidersCoreAsync(capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderConfiguration> CreateProviderAsync(ProviderName provider, ProviderUpdate configuration, CancellationToken cancellationToken = default)
        => CreateProviderCoreAsync(provider, configuration, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task DeleteProviderAsync(ProviderName provider, CancellationToken cancellationToken = default)
        => DeleteProviderCoreAsync(provider, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ProviderKey>> ListKeysAsync(ProviderName provider, CancellationToken cancellationToken = default)
        => ListKeysCoreAsync(provider, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderKey> GetKeyAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default)
        => GetKeyCoreAsync(provider, keyId, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderKey> CreateKeyAsync(ProviderName provider, ProviderKeyUpdate key, CancellationToken cancellationToken = default)
        => CreateKeyCoreAsync(provider, key, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderKey> UpdateKeyAsync(ProviderName provider, string keyId, ProviderKeyUpdate key, CancellationToken cancellationToken = default)
        => UpdateKeyCoreAsync(provider, keyId, key, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderKey> UpdateKeyAsync(ProviderName provider, string keyId, Func<ProviderKeyUpdate, ProviderKeyUpdate> change, CancellationToken cancellationToken = default)
        => UpdateKeyCoreAsync(provider, keyId, change, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderKey> DeleteKeyAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default)
        => DeleteKeyCoreAsync(provider, keyId, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ProviderKey>> RefreshModelsAsync(ProviderName provider, CancellationToken cancellationToken = default)
        => RefreshModelsCoreAsync(provider, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderKey> RefreshKeyModelsAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default)
        => RefreshKeyModelsCoreAsync(provider, keyId, capture: null, cancellationToken);

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderConfiguration>> GetProviderWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(GetProviderCoreAsync(provider, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderConfiguration>> UpdateProviderWithResponseAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(UpdateProviderCoreAsync(provider, update, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderConfiguration>> UpdateProviderWithResponseAsync(ProviderName provider, Func<ProviderUpdate, ProviderUpdate> change, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(UpdateProviderCoreAsync(provider, change, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<IReadOnlyList<ProviderConfiguration>>> ListProvidersWithResponseAsync(CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(ListProvidersCoreAsync(capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderConfiguration>> CreateProviderWithResponseAsync(ProviderName provider, ProviderUpdate configuration, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(CreateProviderCoreAsync(provider, configuration, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse> DeleteProviderWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(DeleteProviderCoreAsync(provider, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<IReadOnlyList<ProviderKey>>> ListKeysWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(ListKeysCoreAsync(provider, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderKey>> GetKeyWithResponseAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(GetKeyCoreAsync(provider, keyId, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderKey>> CreateKeyWithResponseAsync(ProviderName provider, ProviderKeyUpdate key, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(CreateKeyCoreAsync(provider, key, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderKey>> UpdateKeyWithResponseAsync(ProviderName provider, string keyId, ProviderKeyUpdate key, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(UpdateKeyCoreAsync(provider, keyId, key, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderKey>> UpdateKeyWithResponseAsync(ProviderName provider, string keyId, Func<ProviderKeyUpdate, ProviderKeyUpdate> change, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(UpdateKeyCoreAsync(provider, keyId, change, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderKey>> DeleteKeyWithResponseAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(DeleteKeyCoreAsync(provider, keyId, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<IReadOnlyList<ProviderKey>>> RefreshModelsWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(RefreshModelsCoreAsync(provider, capture, cancellationToken));
    }

    /// <inheritdoc />
    public virtual Task<ProviderConfigResponse<ProviderKey>> RefreshKeyModelsWithResponseAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default)
    {
        var capture = new ResponseCapture();
        return capture.RespondAsync(RefreshKeyModelsCoreAsync(provider, keyId, capture, cancellationToken));
    }
    // One implementation per operation, behind both the plain and the WithResponse method: a capture is passed only by
    // the latter, and only then are the answer's headers copied.
    private Task<ProviderConfiguration> GetProviderCoreAsync(ProviderName provider, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        return SendAsync(
            new CallTarget(Operation.GetProvider, provider),
            provider.Value,
            static (api, name, state, token) => api.GetProviderAsync(name, state, token),
            ProviderConfigJsonContext.Default.ProviderConfiguration,
            capture,
            cancellationToken);
    }

    private Task<ProviderConfiguration> UpdateProviderCoreAsync(ProviderName provider, ProviderUpdate update, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        ArgumentNullException.ThrowIfNull(update);
        ThrowIfInvalid(provider, update);
        return PutAsync(provider, update, capture, cancellationToken);
    }

    /// <summary>How many times a read-modify-write is tried before it reports a conflict.</summary>
    internal const int MaxReadModifyWriteAttempts = 3;

    private Task<ProviderConfiguration> UpdateProviderCoreAsync(ProviderName provider, Func<ProviderUpdate, ProviderUpdate> change, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        ArgumentNullException.ThrowIfNull(change);
        return ReadModifyWriteAsync(
            token => GetProviderCoreAsync(provider, capture, token),
            static current => current.ToUpdate(),
            ProviderConfigDiff.ToNode,
            change,
            desired => ThrowIfInvalid(provider, desired),
            (desired, token) => PutAsync(provider, desired, capture, token), // already validated
            static (current, fresh) => ProviderConfigDiff.Between(current.ToUpdate(), fresh.ToUpdate()),
            paths => new ProviderConfigConflictException(provider, paths, MaxReadModifyWriteAttempts),
            cancellationToken);
    }

    private async Task<IReadOnlyList<ProviderConfiguration>> ListProvidersCoreAsync(ResponseCapture? capture, CancellationToken cancellationToken)
    {
        var list = await SendAsync(
            new CallTarget(Operation.ListProviders, default),
            0,
            static (api, _, state, token) => api.ListProvidersAsync(state, token),
            ProviderConfigJsonContext.Default.ProviderListResponse,
            capture,
            cancellationToken).ConfigureAwait(false);
        return list.Providers ?? [];
    }

    private Task<ProviderConfiguration> CreateProviderCoreAsync(ProviderName provider, ProviderUpdate configuration, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        ArgumentNullException.ThrowIfNull(configuration);
        var payload = CreatePayload(provider, configuration, out var omitsSizes);
        ThrowIfInvalid(provider, configuration, skipSizes: omitsSizes); // an omitted sizing block gets the gateway's defaults
        return SendCreateAsync(provider, configuration, payload, capture, cancellationToken);
    }

    private async Task<ProviderConfiguration> SendCreateAsync(ProviderName provider, ProviderUpdate configuration, JsonObject payload, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(
                new CallTarget(Operation.CreateProvider, provider),
                payload,
                static (api, body, state, token) => api.CreateProviderAsync(body, state, token),
                ProviderConfigJsonContext.Default.ProviderConfiguration,
                capture,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderConfigException ex) when (MayHaveBeenStored(ex))
        {
            // An earlier attempt may have created the provider and lost its answer: a replay then meets "already exists".
            var stored = await TryReadBackAsync(token => GetProviderCoreAsync(provider, capture, token), cancellationToken).ConfigureAwait(false);
            if (stored is not null && stored.CustomProviderConfig?.BaseProviderType == configuration.CustomProviderConfig?.BaseProviderType)
            {
                return stored;
            }

            throw;
        }
    }

    private Task DeleteProviderCoreAsync(ProviderName provider, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        return SendDeleteProviderAsync(provider, capture, cancellationToken);
    }

    private async Task SendDeleteProviderAsync(ProviderName provider, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync<string, object>(
                new CallTarget(Operation.DeleteProvider, provider),
                provider.Value,
                static (api, name, state, token) => api.DeleteProviderAsync(name, state, token),
                responseType: null,
                capture,
                cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderNotFoundException)
        {
            // Older gateways answer 404 for a provider that is not there; newer ones 200. Either way it is gone (and the
            // capture holds the 404's metadata).
        }
    }

    private Task<IReadOnlyList<ProviderKey>> ListKeysCoreAsync(ProviderName provider, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        return StampAsync(provider, SendAsync(
            new CallTarget(Operation.ListKeys, provider),
            provider.Value,
            static (api, name, state, token) => api.ListKeysAsync(name, state, token),
            ProviderConfigJsonContext.Default.ProviderKeyListResponse,
            capture,
            cancellationToken));
    }

    private Task<ProviderKey> GetKeyCoreAsync(ProviderName provider, string keyId, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        CheckKeyId(keyId);
        return StampAsync(provider, SendAsync(
            new CallTarget(Operation.GetKey, provider, keyId),
            (provider.Value, keyId),
            static (api, arg, state, token) => api.GetKeyAsync(arg.Item1, arg.keyId, state, token),
            ProviderConfigJsonContext.Default.ProviderKey,
            capture,
            cancellationToken));
    }

    private Task<ProviderKey> CreateKeyCoreAsync(ProviderName provider, ProviderKeyUpdate key, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        ArgumentNullException.ThrowIfNull(key);
        ThrowIfInvalid(provider, keyId: null, key);

        // A client-generated id makes a replayed create recognisable: the gateway keeps the id it is given.
        var body = key with { Id = string.IsNullOrEmpty(key.Id) ? Guid.NewGuid().ToString() : key.Id };
        return SendCreateKeyAsync(provider, body, capture, cancellationToken);
    }

    private async Task<ProviderKey> SendCreateKeyAsync(ProviderName provider, ProviderKeyUpdate body, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        try
        {
            var created = await SendAsync(
                new CallTarget(Operation.CreateKey, provider, KeyName: body.Name),
                (provider.Value, body),
                static (api, arg, state, token) => api.CreateKeyAsync(arg.Item1, arg.body, state, token),
                ProviderConfigJsonContext.Default.ProviderKey,
                capture,
                cancellationToken).ConfigureAwait(false);
            return Stamp(provider, created);
        }
        catch (ProviderConfigException ex) when (MayHaveBeenStored(ex))
        {
            // An earlier attempt may have stored the key and lost its answer: look for the id this call generated.
            var stored = await TryReadBackAsync(token => GetKeyCoreAsync(provider, body.Id!, capture, token), cancellationToken).ConfigureAwait(false);
            if (stored is not null && (body.Name is null || string.Equals(stored.Name, body.Name, StringComparison.Ordinal)))
            {
                return stored;
            }

            throw;
        }
    }

    private Task<ProviderKey> UpdateKeyCoreAsync(ProviderName provider, string keyId, ProviderKeyUpdate key, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        CheckKeyId(keyId);
        ArgumentNullException.ThrowIfNull(key);
        ThrowIfInvalid(provider, keyId, key);
        return PutKeyAsync(provider, keyId, key, capture, cancellationToken);
    }

    private Task<ProviderKey> UpdateKeyCoreAsync(ProviderName provider, string keyId, Func<ProviderKeyUpdate, ProviderKeyUpdate> change, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        CheckKeyId(keyId);
        ArgumentNullException.ThrowIfNull(change);
        return ReadModifyWriteAsync(
            token => GetKeyCoreAsync(provider, keyId, capture, token),
            static current => current.ToUpdate(),
            ProviderConfigDiff.ToNode,
            change,
            desired => ThrowIfInvalid(provider, keyId, desired),
            (desired, token) => PutKeyAsync(provider, keyId, desired, capture, token), // already validated
            static (current, fresh) => ProviderConfigDiff.Between(current.ToUpdate(), fresh.ToUpdate()),
            paths => new ProviderConfigConflictException(provider, keyId, paths, MaxReadModifyWriteAttempts),
            cancellationToken);
    }

    private Task<ProviderKey> DeleteKeyCoreAsync(ProviderName provider, string keyId, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        CheckKeyId(keyId);
        return SendDeleteKeyAsync(provider, keyId, capture, cancellationToken);
    }

    private async Task<ProviderKey> SendDeleteKeyAsync(ProviderName provider, string keyId, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        // Read first: if an attempt deletes the key and its answer is lost, the retry meets a 404 and this is what was deleted.
        var existing = await GetKeyCoreAsync(provider, keyId, capture, cancellationToken).ConfigureAwait(false);
        var read = capture?.Response;
        try
        {
            var deleted = await SendAsync(
                new CallTarget(Operation.DeleteKey, provider, keyId),
                (provider.Value, keyId),
                static (api, arg, state, token) => api.DeleteKeyAsync(arg.Item1, arg.keyId, state, token),
                ProviderConfigJsonContext.Default.ProviderKey,
                capture,
                cancellationToken).ConfigureAwait(false);
            return Stamp(provider, deleted);
        }
        catch (ProviderKeyNotFoundException ex) when (ex.Attempts > 1)
        {
            // The key returned is the one read: so is its metadata.
            if (capture is not null)
            {
                capture.Response = read;
            }

            return existing;
        }
    }

    private Task<IReadOnlyList<ProviderKey>> RefreshModelsCoreAsync(ProviderName provider, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        return StampAsync(provider, SendAsync(
            new CallTarget(Operation.RefreshModels, provider),
            provider.Value,
            static (api, name, state, token) => api.RefreshModelsAsync(name, state, token),
            ProviderConfigJsonContext.Default.ProviderKeyListResponse,
            capture,
            cancellationToken));
    }

    private Task<ProviderKey> RefreshKeyModelsCoreAsync(ProviderName provider, string keyId, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        CheckName(provider);
        CheckKeyId(keyId);
        return StampAsync(provider, SendAsync(
            new CallTarget(Operation.RefreshKeyModels, provider, keyId),
            (provider.Value, keyId),
            static (api, arg, state, token) => api.RefreshKeyModelsAsync(arg.Item1, arg.keyId, state, token),
            ProviderConfigJsonContext.Default.ProviderKey,
            capture,
            cancellationToken));
    }

    private Task<ProviderConfiguration> PutAsync(ProviderName provider, ProviderUpdate update, ResponseCapture? capture, CancellationToken cancellationToken)
        => SendAsync(
            new CallTarget(Operation.UpdateProvider, provider),
            (provider.Value, update: update.ForWire()),
            static (api, arg, state, token) => api.UpdateProviderAsync(arg.Item1, arg.update, state, token),
            ProviderConfigJsonContext.Default.ProviderConfiguration,
            capture,
            cancellationToken);

    private async Task<ProviderKey> PutKeyAsync(ProviderName provider, string keyId, ProviderKeyUpdate key, ResponseCapture? capture, CancellationToken cancellationToken)
    {
        var body = key with { Id = keyId };
        var updated = await SendAsync(
            new CallTarget(Operation.UpdateKey, provider, keyId, body.Name),
            (provider.Value, keyId, body),
            static (api, arg, state, token) => api.UpdateKeyAsync(arg.Item1, arg.keyId, arg.body, state, token),
            ProviderConfigJsonContext.Default.ProviderKey,
            capture,
            cancellationToken).ConfigureAwait(false);
        return Stamp(provider, updated);
    }

    private static async Task<ProviderKey> StampAsync(ProviderName provider, Task<ProviderKey> key)
        => Stamp(provider, await key.ConfigureAwait(false));

    private static async Task<IReadOnlyList<ProviderKey>> StampAsync(ProviderName provider, Task<ProviderKeyListResponse> list)
        => Stamp(provider, (await list.ConfigureAwait(false)).Keys);

    /// <summary>
    /// The read-modify-write shared by providers and keys: read, apply the change to a copy, validate, read again and
    /// write only if nobody changed the target in between; otherwise try again on the fresh copy, up to
    /// <see cref="MaxReadModifyWriteAttempts"/> times. A change that changes nothing writes nothing.
    /// </summary>
    private static async Task<TRead> ReadModifyWriteAsync<TRead, TUpdate>(
        Func<CancellationToken, Task<TRead>> read,
        Func<TRead, TUpdate> toUpdate,
        Func<TUpdate, JsonNode> toJson,
        Func<TUpdate, TUpdate> change,
        Action<TUpdate> validate,
        Func<TUpdate, CancellationToken, Task<TRead>> write,
        Func<TRead, TRead, ProviderConfigDiff> interference,
        Func<IReadOnlyList<string>, ProviderConfigConflictException> conflict,
        CancellationToken cancellationToken)
        where TUpdate : class
    {
        var current = await read(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> changedByOthers = [];
        for (var attempt = 1; attempt <= MaxReadModifyWriteAttempts; attempt++)
        {
            var before = toUpdate(current);
            var beforeJson = toJson(before); // taken first: a change that edits in place must still be seen
            var desired = change(before) ?? throw new InvalidOperationException("The change function returned null; return the update, changed with 'with'.");
            validate(desired);
            if (JsonNode.DeepEquals(beforeJson, toJson(desired)))
            {
                return current;
            }

            var fresh = await read(cancellationToken).ConfigureAwait(false);
            var changes = interference(current, fresh);
            if (changes.IsEmpty)
            {
                return await write(desired, cancellationToken).ConfigureAwait(false);
            }

            changedByOthers = changes.Changes.Select(static c => c.Path).ToList();
            current = fresh;
        }

        throw conflict(changedByOthers);
    }

    /// <summary>Whether a failed create may still have been stored: no answer came, or a replay met a 409 or 500.</summary>
    private static bool MayHaveBeenStored(ProviderConfigException exception) => exception switch
    {
        ProviderConfigTransportException => true,
        ProviderConfigApiException api => api.Attempts > 1 && api.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.InternalServerError,
        _ => false,
    };

    /// <summary>Reads back what a create may have stored; null when that read fails too (the create's own error is then reported).</summary>
    private static async Task<T?> TryReadBackAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await read(cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderConfigException)
        {
            return null;
        }
    }

    /// <summary>
    /// The body of <c>POST /api/providers</c>: the update with the new name, leaving out the two sizing blocks when they
    /// are still the SDK's all-zero defaults, so that the gateway applies its own defaults (contract management §2.2).
    /// </summary>
    private static JsonObject CreatePayload(ProviderName provider, ProviderUpdate configuration, out bool omitsSizes)
    {
        var fields = ProviderConfigDiff.ToNode(configuration).AsObject();
        var payload = new JsonObject { ["provider"] = provider.Value };
        omitsSizes = configuration.ConcurrencyAndBufferSize == new ConcurrencyAndBufferSize();
        var omitsNetwork = configuration.NetworkConfig == new NetworkConfig();
        foreach (var (name, value) in fields.ToList())
        {
            if ((omitsSizes && name == "concurrency_and_buffer_size") || (omitsNetwork && name == "network_config"))
            {
                continue;
            }

            fields.Remove(name);
            payload[name] = value;
        }

        return payload;
    }

    private static void ThrowIfInvalid(ProviderName provider, ProviderUpdate update, bool skipSizes = false)
    {
        // Warnings never stop a send: the gateway decides.
        var errors = update.Validate(provider)
            .Where(e => !e.IsWarning && !(skipSizes && e.Path.StartsWith("concurrency_and_buffer_size", StringComparison.Ordinal)))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ProviderConfigValidationException(provider, errors);
        }
    }

    private static void ThrowIfInvalid(ProviderName provider, string? keyId, ProviderKeyUpdate key)
    {
        var errors = ProviderKeyUpdateValidator.Validate(key, provider, keyId);
        if (errors.Count > 0)
        {
            throw new ProviderConfigValidationException(provider, keyId, errors);
        }
    }

    private static ProviderKey Stamp(ProviderName provider, ProviderKey key)
    {
        key.Provider = provider;
        return key;
    }

    private static IReadOnlyList<ProviderKey> Stamp(ProviderName provider, IReadOnlyList<ProviderKey>? keys)
    {
        foreach (var key in keys ?? [])
        {
            key.Provider = provider;
        }

        return keys ?? [];
    }

    private static void CheckName(ProviderName provider, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(provider))] string? parameterName = null)
    {
        if (string.IsNullOrWhiteSpace(provider.Value))
        {
            throw new ArgumentException("A provider name is required (default(ProviderName) is empty).", parameterName);
        }
    }

    private static void CheckKeyId(string keyId, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(keyId))] string? parameterName = null)
        => ArgumentException.ThrowIfNullOrWhiteSpace(keyId, parameterName);

    /// <summary>
    /// The one send path of every operation: starts the call's deadline and activity, sends through the handler chain
    /// (resilience, then authentication), maps a failure or an error status to an SDK exception, and reads the body.
    /// </summary>
    /// <param name="call">What the call is about.</param>
    /// <param name="argument">What <paramref name="send"/> needs, passed through so that the delegate captures nothing.</param>
    /// <param name="send">Calls the Refit method.</param>
    /// <param name="responseType">How to read a successful body; null when the body carries nothing (it is not read).</param>
    /// <param name="capture">Receives the answer's metadata (headers copied out) for a <c>...WithResponseAsync</c> call; null for a plain one, which copies nothing.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    private async Task<T> SendAsync<TArgument, T>(
        CallTarget call,
        TArgument argument,
        Func<IProviderConfigApi, TArgument, CallState, CancellationToken, Task<HttpResponseMessage>> send,
        JsonTypeInfo<T>? responseType,
        ResponseCapture? capture,
        CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var options = _options();
        using var activity = Telemetry.Source.StartActivity(call.ActivityName, ActivityKind.Client);
        activity?.SetTag("provider.name", call.Provider.Value);
        activity?.SetTag("http.request.method", call.Method);
        if (call.KeyId is not null)
        {
            activity?.SetTag("provider.key_id", call.KeyId);
        }

        var state = new CallState(call.Operation, _timeProvider.GetTimestamp());
        using var deadline = new Deadline(options.TotalTimeout, _timeProvider, cancellationToken);
        try
        {
            HttpResponseMessage response;
            try
            {
                response = await send(_api, argument, state, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not ProviderConfigException)
            {
                // The caller's own cancellation is rethrown as such, whatever wrapped it on the way out.
                cancellationToken.ThrowIfCancellationRequested();
                throw SendFailure(ex, call, state, deadline.HasElapsed(cancellationToken), options);
            }

            using (response)
            {
                // A response that arrives after the caller gave up is not an answer to them.
                cancellationToken.ThrowIfCancellationRequested();
                activity?.SetTag("http.response.status_code", (int)response.StatusCode);
                activity?.SetTag("provider_config.attempts", state.Attempts);
                if (capture is not null)
                {
                    capture.Response = ProviderConfigResponse.From(response);
                }
                if (response.IsSuccessStatusCode && responseType is null)
                {
                    return default!;
                }

                PooledBody body;
                try
                {
                    // Refit returns once the headers are in; the body is read here, still within the call's deadline. The
                    // deadline is pooled: content that may be a host's gets a token of its own (HostToken).
                    var bodyToken = _sendsThroughCallersHttpClient || state.HostCodeInPipeline ? HostToken.Isolate(deadline.Token) : deadline.Token;
                    body = await PooledBody.ReadAsync(response.Content, bodyToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (deadline.HasElapsed(cancellationToken))
                    {
                        throw new ProviderConfigTransportException(call.Method, call.Path, FormattableString.Invariant($"the total timeout of {options.TotalTimeout} elapsed while the response body was read"), state.Attempts, ex);
                    }

                    // A connection lost mid-body surfaces as HttpIOException (an IOException) on .NET 8 and later.
                    throw new ProviderConfigTransportException(call.Method, call.Path, "the connection failed while the response body was read", state.Attempts, ex);
                }
                catch (InvalidDataException ex)
                {
                    throw new ProviderConfigException($"{call.Method} {call.Path}: {ex.Message}", ex);
                }

                using (body)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        var error = ErrorResponse.ToException(response, body.Span, call, Math.Max(1, state.Attempts), options);
                        if (state.RetryAbandonedReason is { } abandoned)
                        {
                            throw error.NotRetried(abandoned);
                        }

                        throw error;
                    }

                    return ReadBody(response.Content.Headers.ContentType, body.Span, call, responseType!, options);
                }
            }
        }
        catch (Exception ex) when (activity is not null && ex is not OperationCanceledException)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
    }

    /// <summary>
    /// Maps what the handler chain threw to an SDK exception. Refit wraps transport failures in its own exception
    /// types, which hold the request and its <c>Authorization</c> header, so only the cause found inside is kept.
    /// </summary>
    internal static Exception SendFailure(Exception exception, in CallTarget call, CallState state, bool deadlineElapsed, ProviderConfigClientOptions options)
    {
        var (method, path) = (call.Method, call.Path);
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

    private static T ReadBody<T>(MediaTypeHeaderValue? contentType, ReadOnlySpan<byte> body, in CallTarget call, JsonTypeInfo<T> type, ProviderConfigClientOptions options)
    {
        var expected = call.Operation switch
        {
            Operation.ListProviders => "a list of providers",
            Operation.ListKeys or Operation.RefreshModels => "a list of keys",
            Operation.GetKey or Operation.CreateKey or Operation.UpdateKey or Operation.DeleteKey or Operation.RefreshKeyModels => "a provider key",
            _ => "a provider configuration",
        };
        if (contentType?.MediaType is { } mediaType && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ProviderConfigException(
                $"{call.Method} {call.Path} returned {mediaType} where {expected} in JSON was expected (is the base address a proxy or the dashboard?). Body starts: {BodyExcerpt.Create(body, options)}");
        }

        try
        {
            return JsonSerializer.Deserialize(body, type) ?? throw new JsonException("The body was the JSON literal null.");
        }
        catch (JsonException ex)
        {
            // A JSON object may hold unmasked values (extra_headers, aliases, older gateways' proxy URLs): point at the
            // failure instead of quoting it. Anything else (null, an array, text) is quoted, scrubbed, to show what came back.
            var trimmed = body.TrimStart(" \t\r\n"u8);
            var where = !trimmed.IsEmpty && trimmed[0] == (byte)'{'
                ? $"The body is a JSON object of {body.Length} bytes (not quoted, as it may hold secrets)."
                : $"Body starts: {BodyExcerpt.Create(body, options)}";
            throw new ProviderConfigException(
                $"{call.Method} {call.Path} returned a body that is not {expected}: {ex.Message} {where}", ex);
        }
    }
}
