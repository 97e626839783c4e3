using System.Text;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The gateway behind the fault layer: authentication, then routing of <c>/api/providers/{provider}</c> to the GET
/// and PUT handlers of contract 2.1 and 2.2. Independent of WireMock, so it can be tested directly.
/// </summary>
internal sealed class EmulatedGateway(ProviderStore store, StubAuthentication authentication, SecretValueShape shape)
{
    public const string ProvidersPrefix = "/api/providers/";

    public GatewayResponse Handle(string method, string rawPath, string? authorization, string? body)
    {
        var path = StripQuery(rawPath);
        if (!path.StartsWith(ProvidersPrefix, StringComparison.Ordinal) || path.Length == ProvidersPrefix.Length || path.IndexOf('/', ProvidersPrefix.Length) >= 0)
        {
            // The gateway's router answers unknown routes before any middleware runs.
            return GatewayResponse.Error(404, $"BifrostStubServer emulates only GET/PUT {ProvidersPrefix}{{provider}}, not {path}");
        }

        if (!authentication.IsAuthorized(authorization))
        {
            return GatewayResponse.Error(401, "Unauthorized");
        }

        if (!TryUnescape(path[ProvidersPrefix.Length..], out var name, out var encodingError))
        {
            return GatewayResponse.Error(400, "Invalid provider: invalid provider parameter encoding: " + encodingError);
        }

        try
        {
            return method switch
            {
                "GET" => store.Render(name, shape) is { } view
                    ? GatewayResponse.Json(200, GoJson.Write(view))
                    : GatewayResponse.Error(404, "Provider not found: not found"),
                "PUT" => GatewayResponse.Json(200, GoJson.Write(store.Update(name, body, shape))),
                _ => GatewayResponse.Error(405, "Method Not Allowed"),
            };
        }
        catch (ValidationFailure failure)
        {
            return GatewayResponse.Error(failure.StatusCode, failure.Message);
        }
    }

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
}
