using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using ProviderConfig.Client.Http;

namespace ProviderConfig.Client.Resilience;

/// <summary>
/// The SDK's one resilience pipeline: total timeout → retry (the gateway's backoff formula, <c>Retry-After</c>
/// honoured) → attempt timeout.
/// </summary>
internal static partial class ProviderConfigResilience
{
    public const string PipelineName = "ProviderConfig.Client";

    /// <summary>Adds the strategies to <paramref name="builder"/>.</summary>
    /// <param name="builder">The pipeline builder.</param>
    /// <param name="options">The client settings.</param>
    /// <param name="timeProvider">The clock (a fake one in tests).</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="uniform">A source of U[0, 1) draws for the jitter.</param>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        ProviderConfigClientOptions options,
        TimeProvider timeProvider,
        ILogger logger,
        Func<double>? uniform = null)
    {
        builder.TimeProvider = timeProvider;
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            Name = "TotalTimeout",
            Timeout = options.TotalTimeout,
            OnTimeout = args =>
            {
                if (CallState.From(args.Context.GetRequestMessage()) is { } state)
                {
                    state.TotalTimeoutElapsed = true;
                }

                return default;
            },
        });

        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            var draw = uniform ?? Random.Shared.NextDouble;
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "Retry",
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                Delay = TimeSpan.Zero,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber < retry.MaxRetries, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    RetryAfter(args.Outcome.Result, timeProvider) ?? BackoffSchedule.Delay(args.AttemptNumber + 1, retry.RetryBackoffInitial, retry.RetryBackoffMax, draw())),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    var reason = RetryClassifier.Describe(args.Outcome.Result, args.Outcome.Exception);
                    LogRetry(logger, request?.Method.Method ?? "?", request?.RequestUri?.AbsolutePath ?? "?", args.AttemptNumber + 2, retry.MaxRetries + 1, (long)args.RetryDelay.TotalMilliseconds, reason);
                    Activity.Current?.AddEvent(new ActivityEvent("retry", tags: new ActivityTagsCollection
                    {
                        ["attempt"] = args.AttemptNumber + 2,
                        ["delay_ms"] = (long)args.RetryDelay.TotalMilliseconds,
                        ["reason"] = reason,
                    }));
                    return default;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "AttemptTimeout", Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retriesLeft, ProviderConfigClientOptions options, TimeProvider timeProvider)
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
        if (!RetryClassifier.IsTransientStatus(response.StatusCode))
        {
            return false;
        }

        // Polly asks about the last attempt too; only then is "no retries left" the reason, not Retry-After.
        if (retriesLeft && RetryAfter(response, timeProvider) is { } wait && CallState.From(response.RequestMessage) is { } state)
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
