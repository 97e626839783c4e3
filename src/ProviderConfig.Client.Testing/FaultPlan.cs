using System.Net;

namespace ProviderConfig.Client.Testing;

/// <summary>What the fault layer does to one request: wait first, then drop the connection or answer with a failure, or pass it on.</summary>
internal sealed record FaultPlan(TimeSpan Delay, bool ResetConnection, HttpStatusCode? FailureStatus, TimeSpan? RetryAfter)
{
    public static readonly FaultPlan None = new(TimeSpan.Zero, false, null, null);
}
