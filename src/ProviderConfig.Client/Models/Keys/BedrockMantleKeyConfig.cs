using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>AWS Bedrock Mantle settings of a key. Members this SDK does not model (<c>endpoints</c>) are kept in <see cref="ExtensionData"/> (<c>bedrock_mantle_key_config</c>). Secret members are <see cref="SecretValue"/>s, written back exactly as read.</summary>
public sealed record BedrockMantleKeyConfig : IKeySecrets
{
    /// <summary>The AWS access key id; masked when read (<c>access_key</c>).</summary>
    [JsonPropertyName("access_key")]
    public SecretValue? AccessKey { get; init; }

    /// <summary>The AWS secret access key; masked when read (<c>secret_key</c>).</summary>
    [JsonPropertyName("secret_key")]
    public SecretValue? SecretKey { get; init; }

    /// <summary>An AWS session token; masked when read (<c>session_token</c>).</summary>
    [JsonPropertyName("session_token")]
    public SecretValue? SessionToken { get; init; }

    /// <summary>The AWS region (required); masked when read (<c>region</c>).</summary>
    [JsonPropertyName("region")]
    public SecretValue? Region { get; init; }

    /// <summary>A role to assume; masked when read (<c>role_arn</c>).</summary>
    [JsonPropertyName("role_arn")]
    public SecretValue? RoleArn { get; init; }

    /// <summary>The external id for the role; masked when read (<c>external_id</c>).</summary>
    [JsonPropertyName("external_id")]
    public SecretValue? ExternalId { get; init; }

    /// <summary>The role session name; masked when read (<c>session_name</c>).</summary>
    [JsonPropertyName("session_name")]
    public SecretValue? SessionName { get; init; }

    /// <summary>A project identifier; shown in clear (not a credential) (<c>project_id</c>).</summary>
    [JsonPropertyName("project_id")]
    public SecretValue? ProjectId { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    IEnumerable<(string Name, SecretValue? Value)> IKeySecrets.Secrets()
    {
        yield return ("access_key", AccessKey);
        yield return ("secret_key", SecretKey);
        yield return ("session_token", SessionToken);
        yield return ("region", Region);
        yield return ("role_arn", RoleArn);
        yield return ("external_id", ExternalId);
        yield return ("session_name", SessionName);
        yield return ("project_id", ProjectId);
    }
}
