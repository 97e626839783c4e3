using System.Net;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The queued and random faults. Queued faults form one FIFO queue: each request takes one step from the entry at its
/// head, so faults act in the order they were queued whatever their kind. Every request takes its plan under one
/// lock, so counts go down exactly once per request even at high concurrency.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Queue<QueuedFault> _queue = new();
    private double _randomRate;
    private Random? _random;

    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter)
        => Enqueue(new QueuedFault(QueuedFaultKind.Fail, count) { Status = status, RetryAfter = retryAfter });

    public void DelayNext(int count, TimeSpan delay) => Enqueue(new QueuedFault(QueuedFaultKind.Delay, count) { Delay = delay });

    public void ResetConnectionNext(int count) => Enqueue(new QueuedFault(QueuedFaultKind.ResetConnection, count));

    public void DropResponseNext(int count) => Enqueue(new QueuedFault(QueuedFaultKind.DropResponse, count));

    public void InjectRandomFaults(double rate, int? seed)
    {
        lock (_gate)
        {
            _randomRate = rate;
            _random = rate > 0 ? (seed is { } s ? new Random(s) : new Random()) : null;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queue.Clear();
            _randomRate = 0;
            _random = null;
        }
    }

    /// <summary>
    /// The plan for the next request: one step of the queued fault at the head of the queue; when that is a delay, or
    /// when the queue is empty, the random faults may apply too.
    /// </summary>
    public FaultPlan Next()
    {
        lock (_gate)
        {
            var delay = TimeSpan.Zero;
            if (_queue.TryPeek(out var head))
            {
                if (--head.Remaining == 0)
                {
                    _queue.Dequeue();
                }

                switch (head.Kind)
                {
                    case QueuedFaultKind.Fail:
                        return new FaultPlan(TimeSpan.Zero, false, head.Status, head.RetryAfter);
                    case QueuedFaultKind.ResetConnection:
                        return new FaultPlan(TimeSpan.Zero, true, null, null);
                    case QueuedFaultKind.DropResponse:
                        return FaultPlan.None with { DropResponse = true };
                    default:
                        delay = head.Delay;
                        break;
                }
            }

            if (_random is { } random && random.NextDouble() < _randomRate)
            {
                return random.Next(3) switch
                {
                    0 => new FaultPlan(delay, false, HttpStatusCode.ServiceUnavailable, null),
                    1 => new FaultPlan(delay, false, HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(random.Next(2))),
                    _ => new FaultPlan(delay, true, null, null),
                };
            }

            return delay == TimeSpan.Zero ? FaultPlan.None : FaultPlan.None with { Delay = delay };
        }
    }

    private void Enqueue(QueuedFault fault)
    {
        lock (_gate)
        {
            _queue.Enqueue(fault);
        }
    }
}
