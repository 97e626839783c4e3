using System.Net;
using System.Net.Sockets;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway's <c>ValidateExternalURL</c> (contract 2.2 step 9) without DNS: host names are accepted as they are,
/// only IP literals are classified. The gateway's own wording after <c>Invalid base URL: </c> was not published, so
/// the detail texts here are the stub's.
/// </summary>
internal static class ExternalUrlValidator
{
    /// <returns>Null when the URL is acceptable, else the reason.</returns>
    public static string? Validate(string url, bool allowPrivateNetwork)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return $"invalid URL: {url}";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"URL scheme must be http or https, got \"{uri.Scheme}\"";
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
            return $"unspecified address {host} is not allowed";
        }

        if (IsLinkLocal(address))
        {
            return $"link-local address {host} is not allowed";
        }

        if (!allowPrivateNetwork && IsPrivate(address))
        {
            return $"private network address {host} is not allowed (set allow_private_network to allow it)";
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
