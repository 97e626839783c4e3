using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProviderConfig.Client.Resilience;

namespace ProviderConfig.Client.Tests;

/// <summary>The retry pipeline under faults, on fake time: schedules, Retry-After, timeouts, what is and is not retried.</summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan BelowTimeouts = TimeSpan.FromSeconds(29);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpResponseMessage Status(HttpStatusCode status) => RecordingHandler.Json(status, """{"is_bifrost_error":false,"status_code":503,"error":{"message":"busy"}}""");

    private static HttpResponseMessage Ok() => RecordingHandler.Json(HttpStatusCode.OK, Fixtures.Read("get-openai-defaults.json"));

    public static TheoryData<int, int, int> Settings() => new()
    {
        { 500, 5000, 12 },   // the gateway's defaults
        { 100, 1000, 10 },
        { 1000, 10000, 8 },
        { 250, 250, 5 },     // initial == max: flat
        { 3000, 4000, 6 },   // capped from the second retry on
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Every_delay_is_inside_the_gateways_jitter_envelope_and_never_above_the_cap(int initialMs, int maxMs, int retries)
    {
        var initial = TimeSpan.FromMilliseconds(initialMs);
        var max = TimeSpan.FromMilliseconds(maxMs);
        var random = new Random(1234);
        for (var draw = 0; draw < 2000; draw++)
        {
            for (var n = 1; n <= retries; n++)
            {
                var baseDelay = Math.Min(initialMs * Math.Pow(2, n - 1), maxMs);
                var delay = BackoffSchedule.Delay(n, initial, max, random.NextDouble());

                Assert.InRange(delay.TotalMilliseconds, (0.8 * baseDelay) - 0.001, Math.Min(1.2 * baseDelay, maxMs));
                Assert.True(delay <= max, $"retry {n} waited {delay}, above the cap {max}");
            }
        }
    }

    [Fact]
    public void Retry_options_from_a_providers_network_config_follow_the_gateways_defaults_for_zero()
    {
        var azure = Json.ReadConfiguration(Fixtures.Read("get-azure-tuned-from-config-json.json")).NetworkConfig;

        var tuned = RetryOptions.FromNetworkConfig(azure);
        var unset = RetryOptions.FromNetworkConfig(new NetworkConfig());

        Assert.Equal((3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)), (tuned.MaxRetries, tuned.RetryBackoffInitial, tuned.RetryBackoffMax));
        Assert.Equal((0, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5)), (unset.MaxRetries, unset.RetryBackoffInitial, unset.RetryBackoffMax));
    }

    [Fact]
    public void The_jitter_spreads_over_the_whole_envelope()
    {
        var random = new Random(99);
        var delays = Enumerable.Range(0, 5000).Select(_ => BackoffSchedule.Delay(1, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(5), random.NextDouble()).TotalMilliseconds).ToList();

        Assert.InRange(delays.Min(), 400, 410);
        Assert.InRange(delays.Max(), 590, 600);
        Assert.InRange(delays.Average(), 490, 510);
    }

    [Fact]
    public async Task Two_503s_then_200_succeeds_after_two_backoffs_in_the_envelope()
    {
        var time = new TimerRecordingTimeProvider();
        var seen = new List<DateTimeOffset>();
        var handler = new RecordingHandler();
        handler.Enqueue(_ => { seen.Add(time.GetUtcNow()); return Status(HttpStatusCode.ServiceUnavailable); })
            .Enqueue(_ => { seen.Add(time.GetUtcNow()); return Status(HttpStatusCode.ServiceUnavailable); })
            .Enqueue(_ => { seen.Add(time.GetUtcNow()); return Ok(); });
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var first = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var second = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Assert.Equal(3, handler.Requests.Count);
        Assert.InRange(first.TotalMilliseconds, 400, 600);
        Assert.InRange(second.TotalMilliseconds, 800, 1200);
        Assert.Equal(first, seen[1] - seen[0]);
        Assert.Equal(second, seen[2] - seen[1]);
    }

    [Fact]
    public async Task A_live_retry_waits_exactly_the_gateways_backoff_for_each_jitter_draw()
    {
        // Contract §4.2: before retry n, min(initial × 2^(n-1), max) × (0.8 + 0.4u), clamped to max. With initial 300 ms,
        // max 1 s and the draws 0, 0.5 and 0.75: 300 × 0.8 = 240 ms (the bottom of the band), 600 × 1.0 = 600 ms (its
        // middle), and min(1200, 1000) × 1.1 = 1100 ms, clamped to 1000 ms (the cap holds even with the jitter above 1).
        var time = new TimerRecordingTimeProvider();
        var jitter = new QueuedJitter(0.0, 0.5, 0.75);
        var seen = new List<DateTimeOffset>();
        var handler = new RecordingHandler();
        for (var i = 0; i < 3; i++)
        {
            handler.Enqueue(_ => { seen.Add(time.GetUtcNow()); return Status(HttpStatusCode.ServiceUnavailable); });
        }

        handler.Enqueue(_ => { seen.Add(time.GetUtcNow()); return Ok(); });
        using var clients = new TestClients(
            handler,
            o => o.Retry = new RetryOptions { MaxRetries = 3, RetryBackoffInitial = TimeSpan.FromMilliseconds(300), RetryBackoffMax = TimeSpan.FromSeconds(1) },
            time,
            services: s => s.AddSingleton<RetryJitter>(jitter));

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            waits.Add(await time.AdvanceNextAsync(BelowTimeouts, Ct));
        }

        await call;

        TimeSpan[] expected = [TimeSpan.FromMilliseconds(240), TimeSpan.FromMilliseconds(600), TimeSpan.FromSeconds(1)];
        Assert.Equal(expected, waits);
        Assert.Equal(expected, seen.Zip(seen.Skip(1), (before, after) => after - before));
        Assert.Equal(0, jitter.Remaining);
    }

    [Fact]
    public async Task A_retry_after_header_takes_no_jitter_draw()
    {
        var time = new TimerRecordingTimeProvider();
        var jitter = new QueuedJitter(0.25);
        var handler = new RecordingHandler();
        handler.Enqueue(_ =>
            {
                var busy = Status(HttpStatusCode.TooManyRequests);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
                return busy;
            })
            .Enqueue(_ => Status(HttpStatusCode.ServiceUnavailable))
            .Enqueue(_ => Ok());
        using var clients = new TestClients(
            handler,
            o => o.Retry = new RetryOptions { MaxRetries = 2, RetryBackoffInitial = TimeSpan.FromMilliseconds(1000), RetryBackoffMax = TimeSpan.FromSeconds(5) },
            time,
            services: s => s.AddSingleton<RetryJitter>(jitter));

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var first = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var second = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        // The header's 2 s as sent; then retry 2 of the formula with the one draw: 2000 ms × (0.8 + 0.4 × 0.25) = 1800 ms.
        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1800)), (first, second));
        Assert.Equal(0, jitter.Remaining);
    }

    [Fact]
    public async Task Retry_after_in_seconds_replaces_the_computed_delay()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var wait = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_is_honoured()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12)))
            .Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var wait = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(12), wait);
    }

    [Fact]
    public async Task A_retry_after_beyond_the_total_timeout_fails_at_once_with_the_reason()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.ServiceUnavailable, """{"is_bifrost_error":false,"status_code":503,"error":{"message":"maintenance"}}""", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(10)));
        using var clients = new TestClients(handler, time: time);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Single(handler.Requests);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("maintenance", error.Message, StringComparison.Ordinal);
        Assert.Contains("retry after 600 s, which does not fit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_hundred_forever_fails_after_one_plus_MaxRetries_attempts_with_Attempts_set()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { Default = _ => Status(HttpStatusCode.InternalServerError) };
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 2, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => call);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<HttpStatusCode> Transient() => new(
        HttpStatusCode.RequestTimeout, HttpStatusCode.TooManyRequests, HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable, HttpStatusCode.GatewayTimeout);

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task Transient_statuses_are_retried(HttpStatusCode status)
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().Enqueue(_ => Status(status)).Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Assert.Equal(2, handler.Requests.Count);
    }

    public static TheoryData<HttpStatusCode> Permanent() => new(
        HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound,
        HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotImplemented, (HttpStatusCode)402);

    [Theory]
    [MemberData(nameof(Permanent))]
    public async Task Other_statuses_are_sent_exactly_once(HttpStatusCode status)
    {
        var handler = new RecordingHandler { Default = _ => Status(status) };
        using var clients = new TestClients(handler, time: new TimerRecordingTimeProvider());

        var error = await Assert.ThrowsAnyAsync<ProviderConfigApiException>(() => clients.Client.UpdateProviderAsync(ProviderName.OpenAI, Fixtures.ValidUpdate(), Ct));

        Assert.Single(handler.Requests);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task A_body_that_fails_to_parse_is_not_retried()
    {
        var handler = new RecordingHandler { Default = _ => RecordingHandler.Json(HttpStatusCode.OK, "{\"network_config\": 3}") };
        using var clients = new TestClients(handler, time: new TimerRecordingTimeProvider());

        await Assert.ThrowsAsync<ProviderConfigException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Network_failures_are_retried_and_then_reported_as_transport_errors_with_attempts()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { Default = _ => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (bifrost:8080)", new SocketException((int)SocketError.ConnectionRefused)) };
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 1, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);

        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal(2, error.Attempts);
        Assert.Equal("the connection failed (ConnectionRefused)", error.Reason);
        Assert.Equal("GET /api/providers/openai got no response from the gateway after 2 attempts: the connection failed (ConnectionRefused)", error.Message);
    }

    [Fact]
    public async Task An_attempt_that_hangs_times_out_and_is_retried()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().EnqueueHang().Enqueue(_ => Ok());
        using var clients = new TestClients(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Retry.MaxRetries = 1;
        }, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var attemptTimeout = await time.AdvanceNextAsync(TimeSpan.FromSeconds(11), Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Assert.Equal(TimeSpan.FromSeconds(10), attemptTimeout);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Attempt_timeouts_on_every_attempt_end_in_a_transport_error_naming_the_timeout()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { HangByDefault = true };
        using var clients = new TestClients(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.Retry.MaxRetries = 1;
        }, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(TimeSpan.FromSeconds(11), Ct);   // attempt 1 times out
        await time.AdvanceNextAsync(TimeSpan.FromSeconds(9), Ct);    // backoff
        await time.AdvanceNextAsync(TimeSpan.FromSeconds(11), Ct);   // attempt 2 times out
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);

        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, handler.Requests.Count);
        Assert.Equal("the attempt timeout of 00:00:10 elapsed", error.Reason);
    }

    [Fact]
    public async Task The_total_timeout_ends_the_call_even_in_the_middle_of_an_attempt()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { HangByDefault = true };
        using var clients = new TestClients(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(30);
            o.TotalTimeout = TimeSpan.FromSeconds(45);
        }, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(TimeSpan.FromSeconds(31), Ct);   // attempt 1 times out at 30 s
        await time.AdvanceNextAsync(TimeSpan.FromSeconds(29), Ct);   // backoff (~0.5 s); attempt 2 starts
        await time.NextTimerAsync(TimeSpan.FromSeconds(31), Ct);     // attempt 2's own timeout is armed
        time.Advance(TimeSpan.FromSeconds(15));                       // now past 45 s in all
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);

        Assert.Equal("the total timeout of 00:00:45 elapsed", error.Reason);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public async Task A_call_the_caller_cancelled_leaves_nothing_cancelled_for_the_calls_after_it()
    {
        // On the system clock each call's deadline comes from a pool; a cancelled one must never be handed out again.
        var handler = new RecordingHandler().EnqueueHang();
        using var clients = new TestClients(handler);
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var hanging = clients.Client.GetProviderAsync(ProviderName.OpenAI, caller.Token);
        // Real time, bounded: a call that never reaches the handler fails here rather than hanging the whole run.
        var waited = Stopwatch.StartNew();
        while (handler.Requests.Count == 0)
        {
            if (hanging.IsCompleted)
            {
                Assert.Fail($"the call ended ({hanging.Status}) before its request reached the handler: {hanging.Exception?.GetBaseException().Message}");
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                Assert.Fail("the request did not reach the handler within 10 s of starting the call");
            }

            await Task.Delay(5, Ct);
        }

        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);

        handler.Default = _ => Ok();
        var calls = Enumerable.Range(0, 64).Select(_ => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));
        var results = await Task.WhenAll(calls);

        Assert.Equal(64, results.Length);
        Assert.Equal(65, handler.Requests.Count);
    }

    [Fact]
    public async Task A_total_timeout_reported_by_the_handler_as_a_network_error_is_still_the_total_timeout()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().EnqueueAsync(static async (_, ct) =>
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }
            catch (OperationCanceledException ex)
            {
                throw new HttpRequestException("the connection was torn down", ex);
            }

            throw new InvalidOperationException("unreachable");
        });
        using var clients = new TestClients(handler, o => o.AttemptTimeout = o.TotalTimeout = TimeSpan.FromSeconds(20), time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(TimeSpan.FromSeconds(21), Ct);
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);

        // HttpClient reports any failure after its token was cancelled as a cancellation.
        Assert.Equal("the total timeout of 00:00:20 elapsed", error.Reason);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
        Assert.DoesNotContain(TestClients.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_total_timeout_keeps_the_transport_cause_and_drops_the_wrappers_around_it()
    {
        // Refit wraps a non-cancellation failure in an exception that holds the request and its Authorization header.
        var cause = new HttpRequestException("the connection was reset");
        var wrapped = new InvalidOperationException("a wrapper holding the request", cause);

        var error = Assert.IsType<ProviderConfigTransportException>(ProviderConfigClient.SendFailure(
            wrapped, new Http.CallTarget(Http.Operation.GetProvider, ProviderName.OpenAI), new Http.CallState(Http.Operation.GetProvider, 0), deadlineElapsed: true, new ProviderConfigClientOptions { TotalTimeout = TimeSpan.FromSeconds(20) }));

        Assert.Equal("the total timeout of 00:00:20 elapsed", error.Reason);
        Assert.Same(cause, error.InnerException);
    }

    [Fact]
    public async Task On_the_system_clock_a_deadline_that_fired_is_not_handed_to_a_later_call()
    {
        // The one timeout test on the real clock: deadlines are pooled only there. Timeouts of 50-100 ms keep it short.
        var handler = new RecordingHandler().EnqueueHang().Enqueue(_ => Ok());
        using var clients = new TestClients(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromMilliseconds(50);
            o.Retry.RetryBackoffInitial = o.Retry.RetryBackoffMax = TimeSpan.FromMilliseconds(1);
        });
        var hanging = new RecordingHandler { HangByDefault = true };
        using var slow = new TestClients(hanging, o => o.AttemptTimeout = o.TotalTimeout = TimeSpan.FromMilliseconds(100));

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var attemptsOfTheFirstCall = handler.Requests.Count;
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => slow.Client.GetProviderAsync(ProviderName.OpenAI, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct));
        handler.Default = _ => Ok();
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct)));

        Assert.Equal(2, attemptsOfTheFirstCall); // the first attempt's deadline fired
        Assert.Equal("the total timeout of 00:00:00.1000000 elapsed", error.Reason);
        Assert.Equal(64, results.Length);
        Assert.Equal(66, handler.Requests.Count);
    }

    [Fact]
    public async Task An_attempt_timeout_equal_to_the_total_timeout_ends_the_call_as_the_total_timeout()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { HangByDefault = true };
        using var clients = new TestClients(handler, o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(20);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
        }, time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var armed = await time.AdvanceNextAsync(TimeSpan.FromSeconds(21), Ct);
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);

        Assert.Equal(TimeSpan.FromSeconds(20), armed);
        Assert.Equal("the total timeout of 00:00:20 elapsed", error.Reason);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task A_key_rotated_between_attempts_is_sent_by_the_next_attempt_in_place_of_the_old_one()
    {
        var time = new TimerRecordingTimeProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ProviderConfig:BaseAddress"] = "https://bifrost.example.com/",
            ["ProviderConfig:ApiKey"] = "old-key-0001",
        }).Build();
        var handler = new RecordingHandler()
            .Enqueue(_ =>
            {
                configuration["ProviderConfig:ApiKey"] = "new-key-0002";
                configuration.Reload();
                return Status(HttpStatusCode.ServiceUnavailable);
            })
            .Enqueue(_ => Ok())
            .Enqueue(_ => Ok());
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddProviderConfigClient(configuration.GetSection("ProviderConfig")).ConfigurePrimaryHttpMessageHandler(() => handler);
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();

        var call = client.GetProviderAsync(ProviderName.OpenAI, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;
        await client.GetProviderAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(["Bearer old-key-0001", "Bearer new-key-0002", "Bearer new-key-0002"], handler.Requests.Select(r => r.Headers["Authorization"]));
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_is_bounded_by_the_total_timeout()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().Enqueue(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new StallingStream()) { Headers = { ContentType = new("application/json") } },
        });
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        while (handler.Requests.Count == 0 || !call.IsCompleted)
        {
            await Task.Delay(20, Ct);
            time.Advance(TimeSpan.FromSeconds(30));
            if (time.GetUtcNow() > new DateTimeOffset(2026, 11, 25, 12, 10, 0, TimeSpan.Zero))
            {
                break;
            }
        }

        // The loop gives up after ten minutes of fake time; awaiting a call still stuck in the stalled body would hang.
        Assert.True(call.IsCompleted, "the call was still reading the stalled body after 10 minutes of fake time (total timeout 2 min)");
        var error = await Assert.ThrowsAsync<ProviderConfigTransportException>(() => call);
        Assert.Equal("the total timeout of 00:02:00 elapsed while the response body was read", error.Reason);
    }

    [Fact]
    public async Task A_retry_after_on_the_last_attempt_is_not_blamed_for_stopping()
    {
        var handler = new RecordingHandler { Default = _ => { var r = Status(HttpStatusCode.ServiceUnavailable); r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5)); return r; } };
        using var clients = new TestClients(handler, o => o.Retry.MaxRetries = 0, new TimerRecordingTimeProvider());

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct));

        // No retry was left, so the Retry-After played no part: the message is exactly the gateway's answer.
        Assert.Equal("busy", error.ServerMessage);
        Assert.Equal("GET /api/providers/openai failed with 503 ServiceUnavailable: busy.", error.Message);
        Assert.Single(clients.Handler.Requests);
    }

    private sealed class StallingStream : MemoryStream
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return 0;
        }
    }

    [Fact]
    public async Task Cancelling_during_a_backoff_wait_returns_at_once_without_the_clock_moving()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { Default = _ => Status(HttpStatusCode.ServiceUnavailable) };
        using var clients = new TestClients(handler, time: time);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, cts.Token);
        await time.NextTimerAsync(BelowTimeouts, Ct);   // the backoff wait has started
        var stopwatch = Stopwatch.StartNew();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"cancellation took {stopwatch.Elapsed}");
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_retried_put_sends_the_identical_body_each_time()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().Enqueue(_ => Status(HttpStatusCode.BadGateway)).Enqueue(_ => Status(HttpStatusCode.ServiceUnavailable)).Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);
        var update = Json.ReadConfiguration(Fixtures.Read("get-custom-provider-keyless.json")).ToUpdate();

        var call = clients.Client.UpdateProviderAsync("acme-llm-gateway", update, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(handler.Requests[0].Body, r.Body));
        Assert.Contains("acme", handler.Requests[0].Body!, StringComparison.Ordinal);
        Assert.All(handler.Requests, r => Assert.Equal("Bearer " + TestClients.ApiKey, r.Authorization));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_host_wide_standard_resilience_handler_does_not_stack_on_the_sdks_own(bool registeredBeforeTheSdk)
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler { Default = _ => Status(HttpStatusCode.ServiceUnavailable) };
        Action<IServiceCollection> standardForAll = s => s.ConfigureHttpClientDefaults(b => b.AddStandardResilienceHandler());
        using var clients = new TestClients(
            handler,
            o => o.Retry.MaxRetries = 2,
            time,
            services: registeredBeforeTheSdk ? standardForAll : null,
            after: registeredBeforeTheSdk ? null : standardForAll);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var first = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var second = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => call);

        Assert.Equal(3, handler.Requests.Count);
        Assert.Equal(3, error.Attempts);
        Assert.InRange(first.TotalMilliseconds, 400, 600);
        Assert.InRange(second.TotalMilliseconds, 800, 1200);
    }

    [Fact]
    public async Task Each_retry_is_logged_with_operation_attempt_delay_and_reason_and_nothing_else()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().Enqueue(_ => Status(HttpStatusCode.ServiceUnavailable)).Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        var delay = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        var retry = Assert.Single(clients.Logs.GetSnapshot(), l => l.Category == typeof(ProviderConfigClient).FullName);
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal(
            $"Retrying GET /api/providers/openai: attempt 2 of 4 in {(long)delay.TotalMilliseconds} ms because HTTP 503 ServiceUnavailable",
            retry.Message);
    }

    [Fact]
    public async Task The_call_is_one_activity_with_the_retries_as_events()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "ProviderConfig.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (stopped) { stopped.Add(a); } },
        };
        ActivitySource.AddActivityListener(listener);
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler().Enqueue(_ => Status(HttpStatusCode.BadGateway)).Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);

        var call = clients.Client.GetProviderAsync("openai-activity-test", Ct);
        var delay = await time.AdvanceNextAsync(BelowTimeouts, Ct);
        await call;

        Activity activity;
        lock (stopped)
        {
            activity = Assert.Single(stopped, a => "openai-activity-test".Equals(a.GetTagItem("provider.name")));
        }

        Assert.Equal("GetProvider", activity.OperationName);
        Assert.Equal(2, activity.GetTagItem("provider_config.attempts"));
        var retry = Assert.Single(activity.Events);
        Assert.Equal("retry", retry.Name);
        Assert.Equal(
            [new("attempt", 2), new("delay_ms", (long)delay.TotalMilliseconds), new("reason", "HTTP 502 BadGateway")],
            retry.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToArray<KeyValuePair<string, object?>>());
    }

    [Theory]
    [InlineData(24, true)]
    [InlineData(25, false)]
    public async Task A_retry_after_must_fit_in_what_is_left_of_the_total_timeout_after_the_time_already_spent(int retryAfterSeconds, bool retried)
    {
        // Total timeout 45 s; the first attempt takes 20 s, so 25 s are left when the gateway asks to wait.
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .Enqueue(_ =>
            {
                time.Advance(TimeSpan.FromSeconds(20));
                var busy = Status(HttpStatusCode.ServiceUnavailable);
                busy.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(retryAfterSeconds));
                return busy;
            })
            .Enqueue(_ => Ok());
        using var clients = new TestClients(handler, o => o.TotalTimeout = TimeSpan.FromSeconds(45), time);

        var call = clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct);
        if (retried)
        {
            Assert.Equal(TimeSpan.FromSeconds(retryAfterSeconds), await time.AdvanceNextAsync(BelowTimeouts, Ct));
            await call;
            Assert.Equal(2, handler.Requests.Count);
        }
        else
        {
            var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() => call);
            Assert.Single(handler.Requests);
            Assert.Contains("the gateway asked to retry after 25 s, which does not fit in the 25 s left of the total timeout (00:00:45)", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_retry_after_date_in_the_past_retries_at_once()
    {
        var time = new TimerRecordingTimeProvider();
        var handler = new RecordingHandler()
            .EnqueueJson(HttpStatusCode.ServiceUnavailable, "{}", r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(-30)))
            .Enqueue(_ => Ok());
        using var clients = new TestClients(handler, time: time);

        await clients.Client.GetProviderAsync(ProviderName.OpenAI, Ct).WaitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public void Retry_options_need_a_network_config()
        => Assert.Equal("networkConfig", Assert.Throws<ArgumentNullException>(() => RetryOptions.FromNetworkConfig(null!)).ParamName);

    /// <summary>Hands out the given draws in order, and fails the test if the pipeline asks for more.</summary>
    private sealed class QueuedJitter(params double[] draws) : RetryJitter
    {
        private readonly Queue<double> _draws = new(draws);

        public int Remaining => _draws.Count;

        public override double NextDouble()
            => _draws.TryDequeue(out var draw) ? draw : throw new InvalidOperationException("The retry pipeline drew more jitter values than the test queued.");
    }
}
