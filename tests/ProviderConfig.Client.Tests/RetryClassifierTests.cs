using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Polly.Timeout;
using ProviderConfig.Client.Http;
using ProviderConfig.Client.Resilience;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// What is retried, status by status and operation by operation (README "Resilience"; contract §4.1: writes are not
/// replayed on 500, a refresh's 409 is), and the reason a retry log line or a transport error gives for each failure.
/// </summary>
public sealed class RetryClassifierTests
{
    private static readonly Operation[] Writes = [Operation.UpdateProvider, Operation.CreateProvider, Operation.UpdateKey, Operation.CreateKey];

    private static readonly Operation[] Refreshes = [Operation.RefreshModels, Operation.RefreshKeyModels];

    [Fact]
    public void Every_status_and_operation_is_classified_as_documented()
    {
        foreach (var operation in Enum.GetValues<Operation>())
        {
            for (var code = 100; code < 600; code++)
            {
                var expected = code switch
                {
                    408 or 429 or 502 or 503 or 504 => true,
                    500 => !Writes.Contains(operation),
                    409 => Refreshes.Contains(operation),
                    _ => false,
                };

                Assert.True(expected == RetryClassifier.IsTransientStatus((HttpStatusCode)code, operation), $"{code} for {operation}: expected retried = {expected}");
            }
        }
    }

    public static TheoryData<string, bool> Exceptions() => new()
    {
        { "connection-refused", true },
        { "response-ended", true },
        { "attempt-timeout", true },
        { "tls-error-code", false },
        { "tls-inner-authentication", false },
        { "tls-deep-authentication", false },
        { "invalid-operation", false },
        { "task-cancelled", false },
    };

    [Theory]
    [MemberData(nameof(Exceptions))]
    public void Network_errors_and_attempt_timeouts_are_retried_tls_failures_and_the_rest_are_not(string name, bool retried)
        => Assert.Equal(retried, RetryClassifier.IsTransientException(Make(name)));

    public static TheoryData<string, string> Reasons() => new()
    {
        { "connection-refused", "the connection failed (ConnectionRefused)" },
        { "connection-no-socket", "the connection failed" },
        { "response-ended", "the connection was closed before a response arrived" },
        { "reset-while-reading", "a network error occurred (ConnectionReset)" },
        { "protocol-error", "a network error occurred (HttpProtocolError)" },
        { "attempt-timeout", "the attempt timeout of 00:00:07 elapsed" },
        { "tls-error-code", "the TLS connection could not be established (check the gateway's certificate and the host name in BaseAddress; not retried)" },
        { "tls-deep-authentication", "the TLS connection could not be established (check the gateway's certificate and the host name in BaseAddress; not retried)" },
        { "invalid-operation", "InvalidOperationException" },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Each_failure_is_described_without_headers_or_bodies(string name, string expected)
        => Assert.Equal(expected, RetryClassifier.Describe(null, Make(name)));

    [Fact]
    public void A_response_is_described_by_its_status_alone_and_nothing_by_unknown()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.GatewayTimeout) { Content = new StringContent("secret body") };
        response.Headers.Add("X-Request-Id", "r-1");

        Assert.Equal("HTTP 504 GatewayTimeout", RetryClassifier.Describe(response, new InvalidOperationException("ignored")));
        Assert.Equal("unknown", RetryClassifier.Describe(null, null));
    }

    private static Exception Make(string name) => name switch
    {
        "connection-refused" => new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused)),
        "connection-no-socket" => new HttpRequestException(HttpRequestError.ConnectionError, "failed"),
        "response-ended" => new HttpRequestException(HttpRequestError.ResponseEnded, "ended"),
        "reset-while-reading" => new HttpRequestException(HttpRequestError.Unknown, "reset", new IOException("io", new SocketException((int)SocketError.ConnectionReset))),
        "protocol-error" => new HttpRequestException(HttpRequestError.HttpProtocolError, "bad frame"),
        "attempt-timeout" => new TimeoutRejectedException("timed out", TimeSpan.FromSeconds(7)),
        "tls-error-code" => new HttpRequestException(HttpRequestError.SecureConnectionError, "tls"),
        "tls-inner-authentication" => new HttpRequestException(HttpRequestError.Unknown, "tls", new AuthenticationException("untrusted root")),
        "tls-deep-authentication" => new HttpRequestException(HttpRequestError.Unknown, "tls", new IOException("io", new AuthenticationException("name mismatch"))),
        "invalid-operation" => new InvalidOperationException("not a transport failure"),
        "task-cancelled" => new TaskCanceledException("cancelled"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
