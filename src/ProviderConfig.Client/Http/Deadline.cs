using System.Collections.Concurrent;

namespace ProviderConfig.Client.Http;

/// <summary>
/// A deadline joined with an outer token. The client starts one per call (<see cref="ProviderConfigClientOptions.TotalTimeout"/>,
/// joined with the caller's token), covering the attempts, the waits between them and the reading of the response body;
/// the resilience handler starts one per attempt (<see cref="ProviderConfigClientOptions.AttemptTimeout"/>, joined with
/// the call's). On the system clock the cancellation sources are pooled (reset and reused, with their timer and
/// registration slots), as Polly pools its own; the SDK disposes its registrations on one before it goes back, and
/// <see cref="CancellationTokenSource.TryReset"/> drops any left. A token kept after its call or attempt ended would
/// still see a later call's cancellation (polled, or through a callback registered after the reset), so a pooled token
/// never reaches code that is not the SDK's: the SDK's handlers and the runtime's primary handlers do not keep it, and
/// anything else (a host's handler, a custom primary handler, a caller's <see cref="HttpClient"/>, the content they
/// return) gets a token of its own (<see cref="HostToken"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "It is disposable; the analyzer misses IDisposable on a struct. A struct, so a call allocates no holder.")]
internal readonly struct Deadline : IDisposable
{
    private const int PoolCapacity = 256;

    private static readonly ConcurrentQueue<CancellationTokenSource> Pool = new();

    private static int s_pooledCount;

    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _outerLink;
    private readonly bool _pooled;

    /// <summary>Starts the deadline now.</summary>
    /// <param name="timeout">The timeout; validated to lie within what a timer accepts.</param>
    /// <param name="timeProvider">The clock (a fake one in tests).</param>
    /// <param name="outerToken">The outer token; cancelling it cancels <see cref="Token"/> too.</param>
    public Deadline(TimeSpan timeout, TimeProvider timeProvider, CancellationToken outerToken)
    {
        _pooled = ReferenceEquals(timeProvider, TimeProvider.System);
        if (_pooled)
        {
            if (Pool.TryDequeue(out var source))
            {
                Interlocked.Decrement(ref s_pooledCount);
            }
            else
            {
                source = new CancellationTokenSource();
            }

            source.CancelAfter(timeout);
            _source = source;
        }
        else
        {
            _source = new CancellationTokenSource(timeout, timeProvider);
        }

        _outerLink = outerToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), _source);
    }

    /// <summary>Cancelled when the deadline passes or the outer token is cancelled.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether this deadline, not the outer token, caused the cancellation.</summary>
    public bool HasElapsed(CancellationToken outerToken) => _source.IsCancellationRequested && !outerToken.IsCancellationRequested;

    public void Dispose()
    {
        _outerLink.Dispose();

        // TryReset stops the timer; it fails once the source was cancelled, and such a source is not reused.
        if (_pooled && _source.TryReset())
        {
            if (Interlocked.Increment(ref s_pooledCount) <= PoolCapacity)
            {
                Pool.Enqueue(_source);
                return;
            }

            Interlocked.Decrement(ref s_pooledCount);
        }

        _source.Dispose();
    }
}
