using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;
using ProviderConfig.Client.Http;

namespace ProviderConfig.Client.Resilience;

/// <summary>What is retried, and how a failure is described in logs and exceptions.</summary>
internal static class RetryClassifier
{
    /// <summary>
    /// Whether <paramref name="status"/> is worth another attempt of <paramref name="operation"/>: 408, 429, 502, 503 and
    /// 504 always; 500 except for writes; 409 only for a model refresh (<see cref="OperationRules"/>).
    /// </summary>
    public static bool IsTransientStatus(HttpStatusCode status, Operation operation) => (int)status switch
    {
        408 or 429 or 502 or 503 or 504 => true,
        500 => operation.RetriesServerError(),
        409 => operation.RetriesConflict(),
        _ => false,
    };

    /// <summary>
    /// Whether a failure without a response is worth another attempt: network errors and attempt timeouts are; a TLS or
    /// certificate failure is not (an untrusted or expired certificate, a name mismatch or a protocol mismatch fails the
    /// same way every time, and retrying only delays the answer).
    /// </summary>
    public static bool IsTransientException(Exception exception) => exception switch
    {
        HttpRequestException http => !IsTlsFailure(http),
        TimeoutRejectedException => true,
        _ => false,
    };

    /// <summary>The TLS handshake failed: <see cref="HttpRequestError.SecureConnectionError"/>, or an <see cref="AuthenticationException"/> inside.</summary>
    public static bool IsTlsFailure(HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.SecureConnectionError)
        {
            return true;
        }

        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A short reason with no header or body in it.</summary>
    public static string Describe(HttpResponseMessage? response, Exception? exception)
    {
        if (response is not null)
        {
            return FormattableString.Invariant($"HTTP {(int)response.StatusCode} {response.StatusCode}");
        }

        return exception switch
        {
            TimeoutRejectedException timeout => FormattableString.Invariant($"the attempt timeout of {timeout.Timeout} elapsed"),
            HttpRequestException http when IsTlsFailure(http)
                => "the TLS connection could not be established (check the gateway's certificate and the host name in BaseAddress; not retried)",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } when FindSocketError(exception) is { } socketError
                => $"the connection failed ({socketError})",
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => "the connection failed",
            HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "the connection was closed before a response arrived",
            HttpRequestException when FindSocketError(exception) is { } socketError => $"a network error occurred ({socketError})",
            HttpRequestException http => $"a network error occurred ({http.HttpRequestError})",
            null => "unknown",
            _ => exception.GetType().Name,
        };
    }

    private static SocketError? FindSocketError(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }
}
