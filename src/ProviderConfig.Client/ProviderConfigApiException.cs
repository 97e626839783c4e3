using System.Globalization;
using System.Net;

namespace ProviderConfig.Client;

/// <summary>The gateway answered with an HTTP error status. Carries the status, the gateway's own message and the request id.</summary>
public class ProviderConfigApiException : ProviderConfigException
{
    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="statusCode">The HTTP status of the last response.</param>
    /// <param name="serverMessage">The gateway's error message (<c>error.message</c>), or a short excerpt of a body that was not the gateway's error JSON.</param>
    /// <param name="method">The HTTP method, for example <c>GET</c>.</param>
    /// <param name="path">The request path, for example <c>/api/providers/openai</c>.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent, retries included.</param>
    public ProviderConfigApiException(HttpStatusCode statusCode, string? serverMessage, string method, string path, string? requestId, int attempts)
        : this(statusCode, serverMessage, method, path, requestId, attempts, advice: null)
    {
    }

    /// <summary>Creates an exception for an error response, with advice that the message adds after the gateway's words.</summary>
    /// <param name="statusCode">The HTTP status of the last response.</param>
    /// <param name="serverMessage">The gateway's error message, or a short excerpt of a body that was not the gateway's error JSON.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="requestId">The <c>x-request-id</c> response header, when present.</param>
    /// <param name="attempts">How many attempts were sent, retries included.</param>
    /// <param name="advice">What the caller can do, appended to the message; null for none.</param>
    protected ProviderConfigApiException(HttpStatusCode statusCode, string? serverMessage, string method, string path, string? requestId, int attempts, string? advice)
        : base(BuildMessage(statusCode, serverMessage, method, path, requestId, attempts, advice))
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        Method = method;
        Path = path;
        RequestId = requestId;
        Attempts = attempts;
    }

    /// <summary>The HTTP status of the last response.</summary>
    public HttpStatusCode StatusCode { get; }

    internal static ProviderConfigApiException WithAdvice(HttpStatusCode statusCode, string? serverMessage, string method, string path, string? requestId, int attempts, string advice)
        => new(statusCode, serverMessage, method, path, requestId, attempts, advice);

    /// <summary>The gateway's own error message, when it sent one.</summary>
    public string? ServerMessage { get; }

    /// <summary>The HTTP method of the call.</summary>
    public string Method { get; }

    /// <summary>The request path of the call.</summary>
    public string Path { get; }

    /// <summary>The gateway's <c>x-request-id</c> for the last response, to quote when asking its operators.</summary>
    public string? RequestId { get; }

    /// <summary>How many attempts were sent, retries included.</summary>
    public int Attempts { get; }

    /// <summary>
    /// The gateway's error type (<c>type</c> of its error body, or <c>error.type</c> when the top level has none), for
    /// example <c>invalid_request_error</c>; null when the gateway sent none. Credentials are scrubbed from it.
    /// </summary>
    public string? ErrorType { get; internal set; }

    /// <summary>
    /// The gateway's event id for this error (<c>event_id</c> of its error body, or <c>error.event_id</c>), to quote when
    /// asking its operators; null when the gateway sent none. Credentials are scrubbed from it.
    /// </summary>
    public string? EventId { get; internal set; }

    /// <summary>The message, ending with the gateway's event id when it sent one.</summary>
    public override string Message => EventId is null ? base.Message : base.Message + " Event id: " + EventId + ".";

    /// <summary>The same error, with the reason the SDK gave up retrying it added to the server message.</summary>
    internal ProviderConfigApiException NotRetried(string reason)
        => new(StatusCode, $"{ServerMessage} (not retried: {reason})", Method, Path, RequestId, Attempts) { ErrorType = ErrorType, EventId = EventId };

    private static string BuildMessage(HttpStatusCode statusCode, string? serverMessage, string method, string path, string? requestId, int attempts, string? advice)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"{method} {path} failed with {(int)statusCode} {statusCode}");
        if (!string.IsNullOrEmpty(serverMessage))
        {
            message += ": " + serverMessage;
        }

        if (attempts > 1)
        {
            message += string.Create(CultureInfo.InvariantCulture, $" (after {attempts} attempts)");
        }

        if (!string.IsNullOrEmpty(advice))
        {
            message += ". " + advice.TrimEnd('.');
        }

        return requestId is null ? message + "." : message + ". Request id: " + requestId + ".";
    }
}
