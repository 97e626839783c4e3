namespace ProviderConfig.Client.Testing;

/// <summary>A response the emulated gateway (or the fault layer) sends: status, JSON body and extra headers.</summary>
internal sealed record GatewayResponse(int StatusCode, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static GatewayResponse Json(int statusCode, string body) => new(statusCode, body, []);

    public static GatewayResponse Error(int statusCode, string message) => Json(statusCode, GoJson.Error(statusCode, message));
}
