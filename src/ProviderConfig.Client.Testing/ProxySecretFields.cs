namespace ProviderConfig.Client.Testing;

/// <summary>The secret members of <c>proxy_config</c>, in struct order, and how each is masked.</summary>
internal static class ProxySecretFields
{
    public const string Url = "url";
    public const string Username = "username";
    public const string Password = "password";
    public const string CaCertPem = "ca_cert_pem";

    public static readonly string[] All = [Url, Username, Password, CaCertPem];

    /// <summary>Password and CA are fully masked; url and username partially (newest gateways only).</summary>
    public static bool IsFullyMasked(string field) => field is Password or CaCertPem;
}
