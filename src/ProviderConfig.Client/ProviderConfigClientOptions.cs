using System.Diagnostics;

namespace ProviderConfig.Client;

/// <summary>
/// Settings of a <see cref="ProviderConfigClient"/>. Bound from configuration (for example the section
/// <c>ProviderConfig</c>, or environment variables such as <c>ProviderConfig__BaseAddress</c>) and validated at start-up.
/// </summary>
/// <remarks>
/// Give either <see cref="ApiKey"/> or <see cref="Credential"/> (sent as <c>Authorization: Bearer</c>), or
/// <see cref="Username"/> and <see cref="Password"/> (sent as <c>Authorization: Basic</c>), or none when the gateway's
/// auth is off.
/// <see cref="ToString"/> never shows a credential.
/// </remarks>
public sealed class ProviderConfigClientOptions
{
    /// <summary>The configuration section name used in the samples and docs.</summary>
    public const string DefaultSectionName = "ProviderConfig";

    /// <summary>The gateway's address, for example <c>https://bifrost.example.com/</c>. Required, absolute, http or https.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>A management API key, dashboard session token or other Bearer token for the gateway. Never logged.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? ApiKey { get; set; }

    /// <summary>
    /// A Bearer key that can be rotated without a new client: call <see cref="ProviderConfigCredential.Update"/> and the
    /// next request carries the new key. Set in code, not bound from configuration (a reloaded <see cref="ApiKey"/>
    /// already reaches registered clients). Not with <see cref="ApiKey"/> or basic credentials.
    /// </summary>
    public ProviderConfigCredential? Credential { get; set; }

    /// <summary>The gateway's admin user name, for HTTP Basic authentication (with <see cref="Password"/>).</summary>
    public string? Username { get; set; }

    /// <summary>The gateway's admin password, for HTTP Basic authentication (with <see cref="Username"/>). Never logged.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? Password { get; set; }

    /// <summary>
    /// Allows credentials to be sent over plain http to a host that is not loopback. Off by default: anyone on the
    /// network path could read the key.
    /// </summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>Timeout of one attempt. Default 30 s: a PUT runs the gateway's model discovery for up to 15 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole call, retries and their waits included. Default 2 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How failed attempts are retried.</summary>
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Whether a Bearer key or basic credentials are set.</summary>
    internal bool HasCredentials => !string.IsNullOrEmpty(ApiKey) || Credential is not null || !string.IsNullOrEmpty(Username) || !string.IsNullOrEmpty(Password);

    /// <summary>The Bearer key to send now: the credential's current key, else <see cref="ApiKey"/>.</summary>
    internal string? BearerKey => Credential?.Key ?? ApiKey;

    /// <summary>A description with no credential in it.</summary>
    public override string ToString()
    {
        var auth = !string.IsNullOrEmpty(BearerKey) ? "Bearer" : HasCredentials ? "Basic" : "none";
        var address = BaseAddress is { IsAbsoluteUri: true } uri
            ? uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : BaseAddress?.OriginalString;
        return FormattableString.Invariant($"BaseAddress={address}, Auth={auth}, AttemptTimeout={AttemptTimeout}, TotalTimeout={TotalTimeout}, Retry=({Retry})");
    }

    internal ProviderConfigClientOptions Clone() => new()
    {
        BaseAddress = BaseAddress,
        ApiKey = ApiKey,
        Credential = Credential, // shared, not copied: rotating it must reach the client
        Username = Username,
        Password = Password,
        AllowInsecureTransport = AllowInsecureTransport,
        AttemptTimeout = AttemptTimeout,
        TotalTimeout = TotalTimeout,
        Retry = new RetryOptions { MaxRetries = Retry.MaxRetries, RetryBackoffInitial = Retry.RetryBackoffInitial, RetryBackoffMax = Retry.RetryBackoffMax },
    };
}
