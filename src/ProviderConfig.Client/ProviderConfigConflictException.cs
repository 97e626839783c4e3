using System.Globalization;

namespace ProviderConfig.Client;

/// <summary>
/// A read-modify-write (<see cref="IProviderConfigClient.UpdateProviderAsync(ProviderName, Func{ProviderUpdate, ProviderUpdate}, CancellationToken)"/>)
/// kept finding the provider changed by another writer between its reads, and gave up rather than overwrite that change.
/// Nothing was written.
/// </summary>
public class ProviderConfigConflictException : ProviderConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="changedPaths">The JSON paths another writer changed on the last try.</param>
    /// <param name="attempts">How many times the change was tried.</param>
    public ProviderConfigConflictException(ProviderName provider, IReadOnlyList<string> changedPaths, int attempts)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"Provider '{provider}' was changed by another writer during each of {attempts} read-modify-write attempts; nothing was written. Last changed: {string.Join(", ", changedPaths ?? [])}."))
    {
        Provider = provider;
        ChangedPaths = changedPaths ?? [];
        Attempts = attempts;
    }

    /// <summary>The provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>The JSON paths another writer changed on the last try.</summary>
    public IReadOnlyList<string> ChangedPaths { get; }

    /// <summary>How many times the change was tried.</summary>
    public int Attempts { get; }
}
