using System.Net;
using System.Net.Sockets;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway's <c>ValidateExternalURL</c> (contract 2.2 step 9) without DNS: host names are accepted as they are,
/// only IP literals are classified. The detail texts after <c>Invalid base URL: </c> are the gateway's
/// (<c>ValidateExternalURL</c> as quoted by the contract), except the Go parse error inside <c>invalid URL format: </c>.
/// </summary>
internal static class ExternalUrlValidator
{
    /// <returns>Null when the URL is acceptable, else the reason.</returns>
    public static string? Validate(string url, bool allowPrivateNetwork)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            // Go's url.Parse accepts a scheme-less string and the scheme check then fails on the empty scheme.
            return url.Contains("://", StringComparison.Ordinal)
                ? $"invalid URL format: parse \"{url}\": invalid URL"
                : "only https and http schemes are allowed, got: ";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"only https and http schemes are allowed, got: {uri.Scheme}";
        }

        var host = uri.IdnHost.Trim('[', ']');
        if (host.Length == 0)
        {
            return "URL must have a hostname";
        }

        if (!IPAddress.TryParse(host, out var address))
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return null;
        }

        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified IP addresses are not allowed";
        }

        if (IsLinkLocal(address))
        {
            return "link-local IP addresses are not allowed";
        }

        if (!allowPrivateNetwork && IsPrivate(address))
        {
            return "private IP addresses are not allowed";
        }

        return null;
    }

    private static bool IsLinkLocal(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] == 169 && b[1] == 254;
    }

    /// <summary>RFC 1918 and, like Go's <c>net.IP.IsPrivate</c>, the IPv6 unique-local range fc00::/7.</summary>
    private static bool IsPrivate(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return (b[0] & 0xFE) == 0xFC;
        }

        return b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168);
    }
}
