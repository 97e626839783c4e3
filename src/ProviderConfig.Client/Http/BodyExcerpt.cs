using System.Text;
using System.Text.RegularExpressions;

namespace ProviderConfig.Client.Http;

/// <summary>A short, single-line excerpt of a response body for an error message, with credentials scrubbed.</summary>
internal static partial class BodyExcerpt
{
    public const int MaxLength = 160;

    public static string Create(ReadOnlySpan<byte> body, ProviderConfigClientOptions? options)
    {
        if (body.IsEmpty)
        {
            return "(empty body)";
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxLength * 4)]);
        text = Scrub(text, options);
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }

    /// <summary>Removes the configured credentials and anything shaped like an Authorization value.</summary>
    public static string Scrub(string text, ProviderConfigClientOptions? options)
    {
        if (options is not null)
        {
            foreach (var secret in Secrets(options))
            {
                text = text.Replace(secret, "[REDACTED]", StringComparison.Ordinal);
            }
        }

        return AuthorizationValue().Replace(text, "$1 [REDACTED]");
    }

    private static IEnumerable<string> Secrets(ProviderConfigClientOptions options)
    {
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            yield return options.ApiKey;
        }

        if (options.Credential?.Key is { } rotatable)
        {
            yield return rotatable;
        }

        if (!string.IsNullOrEmpty(options.Password))
        {
            yield return options.Password;
        }

        if (ProviderAuthenticationHandler.CreateHeader(options) is { Scheme: "Basic", Parameter: { } basic })
        {
            yield return basic;
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/=]+", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorizationValue();
}
