namespace ProviderConfig.Client.Testing;

/// <summary>One member of a key's provider block or of an alias object.</summary>
/// <param name="Name">The JSON name.</param>
/// <param name="Kind">How it is read, stored, shown and restored.</param>
/// <param name="AlwaysEmitted">
/// A Go member without <c>omitempty</c> (or a non-pointer struct, which <c>omitempty</c> does not drop): shown at its
/// zero value when nothing is stored.
/// </param>
internal sealed record KeyField(string Name, KeyFieldKind Kind, bool AlwaysEmitted = false)
{
    public bool IsSecret => Kind is KeyFieldKind.Masked or KeyFieldKind.Endpoint or KeyFieldKind.ClearSecret;

    /// <summary>Whether a mask sent back on PUT can restore the stored value (management contract 3.4).</summary>
    public bool IsRestored => Kind is KeyFieldKind.Masked or KeyFieldKind.Endpoint or KeyFieldKind.RedactedPath;
}
