using System.Security.Authentication;

namespace ProviderConfig.Client.Tests;

/// <summary>A TLS or certificate failure is a configuration problem, not a transient one: it is reported at once.</summary>
public sealed class TlsFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> TlsFailures() => new("inner-authentication-exception", "secure-connection-error");

    [Theory]
    [MemberData(nameof(TlsFailures))]
    public async Task A_tls_or_certificate_failure_is_not_retried_and_says_so(string failure)
    {
        var handler = new RecordingHandler
        {
            Default = _ => throw (failure == "secure-connection-error"
                ? new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established, see inner exception.")
                : new HttpRequestException("The SSL connection could not be established, see inner exception.", new AuthenticationException("The remote certificate is invalid because of errors in the certificate chain: UntrustedRoot"))),
        };
        var time = new TimerRecordingTimeProvider();
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 3, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        for (var step = 0; step < 50 && !call.IsCompleted; step++)
        {
            await Task.Delay(10, Ct);
            time.Advance(TimeSpan.FromSeconds(5)); // lets any backoff elapse, so a retry would show as a second request
        }

        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);

        Assert.Single(handler.Requests);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("TLS", error.Reason, StringComparison.Ordinal);
    }
}
