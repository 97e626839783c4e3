namespace ProviderConfig.Client.Testing;

/// <summary>Settings of a <see cref="BifrostStubServer"/>.</summary>
/// <remarks>
/// Authentication is off unless <see cref="ApiKey"/> or <see cref="Username"/>/<see cref="Password"/> is set, as on a
/// gateway whose auth is disabled. With both set, either credential is accepted.
/// </remarks>
public sealed class BifrostStubOptions
{
    /// <summary>A token accepted as <c>Authorization: Bearer &lt;ApiKey&gt;</c>; null or empty for none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The admin user name, accepted (with <see cref="Password"/>) as <c>Authorization: Basic base64(user:pass)</c> and as
    /// the gateway's legacy <c>Bearer base64(user:pass)</c>.
    /// </summary>
    public string? Username { get; set; }

    /// <summary>The admin password that goes with <see cref="Username"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The wire shape of <c>proxy_config</c> secrets in responses, i.e. which gateway age to emulate. Default
    /// <see cref="SecretValueShape.SecretVarObject"/> (the newest). With <see cref="SecretValueShape.PlainString"/> and
    /// <see cref="SecretValueShape.EnvVarObject"/> the proxy <c>url</c>/<c>username</c> are shown in clear, as those gateways
    /// did. <c>network_config.ca_cert_pem</c> is a plain string in every era.
    /// </summary>
    public SecretValueShape SecretShape { get; set; } = SecretValueShape.SecretVarObject;

    /// <summary>
    /// Whether to start with the contract's example providers: <c>openai</c> (defaults), <c>azure</c> (from config.json),
    /// <c>bedrock</c> (behind a proxy with secrets), <c>acme-llm-gateway</c> (custom, keyless) and <c>gemini</c>
    /// (<c>provider_status: "error"</c>). Default true.
    /// </summary>
    public bool SeedDefaultProviders { get; set; } = true;
}
