using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;
using ProviderConfig.Client.Http;

namespace ProviderConfig.Client.Resilience;

/// <summary>
/// Runs each request through the SDK's Polly retry pipeline (<see cref="ProviderConfigResilience"/>) and bounds each
/// attempt by <see cref="ProviderConfigClientOptions.AttemptTimeout"/>. The SDK's own handler rather than
/// <c>Microsoft.Extensions.Http.Resilience</c>'s <c>ResilienceHandler</c>, and its own attempt timeout rather than
/// Polly's timeout strategy: the registry behind the former (execution tracking, metering and logging on every call) and
/// the extra async layer of the latter were most of the SDK's per-call cost on a real connection, while the SDK logs its
/// retries and traces its calls itself. For the same reason a first attempt whose answer is final (not transient) never
/// enters the pipeline (docs/performance.md).
/// </summary>
internal sealed class ProviderConfigResilienceHandler : DelegatingHandler
{
    /// <summary>The request being sent, for the pipeline's callbacks (the retry log names it).</summary>
    public static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("ProviderConfig.Client.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly Func<ProviderConfigClientOptions> _options;
    private readonly TimeProvider _timeProvider;

    /// <param name="options">The current client settings, read on every call.</param>
    /// <param name="timeProvider">The clock (a fake one in tests).</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="jitter">The draws of the backoff jitter; <see cref="RetryJitter.Shared"/> when null.</param>
    public ProviderConfigResilienceHandler(Func<ProviderConfigClientOptions> options, TimeProvider timeProvider, ILogger logger, RetryJitter? jitter = null)
    {
        _pipeline = ProviderConfigResilience.Build(options, timeProvider, logger, jitter ?? RetryJitter.Shared);
        _options = options;
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The first attempt goes out directly: an answer that is not transient is final and needs no pipeline. Anything
        // else enters the pipeline as the outcome of its first attempt, so Polly alone decides whether, when and how
        // often to retry, exactly as if it had sent that attempt itself.
        var first = await SendAttemptAsync(request, cancellationToken).ConfigureAwait(false);
        if (first.Exception is null && !RetryClassifier.IsTransientStatus(first.Result!.StatusCode, OperationOf(request)))
        {
            return first.Result;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static (context, attempts) => attempts.NextAsync(context.CancellationToken),
                context,
                new Attempts(this, request, first)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The operation of a request the SDK made; a request without the SDK's state is treated as a read.</summary>
    internal static Operation OperationOf(HttpRequestMessage? request) => CallState.From(request)?.Operation ?? Operation.GetProvider;

    /// <summary>One attempt, as an outcome; allocates nothing more when the inner handler completes synchronously.</summary>
    private ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // An attempt timeout as long as the total timeout could never fire first: the call's deadline covers it.
        var options = _options();
        if (options.AttemptTimeout < options.TotalTimeout)
        {
            return SendTimedAttemptAsync(request, options.AttemptTimeout, cancellationToken);
        }

        Task<HttpResponseMessage> attempt;
        try
        {
            attempt = base.SendAsync(request, cancellationToken);
        }
        catch (Exception ex)
        {
            return ValueTask.FromResult(Outcome.FromException<HttpResponseMessage>(ex));
        }

        return attempt.IsCompletedSuccessfully
            ? ValueTask.FromResult(Outcome.FromResult(attempt.Result))
            : AwaitAttemptAsync(attempt);
    }

    private async ValueTask<Outcome<HttpResponseMessage>> SendTimedAttemptAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken callToken)
    {
        using var deadline = new Deadline(timeout, _timeProvider, callToken);
        try
        {
            return Outcome.FromResult(await base.SendAsync(request, deadline.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException ex) when (deadline.HasElapsed(callToken))
        {
            // Polly's own type, so the retry and the error mapping treat it as they would Polly's timeout strategy's.
            return Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException(
                FormattableString.Invariant($"The attempt timeout of {timeout} elapsed."), timeout, ex));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    private static async ValueTask<Outcome<HttpResponseMessage>> AwaitAttemptAsync(Task<HttpResponseMessage> attempt)
    {
        try
        {
            return Outcome.FromResult(await attempt.ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            return Outcome.FromException<HttpResponseMessage>(ex);
        }
    }

    /// <summary>The attempts the pipeline asks for: the one already sent, then new ones.</summary>
    private sealed class Attempts(ProviderConfigResilienceHandler handler, HttpRequestMessage request, Outcome<HttpResponseMessage> first)
    {
        private Outcome<HttpResponseMessage>? _first = first;

        public ValueTask<Outcome<HttpResponseMessage>> NextAsync(CancellationToken cancellationToken)
        {
            if (_first is { } sent)
            {
                _first = null;
                return ValueTask.FromResult(sent);
            }

            return handler.SendAttemptAsync(request, cancellationToken);
        }
    }
}
