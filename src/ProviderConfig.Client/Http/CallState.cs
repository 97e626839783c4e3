namespace ProviderConfig.Client.Http;

/// <summary>
/// Per-call state that travels with the request through the handler chain (as an <see cref="HttpRequestMessage.Options"/>
/// entry), so the client can tell how many attempts were made even when the last one threw.
/// </summary>
internal sealed class CallState
{
    public const string OptionsKeyName = "ProviderConfig.Client.CallState";

    public static readonly HttpRequestOptionsKey<CallState> OptionsKey = new(OptionsKeyName);

    private int _attempts;
    private bool _hostCodeInPipeline;

    public CallState(Operation operation, long startTimestamp)
    {
        Operation = operation;
        StartTimestamp = startTimestamp;
    }

    /// <summary>What the call does; it decides which answers are retried.</summary>
    public Operation Operation { get; }

    /// <summary>When the call started, from the client's <see cref="TimeProvider"/>.</summary>
    public long StartTimestamp { get; }

    /// <summary>Why a transient failure was not retried, when the reason is not obvious (a <c>Retry-After</c> beyond the total timeout).</summary>
    public string? RetryAbandonedReason { get; set; }

    /// <summary>
    /// Whether code that is not the SDK's handles the request below the SDK's handlers (a host's handler, a custom
    /// primary handler), so the response body must be read with a token that is never reused (<see cref="HostToken"/>).
    /// </summary>
    public bool HostCodeInPipeline => Volatile.Read(ref _hostCodeInPipeline);

    /// <summary>The number of attempts sent so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Records that code that is not the SDK's handles this request.</summary>
    public void MarkHostCodeInPipeline() => Volatile.Write(ref _hostCodeInPipeline, true);

    /// <summary>Records one more attempt and returns its number (1-based).</summary>
    public int BeginAttempt() => Interlocked.Increment(ref _attempts);

    public static CallState? From(HttpRequestMessage? request)
        => request is not null && request.Options.TryGetValue(OptionsKey, out var state) ? state : null;
}
