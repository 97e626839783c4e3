using System.Diagnostics;

namespace ProviderConfig.Client;

/// <summary>
/// A gateway API key that can be replaced while clients use it (key rotation), in the manner of
/// <c>System.ClientModel.ApiKeyCredential</c>. Set it as <see cref="ProviderConfigClientOptions.Credential"/>; every
/// client built from those options sends the current key as <c>Authorization: Bearer</c>, read again at each attempt,
/// so after <see cref="Update"/> the next request (or the next retry of one in flight) carries the new key.
/// </summary>
/// <remarks>
/// The key cannot be read back: there is no getter, and neither <see cref="ToString"/> nor the debugger shows it.
/// Thread-safe. With dependency injection and settings bound from configuration, a reloaded <c>ApiKey</c> already
/// reaches the next request through <c>IOptionsMonitor</c>; this type is for keys your code fetches itself (from a
/// vault, say), with or without dependency injection.
/// </remarks>
[DebuggerDisplay("ProviderConfigCredential (key hidden)")]
public sealed class ProviderConfigCredential
{
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private string _key;

    /// <summary>Creates a credential holding <paramref name="apiKey"/>.</summary>
    /// <param name="apiKey">A management API key, dashboard session token or other Bearer token for the gateway.</param>
    /// <exception cref="ArgumentException">The key is empty or contains white space or control characters.</exception>
    public ProviderConfigCredential(string apiKey)
    {
        Check(apiKey);
        _key = apiKey;
    }

    /// <summary>The current key, for the SDK's authentication handler and scrubbing only.</summary>
    internal string Key => Volatile.Read(ref _key);

    /// <summary>Replaces the key. The next request of every client using this credential carries the new one.</summary>
    /// <param name="apiKey">The new key.</param>
    /// <exception cref="ArgumentException">The key is empty or contains white space or control characters; the old key stays in use.</exception>
    public void Update(string apiKey)
    {
        Check(apiKey);
        Volatile.Write(ref _key, apiKey);
    }

    /// <summary>The type's name; never the key.</summary>
    public override string ToString() => nameof(ProviderConfigCredential);

    private static void Check(string apiKey, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(apiKey))] string? parameterName = null)
    {
        ArgumentNullException.ThrowIfNull(apiKey, parameterName);
        if (apiKey.Length == 0 || apiKey.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The key is not quoted: it is a secret, and a malformed one is often a real one with a stray newline.
            throw new ArgumentException("The API key is empty or contains white space or control characters; copy the key again without them.", parameterName);
        }
    }
}
