namespace ProviderConfig.Client;

/// <summary>How much a <see cref="ProviderValidationError"/> matters: whether the SDK refuses to send the update because of it.</summary>
public enum ProviderValidationSeverity
{
    /// <summary>
    /// The update would lose data (a mask stored as the credential, a block reset) or is an obvious mistake in a value
    /// you changed. The client refuses to send it and throws <see cref="ProviderConfigValidationException"/>.
    /// </summary>
    Error = 0,

    /// <summary>
    /// A value you changed breaks a rule the SDK knows from some gateway versions (for example the list of base providers
    /// a custom provider may use), which newer or older gateways may not share. The client sends the update anyway: the
    /// gateway decides, and its own message reaches you in a <see cref="ProviderConfigApiException"/> if it refuses.
    /// </summary>
    Warning = 1,
}
