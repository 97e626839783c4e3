namespace ProviderConfig.Client.Resilience;

/// <summary>The gateway's backoff formula (contract §4.2), as a pure function so it can be checked draw by draw.</summary>
internal static class BackoffSchedule
{
    /// <summary>
    /// The delay before retry <paramref name="retryNumber"/> (1-based):
    /// <c>min(initial × 2^(n-1), max) × (0.8 + 0.4 × u)</c>, clamped to <paramref name="max"/>.
    /// </summary>
    /// <param name="retryNumber">1 for the first retry.</param>
    /// <param name="initial">The initial backoff.</param>
    /// <param name="max">The cap.</param>
    /// <param name="uniform">A draw from U[0, 1).</param>
    public static TimeSpan Delay(int retryNumber, TimeSpan initial, TimeSpan max, double uniform)
    {
        var exponent = Math.Min(retryNumber - 1, 62);
        var baseTicks = initial.Ticks * Math.Pow(2, exponent);
        var capped = Math.Min(baseTicks, max.Ticks);
        var jittered = capped * (0.8 + (0.4 * uniform));
        return TimeSpan.FromTicks((long)Math.Min(jittered, max.Ticks));
    }
}
