namespace ProviderConfig.Client.Testing;

/// <summary>How a member of a key's provider block (or of an alias) is read, stored, shown and restored.</summary>
internal enum KeyFieldKind
{
    /// <summary>A <c>SecretVar</c>, partially masked on output and restored on PUT when a mask is sent back.</summary>
    Masked,

    /// <summary>
    /// <c>azure_key_config.endpoint</c>: a <c>SecretVar</c> shown in clear for a literal on the newest gateway (masked for an
    /// env/vault reference), masked always on older ones; restored like <see cref="Masked"/>.
    /// </summary>
    Endpoint,

    /// <summary>A <c>SecretVar</c> shown in clear and never restored (Bedrock <c>project_id</c>, alias members).</summary>
    ClearSecret,

    /// <summary>A plain string shown as the literal <c>&lt;REDACTED&gt;</c> (GigaChat file paths); restored only for exactly that.</summary>
    RedactedPath,

    /// <summary>A plain string, shown as stored; left out when empty unless always emitted.</summary>
    Text,

    /// <summary>A Go <c>bool</c>: left out when false unless always emitted.</summary>
    Flag,

    /// <summary>A Go <c>*bool</c>: shown when set, false included.</summary>
    OptionalFlag,

    /// <summary>A string list, left out when empty.</summary>
    TextList,

    /// <summary>A JSON object kept as given (Bedrock <c>endpoints</c>, <c>batch_s3_config</c>).</summary>
    Raw,
}
