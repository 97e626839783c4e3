namespace ProviderConfig.Client;

/// <summary>One problem found in a <see cref="ProviderUpdate"/> or <see cref="ProviderKeyUpdate"/>: where it is (as a JSON path), which rule it breaks, and whether it stops the update.</summary>
/// <param name="Path">The JSON path of the field, for example <c>network_config.retry_backoff_initial</c>.</param>
/// <param name="Message">The rule and the offending value (never a secret value), for example <c>must be at least 100 ms, but is 50 ms</c>.</param>
public sealed record ProviderValidationError(string Path, string Message)
{
    /// <summary>
    /// <see cref="ProviderValidationSeverity.Error"/> (the default): the client does not send the update.
    /// <see cref="ProviderValidationSeverity.Warning"/>: the client sends it and lets the gateway decide.
    /// </summary>
    public ProviderValidationSeverity Severity { get; init; }

    /// <summary>Whether this is only a warning, which does not stop the client from sending the update.</summary>
    public bool IsWarning => Severity == ProviderValidationSeverity.Warning;

    /// <summary><c>path: message</c>, followed by <c>(warning)</c> for a warning.</summary>
    public override string ToString() => IsWarning ? $"{Path}: {Message} (warning)" : $"{Path}: {Message}";
}
