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
    /// <summary>The 500 of a gateway whose auth is on but whose admin password is not configured (contract 3.2).</summary>
    public const string NotProperlyConfigured = "Authentication not properly configured";

    /// <summary>
    /// The 403 of an Enterprise management API key without the needed scope. The contract (8) does not know the body
    /// text; this is an inference, so assert on the status.
    /// </summary>
    public const string Forbidden = "Forbidden";

    private readonly byte[]? _apiKey;
    private readonly byte[]? _readOnlyApiKey;
    private readonly byte[]? _basicCredentials;
    private readonly bool _withoutAdminPassword;

    public StubAuthentication(string? apiKey, string? username, string? password, string? readOnlyApiKey = null, bool withoutAdminPassword = false)
    {
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : Encoding.UTF8.GetBytes(apiKey);
        _readOnlyApiKey = string.IsNullOrEmpty(readOnlyApiKey) ? null : Encoding.UTF8.GetBytes(readOnlyApiKey);
        _basicCredentials = string.IsNullOrEmpty(username) && string.IsNullOrEmpty(password) ? null : Encoding.UTF8.GetBytes($"{username}:{password}");
        _withoutAdminPassword = withoutAdminPassword;
    }

    /// <summary>Auth is off when no credential is configured: every request passes, as on a gateway with auth disabled.</summary>
    public bool IsEnabled => _apiKey is not null || _readOnlyApiKey is not null || _basicCredentials is not null || _withoutAdminPassword;

    /// <summary>Null when the request may go on, else the error status and message the gateway answers with.</summary>
    public (int Status, string Message)? Check(string method, string? authorizationHeader)
    {
        if (!IsEnabled)
        {
            return null;
        }

        if (_withoutAdminPassword)
        {
            // The middleware finds auth enabled and no admin credentials to compare against before it reads the header.
            return (500, NotProperlyConfigured);
        }

        if (authorizationHeader is null)
        {
            return (401, "Unauthorized");
        }

        var space = authorizationHeader.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return (401, "Unauthorized");
        }

        var scheme = authorizationHeader[..space];
        var token = authorizationHeader[(space + 1)..];
        if (scheme == "Bearer" && _readOnlyApiKey is not null && FixedTimeEquals(Encoding.UTF8.GetBytes(token), _readOnlyApiKey))
        {
            // A management API key with ModelProvider:View but not :Update: reads pass, every write is 403.
            return method is "GET" or "HEAD" ? null : (403, Forbidden);
        }

        var authorized = scheme switch
        {
            "Basic" => MatchesBasic(token),
            "Bearer" => (_apiKey is not null && FixedTimeEquals(Encoding.UTF8.GetBytes(token), _apiKey)) || MatchesBasic(token),
            _ => false,
        };
        return authorized ? null : (401, "Unauthorized");
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
