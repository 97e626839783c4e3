namespace ProviderConfig.Client.Resilience;

/// <summary>
/// The uniform draws behind the backoff jitter (<see cref="BackoffSchedule.Delay"/>). The SDK draws from
/// <see cref="Random.Shared"/>; a test registers its own instance in the service collection (resolved with
/// <c>GetService</c>, so nothing is added to a consumer's container) to check the exact delays of a live retry.
/// </summary>
internal class RetryJitter
{
    /// <summary>Draws from <see cref="Random.Shared"/>.</summary>
    public static RetryJitter Shared { get; } = new();

    /// <summary>A draw from U[0, 1).</summary>
    public virtual double NextDouble() => Random.Shared.NextDouble();
}
