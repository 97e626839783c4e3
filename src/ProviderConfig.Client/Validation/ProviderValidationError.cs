namespace ProviderConfig.Client;

/// <summary>One problem found in a <see cref="ProviderUpdate"/>: where it is (as a JSON path) and which rule it breaks.</summary>
/// <param name="Path">The JSON path of the field, for example <c>network_config.retry_backoff_initial</c>.</param>
/// <param name="Message">The rule and the offending value (never a secret value), for example <c>must be at least 100 ms, but is 50 ms</c>.</param>
public sealed record ProviderValidationError(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}
