using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>GigaChat settings of a key (some gateway versions) (<c>gigachat_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record GigaChatKeyConfig : IKeySecrets
{
    /// <summary>Authorization credentials; masked when read (<c>credentials</c>).</summary>
    [JsonPropertyName("credentials")]
    public SecretValue? Credentials { get; init; }

    /// <summary>The user name; masked when read (<c>user</c>).</summary>
    [JsonPropertyName("user")]
    public SecretValue? User { get; init; }

    /// <summary>The password; masked when read (<c>password</c>).</summary>
    [JsonPropertyName("password")]
    public SecretValue? Password { get; init; }

    /// <summary>An access token; masked when read (<c>access_token</c>).</summary>
    [JsonPropertyName("access_token")]
    public SecretValue? AccessToken { get; init; }

    /// <summary>Path of the client certificate; read as <c>&lt;REDACTED&gt;</c> (<c>cert_file</c>).</summary>
    [JsonPropertyName("cert_file")]
    public SecretValue? CertFile { get; init; }

    /// <summary>Path of the client key; read as <c>&lt;REDACTED&gt;</c> (<c>key_file</c>).</summary>
    [JsonPropertyName("key_file")]
    public SecretValue? KeyFile { get; init; }

    /// <summary>Path of the CA bundle; read as <c>&lt;REDACTED&gt;</c> (<c>ca_bundle_file</c>).</summary>
    [JsonPropertyName("ca_bundle_file")]
    public SecretValue? CaBundleFile { get; init; }

    /// <summary>The OAuth scope (<c>scope</c>).</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>The API base URL (<c>base_url</c>).</summary>
    [JsonPropertyName("base_url")]
    public string? BaseUrl { get; init; }

    /// <summary>The OAuth URL (<c>auth_url</c>).</summary>
    [JsonPropertyName("auth_url")]
    public string? AuthUrl { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("credentials", Credentials);
        yield return ("user", User);
        yield return ("password", Password);
        yield return ("access_token", AccessToken);
        yield return ("cert_file", CertFile);
        yield return ("key_file", KeyFile);
        yield return ("ca_bundle_file", CaBundleFile);
    }
}
