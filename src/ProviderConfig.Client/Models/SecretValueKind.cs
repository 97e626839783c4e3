namespace ProviderConfig.Client;

/// <summary>Where the gateway takes a secret's value from.</summary>
public enum SecretValueKind
{
    /// <summary>The value itself is stored on the gateway.</summary>
    PlainText,

    /// <summary>The gateway reads the value from one of its environment variables (<c>env.NAME</c>).</summary>
    Environment,

    /// <summary>The gateway reads the value from a vault path (<c>vault.path</c>).</summary>
    Vault,
}
