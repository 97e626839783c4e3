using System.Text;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway behind the fault layer: route matching, authentication, then the handlers of the provider-management
/// API (<c>/api/providers</c>, <c>/api/providers/{provider}</c>, its <c>/keys</c> and <c>refresh-models</c> routes).
/// Independent of WireMock, so it can be tested directly.
/// </summary>
internal sealed class EmulatedGateway(ProviderStore store, StubAuthentication authentication, SecretValueShape shape)
{
    public GatewayResponse Handle(string method, string rawPath, string? authorization, string? body)
    {
        var path = StripQuery(rawPath);
        if (GatewayRoute.Match(path) is not { } route)
        {
            // The gateway's router answers unknown routes before any middleware runs.
            return GatewayResponse.Error(404, $"BifrostStubServer emulates only the /api/providers routes of the provider-management API, not {path}");
        }

        if (authentication.Check(method, authorization) is { } denied)
        {
            return GatewayResponse.Error(denied.Status, denied.Message);
        }

        var name = string.Empty;
        if (route.RawProvider is { } rawProvider && !TryUnescape(rawProvider, out name, out var encodingError))
        {
            return GatewayResponse.Error(400, "Invalid provider: invalid provider parameter encoding: " + encodingError);
        }

        var keyId = string.Empty;
        if (route.RawKeyId is { } rawKeyId && !TryUnescape(rawKeyId, out keyId, out var keyEncodingError))
        {
            return GatewayResponse.Error(400, "invalid key_id parameter encoding: " + keyEncodingError);
        }

        if (!route.Allows(method))
        {
            return GatewayResponse.Error(405, "Method Not Allowed");
        }

        try
        {
            return Dispatch(route.Resource, method, name, keyId, body);
        }
        catch (ValidationFailure failure)
        {
            return GatewayResponse.Error(failure.StatusCode, failure.Message);
        }
    }

    private GatewayResponse Dispatch(GatewayResource resource, string method, string name, string keyId, string? body) => (resource, method) switch
    {
        (GatewayResource.Providers, "GET") => Ok(store.List(shape)),
        (GatewayResource.Providers, _) => Ok(store.Create(body, shape)),
        (GatewayResource.Provider, "GET") => store.Render(name, shape) is { } view ? Ok(view) : GatewayResponse.Error(404, ProviderNotFound),
        (GatewayResource.Provider, "PUT") => Ok(store.Update(name, body, shape)),
        (GatewayResource.Provider, _) => DeleteProvider(name),
        (GatewayResource.Keys, "GET") => Ok(store.ListKeys(name, shape)),
        (GatewayResource.Keys, _) => Ok(store.CreateKey(name, body, shape)),
        (GatewayResource.Key, "GET") => Ok(store.GetKey(name, keyId, shape)),
        (GatewayResource.Key, "PUT") => Ok(store.UpdateKey(name, keyId, body, shape)),
        (GatewayResource.Key, _) => Ok(store.DeleteKey(name, keyId, shape)),
        (GatewayResource.ProviderRefresh, _) => Ok(store.RefreshProvider(name, shape)),
        _ => Ok(store.RefreshKey(name, keyId, shape)),
    };

    /// <summary>
    /// Management contract 2.3: the newest gateway answers 200 with the zero <c>ProviderResponse{Name}</c> even for an
    /// unknown name; older ones (emulated with the older secret shapes) answered 404.
    /// </summary>
    private GatewayResponse DeleteProvider(string name)
    {
        var existed = store.Remove(name);
        return !existed && shape != SecretValueShape.SecretVarObject
            ? GatewayResponse.Error(404, ProviderNotFound)
            : Ok(ProviderView.Deleted(name));
    }

    private static GatewayResponse Ok(System.Text.Json.Nodes.JsonNode body) => GatewayResponse.Json(200, GoJson.Write(body));

    /// <summary>The 404 text of every provider lookup: <c>Provider not found: </c> and <c>lib.ErrNotFound</c>.</summary>
    public const string ProviderNotFound = "Provider not found: not found";

    private static string StripQuery(string rawPath)
    {
        var query = rawPath.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? rawPath : rawPath[..query];
    }

    /// <summary>Go's <c>url.PathUnescape</c>: strict about <c>%XX</c>, and <c>+</c> stays a plus.</summary>
    internal static bool TryUnescape(string segment, out string value, out string error)
    {
        var bytes = new List<byte>(segment.Length);
        var literalStart = 0;
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '%')
            {
                continue;
            }

            if (i + 2 >= segment.Length || !Uri.IsHexDigit(segment[i + 1]) || !Uri.IsHexDigit(segment[i + 2]))
            {
                value = string.Empty;
                error = $"invalid URL escape \"{segment.Substring(i, Math.Min(3, segment.Length - i))}\"";
                return false;
            }

            bytes.AddRange(Encoding.UTF8.GetBytes(segment[literalStart..i]));
            bytes.Add((byte)((Uri.FromHex(segment[i + 1]) << 4) | Uri.FromHex(segment[i + 2])));
            i += 2;
            literalStart = i + 1;
        }

        bytes.AddRange(Encoding.UTF8.GetBytes(segment[literalStart..]));
        value = Encoding.UTF8.GetString([.. bytes]);
        error = string.Empty;
        return true;
    }

    /// <summary>The stored (unmasked) providers, for the server's helpers.</summary>
    public ProviderStore Store => store;

    /// <summary>Normalizes and stores a provider given as raw JSON.</summary>
    public void SetProvider(string name, JsonObject raw) => store.Set(name, StoredProvider.Normalize(raw));

    /// <summary>Normalizes and stores a raw key; see <see cref="BifrostStubServer.SetKey"/>.</summary>
    /// <exception cref="ArgumentException">The JSON does not fit the key model, or there is no such provider.</exception>
    public void SetKey(string provider, JsonObject raw)
    {
        JsonObject key;
        try
        {
            key = KeyReader.Read(raw, raw: true);
        }
        catch (InvalidPayloadException ex)
        {
            throw new ArgumentException($"The key JSON does not fit the gateway's model: {ex.Message}", nameof(raw), ex);
        }

        store.SetKey(provider, key);
    }
}
