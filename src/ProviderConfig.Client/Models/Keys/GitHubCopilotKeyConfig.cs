using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>GitHub Copilot (GitHub App) settings of a key (newer gateways) (<c>github_copilot_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record GitHubCopilotKeyConfig : IKeySecrets
{
    /// <summary>The GitHub App id; masked when read (<c>app_id</c>).</summary>
    [JsonPropertyName("app_id")]
    public SecretValue? AppId { get; init; }

    /// <summary>The App installation id; masked when read (<c>installation_id</c>).</summary>
    [JsonPropertyName("installation_id")]
    public SecretValue? InstallationId { get; init; }

    /// <summary>The repository id; masked when read (<c>repository_id</c>).</summary>
    [JsonPropertyName("repository_id")]
    public SecretValue? RepositoryId { get; init; }

    /// <summary>The App's RSA private key (PEM); masked when read (<c>private_key</c>).</summary>
    [JsonPropertyName("private_key")]
    public SecretValue? PrivateKey { get; init; }

    /// <summary>The GitHub domain, for GitHub Enterprise; masked when read (<c>github_domain</c>).</summary>
    [JsonPropertyName("github_domain")]
    public SecretValue? GitHubDomain { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("app_id", AppId);
        yield return ("installation_id", InstallationId);
        yield return ("repository_id", RepositoryId);
        yield return ("private_key", PrivateKey);
        yield return ("github_domain", GitHubDomain);
    }
}
