namespace ProviderConfig.Client;

/// <summary>How a field differs between two configurations.</summary>
public enum ProviderConfigChangeKind
{
    /// <summary>The field is new.</summary>
    Added,

    /// <summary>The field is gone.</summary>
    Removed,

    /// <summary>The field has another value.</summary>
    Changed,
}
