namespace ProviderConfig.Client;

/// <summary>
/// Manages the providers of a Bifrost gateway and their keys (<c>/api/providers</c>, <c>/api/providers/{provider}</c>,
/// <c>/api/providers/{provider}/keys</c>).
/// </summary>
/// <remarks>
/// <para>
/// Every failure is a <see cref="ProviderConfigException"/> (see its subclasses); caller cancellation is an
/// <see cref="OperationCanceledException"/>.
/// </para>
/// <para>
/// Retries: reads, deletes and model refreshes are retried on connection failures, attempt timeouts and 408, 429, 500,
/// 502, 503 and 504. Writes (PUT and POST) are retried on the same except 500, which the gateway returns for failures
/// that a replay would only repeat (each replay also re-runs the provider's hot reload). Creates are made safe to
/// replay by reading back what an earlier attempt may have stored. Each method's remarks state its rule.
/// </para>
/// <para>
/// Response metadata: every operation has a <c>...WithResponseAsync</c> twin that returns the same value with the
/// status, headers and request id of the gateway's answer (<see cref="ProviderConfigResponse{T}"/>, or
/// <see cref="ProviderConfigResponse"/> for <see cref="DeleteProviderWithResponseAsync"/>), for an audit log of
/// configuration changes. The plain methods copy no headers. Where an operation makes several requests, the metadata is
/// of the request that produced the returned value (each twin's remarks say which).
/// </para>
/// </remarks>
public interface IProviderConfigClient
{
    /// <summary>Reads a provider's configuration. Secrets in it are masked by the gateway.</summary>
    /// <remarks>Retried as a read (see the interface remarks).</remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ProviderNotFoundException">The gateway has no provider of that name.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway answered with another error status.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    /// <exception cref="ProviderConfigException">The response was not a provider configuration.</exception>
    Task<ProviderConfiguration> GetProviderAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a provider's configuration (or creates the provider) with <paramref name="update"/>, sent in full.
    /// </summary>
    /// <remarks>
    /// The gateway replaces every block it receives and has no version check: the last write wins. Build
    /// <paramref name="update"/> from a fresh <see cref="GetProviderAsync"/> with <see cref="ProviderConfiguration.ToUpdate"/>.
    /// Retried as a write: the same full body replayed leaves the same state, but a 500 is not replayed.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="update">The complete new configuration.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The configuration as the gateway stored it (secrets masked).</returns>
    /// <exception cref="ProviderConfigValidationException">The update breaks a gateway rule (see <see cref="ProviderUpdate.Validate(ProviderName)"/>); nothing was sent.</exception>
    /// <exception cref="ProviderConfigApiException">The gateway rejected the update (400, with its message) or failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    /// <exception cref="ProviderConfigException">The response was not a provider configuration.</exception>
    Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a provider safely: reads it, applies <paramref name="change"/> to <see cref="ProviderConfiguration.ToUpdate"/>,
    /// validates the result, reads the provider again just before writing, and writes only if nobody changed it in
    /// between. If another writer did, <paramref name="change"/> is applied again to the fresh copy (up to three tries
    /// in all) before a <see cref="ProviderConfigConflictException"/> is thrown.
    /// </summary>
    /// <remarks>
    /// The gateway has no ETag or version check: the last write wins. This method narrows the window in which a
    /// concurrent change can be overwritten to the time between its second read and its write; it cannot close it,
    /// and it cannot see a concurrent change of a fully masked secret (the mask looks the same before and after).
    /// <paramref name="change"/> may run more than once, so it should only compute the new value.
    /// When the change leaves the configuration as it was, nothing is written and the current configuration is returned.
    /// Each read and the write are retried as <see cref="GetProviderAsync"/> and
    /// <see cref="UpdateProviderAsync(ProviderName, ProviderUpdate, CancellationToken)"/> are.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive); it must exist.</param>
    /// <param name="change">Returns the new configuration, typically <c>u => u with { ... }</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The configuration as the gateway stored it.</returns>
    /// <exception cref="ProviderNotFoundException">The provider does not exist.</exception>
    /// <exception cref="ProviderConfigValidationException">The changed configuration breaks a gateway rule; nothing was sent.</exception>
    /// <exception cref="ProviderConfigConflictException">Another writer changed the provider during every try; nothing was written.</exception>
    /// <exception cref="ProviderConfigApiException">The gateway rejected the write or failed.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, Func<ProviderUpdate, ProviderUpdate> change, CancellationToken cancellationToken = default);

    /// <summary>Reads every provider of the gateway, in the gateway's order (by name, byte-wise). Secrets are masked.</summary>
    /// <remarks>Retried as a read. Keys are not included: read them with <see cref="ListKeysAsync"/>.</remarks>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The providers; empty when there are none.</returns>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway answered with another error status.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    /// <exception cref="ProviderConfigException">The response was not a provider list.</exception>
    Task<IReadOnlyList<ProviderConfiguration>> ListProvidersAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a provider, typically a custom one (set <see cref="ProviderUpdate.CustomProviderConfig"/>). Sizing and
    /// network blocks left at their all-zero defaults are not sent, so the gateway applies its own defaults.
    /// </summary>
    /// <remarks>
    /// Retried as a write (not on 500). Safe to replay: when an attempt's answer is lost and the replay meets "already
    /// exists" (or no answer comes at all), the provider is read back and returned if it has the custom-provider base
    /// type that was asked for, so a create that succeeded is never reported as a failure.
    /// </remarks>
    /// <param name="provider">The new provider's name (case-sensitive).</param>
    /// <param name="configuration">Its settings.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The provider as the gateway stored it (secrets masked).</returns>
    /// <exception cref="ProviderAlreadyExistsException">A provider of that name exists (409).</exception>
    /// <exception cref="ProviderConfigValidationException">The settings would lose data (for example a copied mask); nothing was sent.</exception>
    /// <exception cref="ProviderConfigApiException">The gateway rejected the settings (400, with its message) or failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed, and the provider could not be read back.</exception>
    Task<ProviderConfiguration> CreateProviderAsync(ProviderName provider, ProviderUpdate configuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a provider <em>and all its keys</em>; the gateway also removes virtual-key settings that refer to it. A
    /// provider that is not there counts as deleted (newer gateways answer 200, older ones 404).
    /// </summary>
    /// <remarks>Retried as a read: deleting twice leaves the same state.</remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>A task that completes when the provider is gone.</returns>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway failed, or a 404 came from something other than the gateway's API (a wrong base address or a proxy).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task DeleteProviderAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>Reads a provider's keys, in the gateway's order (the order they were added). Secrets are masked.</summary>
    /// <remarks>Retried as a read.</remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The keys; empty when the provider has none.</returns>
    /// <exception cref="ProviderNotFoundException">The gateway has no provider of that name.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway answered with another error status.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    /// <exception cref="ProviderConfigException">The response was not a key list.</exception>
    Task<IReadOnlyList<ProviderKey>> ListKeysAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>Reads one key of a provider. Secrets are masked.</summary>
    /// <remarks>Retried as a read.</remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ProviderKeyNotFoundException">No such key, or no such provider (the gateway does not tell them apart).</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway answered with another error status.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    /// <exception cref="ProviderConfigException">The response was not a key.</exception>
    Task<ProviderKey> GetKeyAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a key to a provider. A new <see cref="ProviderKeyUpdate"/> allows every model with weight 1; set
    /// <see cref="ProviderKeyUpdate.Name"/> (unique across all providers) and the secret with <see cref="SecretValue.Plain"/>
    /// or <see cref="SecretValue.FromEnvironment"/>.
    /// </summary>
    /// <remarks>
    /// Retried as a write (not on 500). Safe to replay: the SDK sends a key id of its own when
    /// <see cref="ProviderKeyUpdate.Id"/> is null, and when an attempt's answer is lost and the replay fails (409) or no
    /// answer comes at all, it reads that id back and returns the key if it is there, so a key is never created twice
    /// and a create that succeeded is never reported as a failure.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="key">The new key.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The key as the gateway stored it (secrets masked).</returns>
    /// <exception cref="ProviderKeyNameTakenException">Another key, of any provider, has that name (409).</exception>
    /// <exception cref="ProviderNotFoundException">The gateway has no provider of that name.</exception>
    /// <exception cref="ProviderConfigValidationException">The key would lose data (a mask not read from this key, an empty model list not asked for by name); nothing was sent.</exception>
    /// <exception cref="ProviderConfigApiException">The gateway rejected the key (400, with its message, for example a keyless provider) or failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401), or the gateway forbids the change (403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed, and the key could not be read back.</exception>
    Task<ProviderKey> CreateKeyAsync(ProviderName provider, ProviderKeyUpdate key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a key with <paramref name="key"/>, sent in full: the gateway replaces the whole key, so an omitted
    /// member is lost. Build <paramref name="key"/> from a fresh <see cref="GetKeyAsync"/> with <see cref="ProviderKey.ToUpdate"/>.
    /// </summary>
    /// <remarks>
    /// Masked secrets read from this key are sent back exactly as read, which the gateway takes as "keep the stored
    /// secret". Retried as a write: the same full body replayed leaves the same state, but a 500 is not replayed. The
    /// gateway has no version check: the last write wins.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="keyId">The key's id; it wins over <see cref="ProviderKeyUpdate.Id"/>.</param>
    /// <param name="key">The complete new key.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The key as the gateway stored it (secrets masked).</returns>
    /// <exception cref="ProviderKeyNotFoundException">No such key or provider.</exception>
    /// <exception cref="ProviderKeyNameTakenException">The new name is another key's (of any provider).</exception>
    /// <exception cref="ProviderConfigValidationException">The key would lose data; nothing was sent.</exception>
    /// <exception cref="ProviderConfigApiException">The gateway rejected the key (400, with its message) or failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401), or the gateway forbids the change (403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task<ProviderKey> UpdateKeyAsync(ProviderName provider, string keyId, ProviderKeyUpdate key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a key safely: reads it, applies <paramref name="change"/> to <see cref="ProviderKey.ToUpdate"/>, checks the
    /// result, reads the key again just before writing, and writes only if nobody changed it in between; otherwise the
    /// change is applied again to the fresh copy (up to three tries in all) before a
    /// <see cref="ProviderConfigConflictException"/> is thrown.
    /// </summary>
    /// <remarks>
    /// The whole key is sent, unknown members and masked secrets included, so nothing the change does not touch is lost.
    /// <paramref name="change"/> may run more than once, so it should only compute the new value. When it changes
    /// nothing, nothing is written. Reads and the write are retried as <see cref="GetKeyAsync"/> and
    /// <see cref="UpdateKeyAsync(ProviderName, string, ProviderKeyUpdate, CancellationToken)"/> are.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="change">Returns the new key, typically <c>k => k with { ... }</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key as the gateway stored it.</returns>
    /// <exception cref="ProviderKeyNotFoundException">No such key or provider.</exception>
    /// <exception cref="ProviderConfigValidationException">The changed key would lose data; nothing was sent.</exception>
    /// <exception cref="ProviderConfigConflictException">Another writer changed the key during every try; nothing was written.</exception>
    /// <exception cref="ProviderKeyNameTakenException">The new name is another key's (of any provider).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway rejected the write or failed.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task<ProviderKey> UpdateKeyAsync(ProviderName provider, string keyId, Func<ProviderKeyUpdate, ProviderKeyUpdate> change, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key and returns it as it was.</summary>
    /// <remarks>
    /// Reads the key first, then deletes it. Retried as a read; when an attempt deleted the key but its answer was lost,
    /// the replay's 404 is reported as success (with the key as read), while deleting a key that was already gone
    /// before this call is a <see cref="ProviderKeyNotFoundException"/>.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The deleted key (secrets masked).</returns>
    /// <exception cref="ProviderKeyNotFoundException">No such key or provider.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigApiException">The gateway refused (400, for example a keyless provider) or failed.</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task<ProviderKey> DeleteKeyAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the gateway to list the upstream models of every enabled key of the provider now, and returns the keys
    /// afterwards; a key whose upstream call failed has <see cref="ProviderKey.Status"/> <c>list_models_failed</c>.
    /// </summary>
    /// <remarks>
    /// Newer gateways only. The call waits for the upstream provider, so it can take a while. Retried as a read, and
    /// also when the gateway answers 409 because a refresh is already running (with the same backoff); a 409 that
    /// outlasts the retries is reported as a <see cref="ProviderConfigApiException"/>.
    /// </remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The provider's keys after the refresh.</returns>
    /// <exception cref="ProviderNotFoundException">The gateway has no provider of that name.</exception>
    /// <exception cref="ProviderConfigApiException">A refresh was still running after every retry (409), or the gateway failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task<IReadOnlyList<ProviderKey>> RefreshModelsAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>Asks the gateway to list one key's upstream models now, and returns the key afterwards.</summary>
    /// <remarks>Newer gateways only. Retried as <see cref="RefreshModelsAsync"/> is, including on 409.</remarks>
    /// <param name="provider">The provider's name (case-sensitive).</param>
    /// <param name="keyId">The key's id.</param>
    /// <param name="cancellationToken">Cancels the call, including any wait between retries.</param>
    /// <returns>The key after the refresh.</returns>
    /// <exception cref="ProviderKeyNotFoundException">No such key or provider.</exception>
    /// <exception cref="ProviderConfigApiException">A refresh was still running after every retry (409), or the gateway failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    Task<ProviderKey> RefreshKeyModelsAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="GetProviderAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="GetProviderAsync" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="GetProviderAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="GetProviderAsync" path="/exception"/>
    Task<ProviderConfigResponse<ProviderConfiguration>> GetProviderWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="UpdateProviderAsync(ProviderName, ProviderUpdate, CancellationToken)"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="UpdateProviderAsync(ProviderName, ProviderUpdate, CancellationToken)" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="UpdateProviderAsync(ProviderName, ProviderUpdate, CancellationToken)" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="UpdateProviderAsync(ProviderName, ProviderUpdate, CancellationToken)" path="/exception"/>
    Task<ProviderConfigResponse<ProviderConfiguration>> UpdateProviderWithResponseAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="UpdateProviderAsync(ProviderName, Func{ProviderUpdate, ProviderUpdate}, CancellationToken)"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="UpdateProviderAsync(ProviderName, Func{ProviderUpdate, ProviderUpdate}, CancellationToken)" path="/remarks"/>
    /// <para>The metadata is of the call that produced the returned configuration: the write, or the last read when the change changed nothing and nothing was written.</para>
    /// </remarks>
    /// <inheritdoc cref="UpdateProviderAsync(ProviderName, Func{ProviderUpdate, ProviderUpdate}, CancellationToken)" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="UpdateProviderAsync(ProviderName, Func{ProviderUpdate, ProviderUpdate}, CancellationToken)" path="/exception"/>
    Task<ProviderConfigResponse<ProviderConfiguration>> UpdateProviderWithResponseAsync(ProviderName provider, Func<ProviderUpdate, ProviderUpdate> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ListProvidersAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="ListProvidersAsync" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="ListProvidersAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="ListProvidersAsync" path="/exception"/>
    Task<ProviderConfigResponse<IReadOnlyList<ProviderConfiguration>>> ListProvidersWithResponseAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="CreateProviderAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="CreateProviderAsync" path="/remarks"/>
    /// <para>The metadata is of the call that produced the returned provider: the create, or the read that found it when a replayed create's answer was lost (a <c>GET</c>, status 200).</para>
    /// </remarks>
    /// <inheritdoc cref="CreateProviderAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="CreateProviderAsync" path="/exception"/>
    Task<ProviderConfigResponse<ProviderConfiguration>> CreateProviderWithResponseAsync(ProviderName provider, ProviderUpdate configuration, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="DeleteProviderAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="DeleteProviderAsync" path="/remarks"/>
    /// <para>The status is 404 when an older gateway reported the provider absent, which counts as deleted.</para>
    /// </remarks>
    /// <inheritdoc cref="DeleteProviderAsync" path="/param"/>
    /// <returns>The metadata of gateway's answer.</returns>
    /// <inheritdoc cref="DeleteProviderAsync" path="/exception"/>
    Task<ProviderConfigResponse> DeleteProviderWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="ListKeysAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="ListKeysAsync" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="ListKeysAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="ListKeysAsync" path="/exception"/>
    Task<ProviderConfigResponse<IReadOnlyList<ProviderKey>>> ListKeysWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="GetKeyAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="GetKeyAsync" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="GetKeyAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="GetKeyAsync" path="/exception"/>
    Task<ProviderConfigResponse<ProviderKey>> GetKeyWithResponseAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="CreateKeyAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="CreateKeyAsync" path="/remarks"/>
    /// <para>The metadata is of the call that produced the returned key: the create, or the read that found it when a replayed create's answer was lost (a <c>GET</c>, status 200).</para>
    /// </remarks>
    /// <inheritdoc cref="CreateKeyAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="CreateKeyAsync" path="/exception"/>
    Task<ProviderConfigResponse<ProviderKey>> CreateKeyWithResponseAsync(ProviderName provider, ProviderKeyUpdate key, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="UpdateKeyAsync(ProviderName, string, ProviderKeyUpdate, CancellationToken)"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="UpdateKeyAsync(ProviderName, string, ProviderKeyUpdate, CancellationToken)" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="UpdateKeyAsync(ProviderName, string, ProviderKeyUpdate, CancellationToken)" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="UpdateKeyAsync(ProviderName, string, ProviderKeyUpdate, CancellationToken)" path="/exception"/>
    Task<ProviderConfigResponse<ProviderKey>> UpdateKeyWithResponseAsync(ProviderName provider, string keyId, ProviderKeyUpdate key, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="UpdateKeyAsync(ProviderName, string, Func{ProviderKeyUpdate, ProviderKeyUpdate}, CancellationToken)"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="UpdateKeyAsync(ProviderName, string, Func{ProviderKeyUpdate, ProviderKeyUpdate}, CancellationToken)" path="/remarks"/>
    /// <para>The metadata is of the call that produced the returned key: the write, or the last read when the change changed nothing and nothing was written.</para>
    /// </remarks>
    /// <inheritdoc cref="UpdateKeyAsync(ProviderName, string, Func{ProviderKeyUpdate, ProviderKeyUpdate}, CancellationToken)" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="UpdateKeyAsync(ProviderName, string, Func{ProviderKeyUpdate, ProviderKeyUpdate}, CancellationToken)" path="/exception"/>
    Task<ProviderConfigResponse<ProviderKey>> UpdateKeyWithResponseAsync(ProviderName provider, string keyId, Func<ProviderKeyUpdate, ProviderKeyUpdate> change, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="DeleteKeyAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="DeleteKeyAsync" path="/remarks"/>
    /// <para>The metadata is of the call that produced the returned key: the delete, or the read made before it when an attempt deleted the key, its answer was lost and the replay met a 404 (a <c>GET</c>, status 200).</para>
    /// </remarks>
    /// <inheritdoc cref="DeleteKeyAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="DeleteKeyAsync" path="/exception"/>
    Task<ProviderConfigResponse<ProviderKey>> DeleteKeyWithResponseAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RefreshModelsAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="RefreshModelsAsync" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="RefreshModelsAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="RefreshModelsAsync" path="/exception"/>
    Task<ProviderConfigResponse<IReadOnlyList<ProviderKey>>> RefreshModelsWithResponseAsync(ProviderName provider, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RefreshKeyModelsAsync"/>,
    /// and also returns the status, headers and request id of the gateway's answer (for an audit log of configuration
    /// changes, say). See <see cref="ProviderConfigResponse"/>.
    /// </summary>
    /// <remarks>
    /// <inheritdoc cref="RefreshKeyModelsAsync" path="/remarks"/>
    /// </remarks>
    /// <inheritdoc cref="RefreshKeyModelsAsync" path="/param"/>
    /// <returns>The value and the metadata of the gateway's answer.</returns>
    /// <inheritdoc cref="RefreshKeyModelsAsync" path="/exception"/>
    Task<ProviderConfigResponse<ProviderKey>> RefreshKeyModelsWithResponseAsync(ProviderName provider, string keyId, CancellationToken cancellationToken = default);
}
