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
        : base(BuildMessage(provider, errors))
    {
        Provider = provider;
        Errors = errors;
    }

    /// <summary>The provider the update was for.</summary>
    public ProviderName Provider { get; }

    /// <summary>Every problem found, each with its JSON path and rule.</summary>
    public IReadOnlyList<ProviderValidationError> Errors { get; }

    private static string BuildMessage(ProviderName provider, IReadOnlyList<ProviderValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var count = errors.Count == 1 ? "1 problem" : string.Create(CultureInfo.InvariantCulture, $"{errors.Count} problems");
        return $"The update for provider '{provider}' was not sent ({count}): " + string.Join("; ", errors);
    }
}
