using System.Net;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The queued and random faults. Every request takes its plan under one lock, so counts go down exactly once per
/// request even at high concurrency.
/// </summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly Queue<InjectedFailure> _failures = new();
    private readonly Queue<InjectedDelay> _delays = new();
    private int _resets;
    private double _randomRate;
    private Random? _random;

    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            _failures.Enqueue(new InjectedFailure(count, status, retryAfter));
        }
    }

    public void DelayNext(int count, TimeSpan delay)
    {
        lock (_gate)
        {
            _delays.Enqueue(new InjectedDelay(count, delay));
        }
    }

    public void ResetConnectionNext(int count)
    {
        lock (_gate)
        {
            _resets += count;
        }
    }

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
            _failures.Clear();
            _delays.Clear();
            _resets = 0;
            _randomRate = 0;
            _random = null;
        }
    }

    /// <summary>
    /// The plan for the next request: a queued delay (combined with whatever follows), then a queued reset, then a
    /// queued failure, then the random faults.
    /// </summary>
    public FaultPlan Next()
    {
        lock (_gate)
        {
            var delay = TimeSpan.Zero;
            if (_delays.TryPeek(out var queuedDelay))
            {
                delay = queuedDelay.Delay;
                if (--queuedDelay.Remaining == 0)
                {
                    _delays.Dequeue();
                }
            }

            if (_resets > 0)
            {
                _resets--;
                return new FaultPlan(delay, true, null, null);
            }

            if (_failures.TryPeek(out var failure))
            {
                if (--failure.Remaining == 0)
                {
                    _failures.Dequeue();
                }

                return new FaultPlan(delay, false, failure.Status, failure.RetryAfter);
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
}
