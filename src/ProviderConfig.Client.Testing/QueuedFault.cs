using System.Net;

namespace ProviderConfig.Client.Testing;

/// <summary>One entry of the fault queue: what it does, and to how many more requests.</summary>
internal sealed class QueuedFault(QueuedFaultKind kind, int remaining)
{
    public QueuedFaultKind Kind { get; } = kind;

    public int Remaining { get; set; } = remaining;

    /// <summary>For <see cref="QueuedFaultKind.Fail"/>: the status to answer with.</summary>
    public HttpStatusCode Status { get; init; }

    /// <summary>For <see cref="QueuedFaultKind.Fail"/>: the <c>Retry-After</c> to send, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="QueuedFaultKind.Delay"/>: how long each request waits.</summary>
    public TimeSpan Delay { get; init; }
}
