using System.Net;
using System.Text.Json;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Http;

/// <summary>Turns an error response into the SDK exception for its status and operation, carrying the gateway's own message.</summary>
internal static class ErrorResponse
{
    private const string NotTheGateway =
        "The answer has no gateway error body, so it did not come from the gateway's API: check that the base address points at the gateway (including any path prefix) and not at a proxy or the dashboard";

    public static ProviderConfigApiException ToException(HttpResponseMessage response, ReadOnlySpan<byte> body, in CallTarget call, int attempts, ProviderConfigClientOptions options)
    {
        var error = Parse(body);
        var fromGateway = error?.Error is not null;
        var message = ReadMessage(error) is { } serverMessage
            ? BodyExcerpt.Scrub(serverMessage, options)
            : BodyExcerpt.Create(body, options);
        var requestId = Header(response, "x-request-id") ?? Header(response, "x-bifrost-trace-id");
        var status = response.StatusCode;
        var (method, path) = (call.Method, call.Path);
        ProviderConfigApiException exception = status switch
        {
            HttpStatusCode.NotFound when !fromGateway => ProviderConfigApiException.WithAdvice(status, message, method, path, requestId, attempts, NotTheGateway),
            HttpStatusCode.NotFound when call.KeyId is not null => new ProviderKeyNotFoundException(call.Provider, call.KeyId, message, method, path, requestId, attempts),
            HttpStatusCode.NotFound when call.Operation is not (Operation.ListProviders or Operation.CreateProvider) => new ProviderNotFoundException(call.Provider, message, method, path, requestId, attempts),
            HttpStatusCode.Conflict when call.Operation is Operation.CreateProvider => new ProviderAlreadyExistsException(call.Provider, message, method, path, requestId, attempts),
            HttpStatusCode.Conflict when call.Operation is Operation.CreateKey or Operation.UpdateKey => new ProviderKeyNameTakenException(call.Provider, call.KeyName, message, method, path, requestId, attempts),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => new ProviderConfigAuthenticationException(status, message, method, path, requestId, attempts),
            _ => new ProviderConfigApiException(status, message, method, path, requestId, attempts),
        };
        exception.ErrorType = Clean(error?.Type, options) ?? Clean(Member(error?.Error, "type"), options);
        exception.EventId = Clean(error?.EventId, options) ?? Clean(Member(error?.Error, "event_id"), options);
        return exception;
    }

    /// <summary>The message of a <c>BifrostError</c> (<c>error.message</c>) or of the <c>{"error": "...", "message": "..."}</c> shape; null when the body is neither.</summary>
    internal static string? ReadMessage(ReadOnlySpan<byte> body) => ReadMessage(Parse(body));

    private static BifrostErrorBody? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, ProviderConfigJsonContext.Default.BifrostErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ReadMessage(BifrostErrorBody? error)
    {
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

    /// <summary>A string member of the <c>error</c> object; null when <c>error</c> is not an object or lacks it.</summary>
    private static string? Member(JsonElement? error, string name)
        => error is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A short identifier from the gateway, credentials scrubbed, on one line; null when empty.</summary>
    private static string? Clean(string? value, ProviderConfigClientOptions options)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = BodyExcerpt.Create(System.Text.Encoding.UTF8.GetBytes(value), options);
        return text.Length == 0 ? null : text;
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
