using System.Net;

namespace ProviderConfig.Client.Testing;

/// <summary>A queued <see cref="BifrostStubServer.FailNext"/>: how many requests it still answers, with what.</summary>
internal sealed class InjectedFailure(int remaining, HttpStatusCode status, TimeSpan? retryAfter)
{
    public int Remaining { get; set; } = remaining;

    public HttpStatusCode Status { get; } = status;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
