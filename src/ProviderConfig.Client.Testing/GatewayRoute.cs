namespace ProviderConfig.Client.Testing;

/// <summary>A request path matched to a route: the resource and its still-escaped path parameters.</summary>
internal sealed record GatewayRoute(GatewayResource Resource, string? RawProvider, string? RawKeyId)
{
    private const string Collection = "/api/providers";

    /// <summary>Matches a path (without query) the way the gateway's router does; null for a route it does not have.</summary>
    public static GatewayRoute? Match(string path)
    {
        if (path == Collection)
        {
            return new GatewayRoute(GatewayResource.Providers, null, null);
        }

        if (!path.StartsWith(Collection + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[(Collection.Length + 1)..].Split('/');
        if (segments.Any(s => s.Length == 0))
        {
            return null;
        }

        return segments switch
        {
            [var p] => new GatewayRoute(GatewayResource.Provider, p, null),
            [var p, "keys"] => new GatewayRoute(GatewayResource.Keys, p, null),
            [var p, "refresh-models"] => new GatewayRoute(GatewayResource.ProviderRefresh, p, null),
            [var p, "keys", var k] => new GatewayRoute(GatewayResource.Key, p, k),
            [var p, "keys", var k, "refresh-models"] => new GatewayRoute(GatewayResource.KeyRefresh, p, k),
            _ => null,
        };
    }

    /// <summary>The methods the route accepts.</summary>
    public bool Allows(string method) => Resource switch
    {
        GatewayResource.Providers or GatewayResource.Keys => method is "GET" or "POST",
        GatewayResource.Provider or GatewayResource.Key => method is "GET" or "PUT" or "DELETE",
        _ => method is "POST",
    };
}
