namespace ProviderConfig.Client.Testing;

/// <summary>The gateway's redaction rules (contract 1.8).</summary>
internal static class Masking
{
    /// <summary>What the gateway writes for a fully masked secret (proxy password and CA).</summary>
    public const string Redacted = "<REDACTED>";

    private const int VisibleChars = 4;
    private const int MaskLength = 24;

    /// <summary>First 4 chars + 24 <c>*</c> + last 4; all <c>*</c> when 8 chars or fewer; empty stays empty.</summary>
    public static string Partial(string value)
    {
        if (value.Length <= 2 * VisibleChars)
        {
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, VisibleChars), new string('*', MaskLength), value.AsSpan(value.Length - VisibleChars));
    }

    /// <summary>
    /// The gateway's <c>IsRedacted()</c>: a reference, or 8 chars or fewer all <c>*</c>, or 32 chars with <c>*</c> in
    /// positions 4-27, or <c>&lt;redacted&gt;</c> / <c>[REDACTED]</c> in any case. An empty value is never a mask.
    /// </summary>
    public static bool LooksRedacted(string value, bool isReference)
    {
        if (isReference)
        {
            return true;
        }

        if (value.Length is > 0 and <= 2 * VisibleChars && value.All(c => c == '*'))
        {
            return true;
        }

        if (value.Length == (2 * VisibleChars) + MaskLength && value.AsSpan(VisibleChars, MaskLength).IndexOfAnyExcept('*') < 0)
        {
            return true;
        }

        return value.Equals("<redacted>", StringComparison.OrdinalIgnoreCase) || value.Equals("[REDACTED]", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a plain string is an <c>env.NAME</c> or <c>vault.path</c> reference.</summary>
    public static bool IsReference(string value)
        => value.StartsWith("env.", StringComparison.Ordinal) || value.StartsWith("vault.", StringComparison.Ordinal);
}
