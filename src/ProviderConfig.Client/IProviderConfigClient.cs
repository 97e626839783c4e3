namespace ProviderConfig.Client;

/// <summary>
/// Reads and changes provider configurations on a Bifrost gateway (<c>GET</c> and <c>PUT /api/providers/{provider}</c>).
/// </summary>
/// <remarks>
/// Every failure is a <see cref="ProviderConfigException"/> (see its subclasses); caller cancellation is an
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public interface IProviderConfigClient
{
    /// <summary>Reads a provider's configuration. Secrets in it are masked by the gateway.</summary>
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
}
