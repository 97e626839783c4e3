using System.Net;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// What the fault layer does to one request: wait first, then drop the connection, answer with a failure, or pass it
/// on (and, with <see cref="DropResponse"/>, drop the connection instead of sending the gateway's answer).
/// </summary>
internal sealed record FaultPlan(TimeSpan Delay, bool ResetConnection, HttpStatusCode? FailureStatus, TimeSpan? RetryAfter, bool DropResponse = false)
{
    public static readonly FaultPlan None = new(TimeSpan.Zero, false, null, null);
}
