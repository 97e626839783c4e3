using System.Security.Cryptography;
using System.Text;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway's auth middleware as far as a client sees it (contract 3.3): <c>Bearer &lt;key&gt;</c>,
/// <c>Basic base64(user:pass)</c>, or the legacy <c>Bearer base64(user:pass)</c>. Parsing is strict: the header is cut
/// at the first space and the scheme compared case-sensitively, so <c>bearer x</c> or a double space fail.
/// </summary>
internal sealed class StubAuthentication
{
    private readonly byte[]? _apiKey;
    private readonly byte[]? _basicCredentials;

    public StubAuthentication(string? apiKey, string? username, string? password)
    {
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : Encoding.UTF8.GetBytes(apiKey);
        _basicCredentials = string.IsNullOrEmpty(username) && string.IsNullOrEmpty(password) ? null : Encoding.UTF8.GetBytes($"{username}:{password}");
    }

    /// <summary>Auth is off when no credential is configured: every request passes, as on a gateway with auth disabled.</summary>
    public bool IsEnabled => _apiKey is not null || _basicCredentials is not null;

    public bool IsAuthorized(string? authorizationHeader)
    {
        if (!IsEnabled)
        {
            return true;
        }

        if (authorizationHeader is null)
        {
            return false;
        }

        var space = authorizationHeader.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return false;
        }

        var scheme = authorizationHeader[..space];
        var token = authorizationHeader[(space + 1)..];
        return scheme switch
        {
            "Basic" => MatchesBasic(token),
            "Bearer" => (_apiKey is not null && FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey)) || MatchesBasic(token),
            _ => false,
        };
    }

    private bool MatchesBasic(string token)
    {
        if (_basicCredentials is null)
        {
            return false;
        }

        var decoded = new byte[token.Length];
        return Convert.TryFromBase64String(token, decoded, out var length) && FixedTimeEquals(decoded.AsSpan(0, length), _basicCredentials);
    }

    // Constant-time so a consumer's timing-sensitive test cannot be fooled by the stub; also simply good hygiene.
    private static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => CryptographicOperations.FixedTimeEquals(left, right);
}
