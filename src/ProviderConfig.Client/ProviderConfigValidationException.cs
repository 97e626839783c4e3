using System.Globalization;

namespace ProviderConfig.Client;

/// <summary>
/// An update was refused before anything was sent, because the gateway would reject it, or would accept it and do
/// harm (for example store a masked secret as the credential). <see cref="Errors"/> lists every problem at once.
/// </summary>
public class ProviderConfigValidationException : ProviderConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="provider">The provider the update was for.</param>
    /// <param name="errors">Every problem found; at least one.</param>
    public ProviderConfigValidationException(ProviderName provider, IReadOnlyList<ProviderValidationError> errors)
        : base(BuildMessage(provider, keyId: null, isKey: false, errors))
    {
        Provider = provider;
        Errors = errors;
    }

    /// <summary>Creates the exception for a key update.</summary>
    /// <param name="provider">The provider the key belongs to.</param>
    /// <param name="keyId">The key's id; null for a key being created.</param>
    /// <param name="errors">Every problem found; at least one.</param>
    public ProviderConfigValidationException(ProviderName provider, string? keyId, IReadOnlyList<ProviderValidationError> errors)
        : base(BuildMessage(provider, keyId, isKey: true, errors))
    {
        Provider = provider;
        KeyId = keyId;
        Errors = errors;
    }

    /// <summary>The key's id when a key update was refused; null for a provider update or a new key.</summary>
    public string? KeyId { get; }

    /// <summary>The provider the update was for.</summary>
    public ProviderName Provider { get; }

    /// <summary>Every problem found, each with its JSON path and rule.</summary>
    public IReadOnlyList<ProviderValidationError> Errors { get; }

    private static string BuildMessage(ProviderName provider, string? keyId, bool isKey, IReadOnlyList<ProviderValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{errors.Count} problems");
        var subject = !isKey ? $"The update for provider '{provider}'" : keyId is null ? $"The new key for provider '{provider}'" : $"The update of key '{keyId}' of provider '{provider}'";
        return $"{subject} was not sent ({count}): " + string.Join("; ", errors);
    }
}
