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
    /// <exception cref="ProviderConfigApiException">The gateway rejected the update (400, with its message) or failed.</exception>
    /// <exception cref="ProviderConfigAuthenticationException">The credentials were refused (401/403).</exception>
    /// <exception cref="ProviderConfigTransportException">No response came, on every attempt allowed.</exception>
    /// <exception cref="ProviderConfigException">The response was not a provider configuration.</exception>
    Task<ProviderConfiguration> UpdateProviderAsync(ProviderName provider, ProviderUpdate update, CancellationToken cancellationToken = default);
}
