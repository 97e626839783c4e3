using System.Net;
using System.Text.Json;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Http;

/// <summary>Turns an error response into the SDK exception for its status, carrying the gateway's own message.</summary>
internal static class ErrorResponse
{
    public static ProviderConfigApiException ToException(
        HttpResponseMessage response, ReadOnlySpan<byte> body, ProviderName provider, string method, string path, int attempts, ProviderConfigClientOptions options)
    {
        var message = ReadMessage(body) is { } serverMessage
            ? BodyExcerpt.Scrub(serverMessage, options)
            : BodyExcerpt.Create(body, options);
        var requestId = Header(response, "x-request-id") ?? Header(response, "x-bifrost-trace-id");
        var status = response.StatusCode;
        return status switch
        {
            HttpStatusCode.NotFound => new ProviderNotFoundException(provider, message, method, path, requestId, attempts),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderConfigAuthenticationException(status, message, method, path, requestId, attempts),
            _ => new ProviderConfigApiException(status, message, method, path, requestId, attempts),
        };
    }

    /// <summary>The message of a <c>BifrostError</c> (<c>error.message</c>) or of the <c>{"error": "...", "message": "..."}</c> shape; null when the body is neither.</summary>
    internal static string? ReadMessage(ReadOnlySpan<byte> body)
    {
        BifrostErrorBody? error;
        try
        {
            error = JsonSerializer.Deserialize(body, ProviderConfigJsonContext.Default.BifrostErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }

        if (error?.Error is { } element)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
            {
                return m.GetString();
            }

            if (element.ValueKind == JsonValueKind.String)
            {
                var text = element.GetString();
                return string.IsNullOrEmpty(error.Message) ? text : $"{text}: {error.Message}";
            }
        }

        return string.IsNullOrEmpty(error?.Message) ? null : error.Message;
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
