using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using ProviderConfig.Client.Http;

namespace ProviderConfig.Client.Resilience;

/// <summary>
/// The SDK's resilience, in the order total timeout → retry → attempt timeout. The retry is this Polly pipeline (the
/// gateway's backoff formula, <c>Retry-After</c> honoured). The two timeouts are <see cref="Deadline"/>s: the total one
/// is started by the client for the whole call and reaches this pipeline as the request's cancellation token, so it stops
/// a backoff wait and an attempt alike and also bounds the reading of the response body, which happens after the
/// pipeline has returned; the attempt one is started by <see cref="ProviderConfigResilienceHandler"/> for each attempt.
/// </summary>
internal static partial class ProviderConfigResilience
{
    /// <summary>
    /// Builds the retry pipeline. Its strategies read the settings through <paramref name="options"/> on every call, so
    /// a reloaded configuration applies to the next call without rebuilding the pipeline (a rebuildable pipeline would
    /// track every execution to know when the old one can go).
    /// </summary>
    /// <param name="options">The current client settings.</param>
    /// <param name="timeProvider">The clock (a fake one in tests).</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="jitter">The draws of the backoff jitter (<see cref="RetryJitter.Shared"/> unless a test sets its own).</param>
    /// <returns>The pipeline, for <see cref="ProviderConfigResilienceHandler"/>.</returns>
    public static ResiliencePipeline<HttpResponseMessage> Build(Func<ProviderConfigClientOptions> options, TimeProvider timeProvider, ILogger logger, RetryJitter jitter)
    {
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "Retry",
            MaxRetryAttempts = int.MaxValue, // the limit is the current MaxRetries, applied in ShouldHandle
            BackoffType = DelayBackoffType.Constant,
            UseJitter = false,
            Delay = TimeSpan.Zero,
            ShouldHandle = args =>
            {
                var current = options();
                return ValueTask.FromResult(args.AttemptNumber < current.Retry.MaxRetries && ShouldRetry(args.Outcome, args.Context, current, timeProvider));
            },
            DelayGenerator = args =>
            {
                var retry = options().Retry;
                return ValueTask.FromResult<TimeSpan?>(
                    RetryAfter(args.Outcome.Result, timeProvider) ?? BackoffSchedule.Delay(args.AttemptNumber + 1, retry.RetryBackoffInitial, retry.RetryBackoffMax, jitter.NextDouble()));
            },
            OnRetry = args =>
            {
                var request = args.Context.Properties.GetValue(ProviderConfigResilienceHandler.RequestKey, null!);
                var reason = RetryClassifier.Describe(args.Outcome.Result, args.Outcome.Exception);
                LogRetry(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", args.AttemptNumber + 2, options().Retry.MaxRetries + 1, (long)args.RetryDelay.TotalMilliseconds, reason);
                Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
                {
                    ["attempt"] = args.AttemptNumber + 2,
                    ["delay_ms"] = (long)args.RetryDelay.TotalMilliseconds,
                    ["reason"] = reason,
                }));
                return default;
            },
        }).Build();
    }

    /// <summary>Whether a transient failure is retried; called only while retries remain.</summary>
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ProviderConfigClientOptions options, TimeProvider timeProvider)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        if (outcome.Exception is not null)
        {
            return RetryClassifier.IsTransientException(outcome.Exception);
        }

        var response = outcome.Result!;
        var request = context.Properties.TryGetValue(ProviderConfigResilienceHandler.RequestKey, out var sent) ? sent : response.RequestMessage;
        if (!RetryClassifier.IsTransientStatus(response.StatusCode, ProviderConfigResilienceHandler.OperationOf(request)))
        {
            return false;
        }

        if (RetryAfter(response, timeProvider) is { } wait && CallState.From(request) is { } state)
        {
            var remaining = options.TotalTimeout - timeProvider.GetElapsedTime(state.StartTimestamp);
            if (wait >= remaining)
            {
                state.RetryAbandonedReason = FormattableString.Invariant(
                    $"the gateway asked to retry after {wait.TotalSeconds:0.###} s, which does not fit in the {remaining.TotalSeconds:0.###} s left of the total timeout ({options.TotalTimeout})");
                return false;
            }
        }

        return true;
    }

    /// <summary>The wait a <c>Retry-After</c> header asks for (seconds or an HTTP date), or null when there is none.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        RetryConditionHeaderValue? header = response?.Headers.RetryAfter;
        if (header is null)
        {
            return null;
        }

        if (header.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Retrying {Method} {Path}: attempt {Attempt} of {MaxAttempts} in {DelayMilliseconds} ms because {Reason}")]
    private static partial void LogRetry(ILogger logger, string method, string path, int attempt, int maxAttempts, long delayMilliseconds, string reason);
}
