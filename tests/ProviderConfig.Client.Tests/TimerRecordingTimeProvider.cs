using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also reports every timer armed on it (created with a due time, or changed to
/// one later, as Polly's pooled cancellation sources do), so a test can wait until the retry strategy has started its
/// backoff wait and then advance the clock by exactly that wait.
/// </summary>
internal sealed class TimerRecordingTimeProvider : FakeTimeProvider, IDisposable
{
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();
    private readonly SemaphoreSlim _armed = new(0);

    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public void Dispose() => _armed.Dispose();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Reported only once the timer is set: a test that advanced the clock between the report and the setting would
        // set it relative to the advanced time, so it would never fire (the test then waited for the next timer in vain).
        var timer = new RecordingTimer(base.CreateTimer(callback, state, dueTime, period), this);
        Armed(dueTime);
        return timer;
    }

    /// <summary>Waits (in real time, bounded) for the next timer armed shorter than <paramref name="below"/> and returns its due time.</summary>
    public async Task<TimeSpan> NextTimerAsync(TimeSpan below, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            await _armed.WaitAsync(timeout.Token);
            if (_dueTimes.TryDequeue(out var due) && due < below)
            {
                return due;
            }
        }
    }

    /// <summary>Waits for the next timer armed shorter than <paramref name="below"/> and advances the clock by its due time.</summary>
    public async Task<TimeSpan> AdvanceNextAsync(TimeSpan below, CancellationToken cancellationToken)
    {
        var due = await NextTimerAsync(below, cancellationToken);
        Advance(due);
        return due;
    }

    private void Armed(TimeSpan dueTime)
    {
        if (dueTime >= TimeSpan.Zero)
        {
            _dueTimes.Enqueue(dueTime);
            _armed.Release();
        }
    }

    private sealed class RecordingTimer(ITimer inner, TimerRecordingTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Armed(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
