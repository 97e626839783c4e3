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
        : this(provider, keyId: null, changedPaths, attempts)
    {
    }

    /// <summary>Creates the exception for a key's read-modify-write.</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="keyId">The key's id; null when the provider itself was being changed.</param>
    /// <param name="changedPaths">The JSON paths another writer changed on the last try.</param>
    /// <param name="attempts">How many times the change was tried.</param>
    public ProviderConfigConflictException(ProviderName provider, string? keyId, IReadOnlyList<string> changedPaths, int attempts)
        : base(string.Create(
            CultureInfo.InvariantCulture,
            $"{(keyId is null ? $"Provider '{provider}'" : $"Key '{keyId}' of provider '{provider}'")} was changed by another writer during each of {attempts} read-modify-write attempts; nothing was written. Last changed: {string.Join(", ", changedPaths ?? [])}."))
    {
        Provider = provider;
        KeyId = keyId;
        ChangedPaths = changedPaths ?? [];
        Attempts = attempts;
    }

    /// <summary>The provider.</summary>
    public ProviderName Provider { get; }

    /// <summary>The key's id when a key was being changed; null for the provider itself.</summary>
    public string? KeyId { get; }

    /// <summary>The JSON paths another writer changed on the last try.</summary>
    public IReadOnlyList<string> ChangedPaths { get; }

    /// <summary>How many times the change was tried.</summary>
    public int Attempts { get; }
}
