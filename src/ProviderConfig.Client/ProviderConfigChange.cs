namespace ProviderConfig.Client;

/// <summary>One field that differs: its JSON path, and the old and new values as JSON text with secrets masked.</summary>
/// <param name="Path">The JSON path, for example <c>network_config.max_retries</c>.</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="OldValue">The old value as JSON (secrets shown as <c>"(secret)"</c> or their reference); null when added.</param>
/// <param name="NewValue">The new value as JSON (secrets masked likewise); null when removed.</param>
public sealed record ProviderConfigChange(string Path, ProviderConfigChangeKind Kind, string? OldValue, string? NewValue)
{
    /// <summary>One line such as <c>~ network_config.max_retries: 0 -> 5</c>.</summary>
    public override string ToString() => Kind switch
    {
        ProviderConfigChangeKind.Added => $"+ {Path}: {NewValue}",
        ProviderConfigChangeKind.Removed => $"- {Path}: {OldValue}",
        _ => $"~ {Path}: {OldValue} -> {NewValue}",
    };
}
