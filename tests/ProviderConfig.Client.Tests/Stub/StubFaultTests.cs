using System.Diagnostics;
using System.Net;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>Fault injection for consumers' resilience tests.</summary>
public sealed class StubFaultTests : IDisposable
{
    private readonly BifrostStubServer _stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = "k" });
    private readonly StubHttp _http;

    public StubFaultTests() => _http = new StubHttp(_stub, "Bearer k");

    public void Dispose()
    {
        _http.Dispose();
        _stub.Dispose();
    }

    [Fact]
    public async Task FailNext_answers_with_the_status_a_Bifrost_error_and_Retry_After_then_recovers()
    {
        _stub.FailNext(2, HttpStatusCode.ServiceUnavailable, TimeSpan.FromMilliseconds(1500));

        var first = await _http.GetAsync("openai");
        var second = await _http.GetAsync("openai");
        var third = await _http.GetAsync("openai");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
        Assert.Equal(TimeSpan.FromSeconds(2), first.RetryAfter?.Delta);
        Assert.Equal(503, first.Json["status_code"]!.GetValue<int>());
        Assert.False(first.Json["is_bifrost_error"]!.GetValue<bool>());
        Assert.NotNull(first.ErrorMessage);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.Status);
        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task Queued_failures_run_in_order_and_apply_before_auth()
    {
        _stub.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.Zero);
        _stub.FailNext(1, HttpStatusCode.InternalServerError);

        var first = await _http.SendAsync(HttpMethod.Get, "/api/providers/openai", null, "Bearer wrong");
        var second = await _http.GetAsync("openai");

        Assert.Equal(HttpStatusCode.TooManyRequests, first.Status);
        Assert.Equal(TimeSpan.Zero, first.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.InternalServerError, second.Status);
        Assert.Null(second.RetryAfter);
    }

    [Fact]
    public async Task ResetConnectionNext_is_an_HttpRequestException_for_HttpClient()
    {
        _stub.ResetConnectionNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.GetAsync("openai"));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
        Assert.Equal(2, _stub.Requests.Count);
    }

    [Fact]
    public async Task A_reset_on_a_reused_connection_is_not_resent_by_SocketsHttpHandler()
    {
        // The first request opens the connection; the reset then hits a pooled, reused connection, the case in which
        // SocketsHttpHandler may transparently resend a request that got no response bytes.
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
        _stub.ResetConnectionNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PutAsync("openai", StubPayloads.Minimal()));

        Assert.Equal(["GET", "PUT"], _stub.Requests.Select(r => r.Method));

        // The gateway never saw the PUT: the seeded openai still has no stored concurrency block.
        Assert.Null(_stub.GetStoredProvider("openai")!["concurrency_and_buffer_size"]);
    }

    [Fact]
    public async Task DropResponseNext_handles_the_request_then_resets_the_connection()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
        _stub.DropResponseNext(1);

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PutAsync("openai", StubPayloads.Minimal()));

        // Handled: the PUT's concurrency block is stored although the client saw no answer; and sent once only.
        Assert.Equal(10, _stub.GetStoredProvider("openai")!["concurrency_and_buffer_size"]!["concurrency"]!.GetValue<long>());
        Assert.Equal(["GET", "PUT"], _stub.Requests.Select(r => r.Method));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
    }

    [Fact]
    public async Task Queued_faults_of_every_kind_run_in_the_order_they_were_queued()
    {
        _stub.DropResponseNext(1);
        _stub.FailNext(1, HttpStatusCode.ServiceUnavailable);
        _stub.DelayNext(1, TimeSpan.FromMilliseconds(150));
        _stub.ResetConnectionNext(1);
        _stub.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.Zero);

        var outcomes = new List<string>();
        var elapsed = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var answer = await _http.GetAsync("openai");
                outcomes.Add(((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("reset");
            }

            elapsed.Add(clock.Elapsed);
        }

        Assert.Equal(["reset", "503", "200", "reset", "429", "200"], outcomes);
        Assert.True(elapsed[2] >= TimeSpan.FromMilliseconds(140), $"the third request took {elapsed[2]}");
        Assert.Equal(6, _stub.Requests.Count);
    }

    [Fact]
    public async Task DelayNext_holds_the_request()
    {
        _stub.DelayNext(1, TimeSpan.FromMilliseconds(150));

        var clock = Stopwatch.StartNew();
        var delayed = await _http.GetAsync("openai");
        var delayedTime = clock.Elapsed;

        Assert.Equal(HttpStatusCode.OK, delayed.Status);
        Assert.True(delayedTime >= TimeSpan.FromMilliseconds(140), $"took {delayedTime}");
    }

    [Fact]
    public async Task Random_faults_mix_503_429_and_resets_and_can_be_turned_off()
    {
        _stub.InjectRandomFaults(1.0, seed: 42);
        var outcomes = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            try
            {
                var answer = await _http.GetAsync("openai");
                outcomes.Add(answer.Status == HttpStatusCode.TooManyRequests ? $"429:{answer.RetryAfter?.Delta?.TotalSeconds}" : ((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                outcomes.Add("reset");
            }
        }

        Assert.DoesNotContain("200", outcomes);
        Assert.Contains("503", outcomes);
        Assert.Contains("reset", outcomes);
        Assert.Contains(outcomes, o => o.StartsWith("429:", StringComparison.Ordinal));
        Assert.All(outcomes.Where(o => o.StartsWith("429:", StringComparison.Ordinal)), o => Assert.True(o is "429:0" or "429:1", o));

        _stub.InjectRandomFaults(0);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
    }

    [Fact]
    public async Task A_low_random_rate_fails_some_requests_at_concurrency_64()
    {
        _stub.InjectRandomFaults(0.2, seed: 7);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(async _ =>
        {
            try
            {
                return (await _http.GetAsync("bedrock")).Status;
            }
            catch (HttpRequestException)
            {
                return (HttpStatusCode)0;
            }
        }));

        Assert.Contains(HttpStatusCode.OK, results);
        Assert.Contains(results, s => s != HttpStatusCode.OK);
        Assert.Equal(64, _stub.Requests.Count);
    }

    [Fact]
    public async Task ClearFaults_cancels_queued_faults()
    {
        _stub.FailNext(5, HttpStatusCode.BadGateway);
        _stub.ResetConnectionNext(5);

        _stub.ClearFaults();

        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("openai")).Status);
    }
}
