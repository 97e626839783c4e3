namespace ProviderConfig.Client;

/// <summary>
/// How the SDK retries a failed call, named after and following the gateway's own <c>network_config</c> retry
/// settings: <see cref="MaxRetries"/> additional attempts; before retry <em>n</em> the delay is
/// <c>min(RetryBackoffInitial × 2^(n-1), RetryBackoffMax) × U[0.8, 1.2)</c>, clamped to <see cref="RetryBackoffMax"/>.
/// </summary>
/// <remarks>
/// Retried: connection failures, attempt timeouts, and HTTP 408, 429, 500, 502, 503 and 504. A <c>Retry-After</c>
/// header replaces the computed delay. Nothing else is retried.
/// </remarks>
public sealed class RetryOptions
{
    /// <summary>The gateway's own default for <see cref="RetryBackoffInitial"/> (used when its setting is zero).</summary>
    public static readonly TimeSpan GatewayDefaultBackoffInitial = TimeSpan.FromMilliseconds(500);

    /// <summary>The gateway's own default for <see cref="RetryBackoffMax"/> (used when its setting is zero).</summary>
    public static readonly TimeSpan GatewayDefaultBackoffMax = TimeSpan.FromSeconds(5);

    /// <summary>Additional attempts after the first (like <c>max_retries</c>). Default 3; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Delay before the first retry (like <c>retry_backoff_initial</c>); doubles per retry. Default 500 ms.</summary>
    public TimeSpan RetryBackoffInitial { get; set; } = GatewayDefaultBackoffInitial;

    /// <summary>Upper bound of any retry delay (like <c>retry_backoff_max</c>). Default 5 s.</summary>
    public TimeSpan RetryBackoffMax { get; set; } = GatewayDefaultBackoffMax;

    /// <summary>
    /// Retry options that behave like the given provider's own settings. Zero backoffs take the gateway's defaults
    /// (500 ms and 5 s), as the gateway does.
    /// </summary>
    /// <param name="networkConfig">A provider's <c>network_config</c>.</param>
    public static RetryOptions FromNetworkConfig(NetworkConfig networkConfig)
    {
        ArgumentNullException.ThrowIfNull(networkConfig);
        return new RetryOptions
        {
            MaxRetries = Math.Max(0, networkConfig.MaxRetries),
            RetryBackoffInitial = networkConfig.RetryBackoffInitial > TimeSpan.Zero ? networkConfig.RetryBackoffInitial : GatewayDefaultBackoffInitial,
            RetryBackoffMax = networkConfig.RetryBackoffMax > TimeSpan.Zero ? networkConfig.RetryBackoffMax : GatewayDefaultBackoffMax,
        };
    }

    /// <inheritdoc />
    public override string ToString()
        => FormattableString.Invariant($"MaxRetries={MaxRetries}, RetryBackoffInitial={RetryBackoffInitial}, RetryBackoffMax={RetryBackoffMax}");
}
