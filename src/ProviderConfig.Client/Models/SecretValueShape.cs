namespace ProviderConfig.Client;

/// <summary>
/// The JSON shape a secret field had on the wire. Gateways of different ages use different shapes, and a secret
/// read from the gateway is written back in the shape it came in.
/// </summary>
public enum SecretValueShape
{
    /// <summary>A bare JSON string such as <c>"http://proxy:3128"</c> or <c>"env.PROXY_URL"</c> (gateways before April 2026, and <c>network_config.ca_cert_pem</c>).</summary>
    PlainString,

    /// <summary>An object <c>{"value", "env_var", "from_env"}</c> (the EnvVar era; also its <c>vault_var</c>/<c>from_vault</c> variant).</summary>
    EnvVarObject,

    /// <summary>An object <c>{"value", "ref", "type"}</c> (the newest SecretVar shape; also the interim <c>secret_ref</c> variant).</summary>
    SecretVarObject,
}
