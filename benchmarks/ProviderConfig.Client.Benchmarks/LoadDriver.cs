using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// Drives SDK and baseline alternately against the loopback server at concurrency 1, 16 and 64 for a fixed request
/// count, several rounds, and prints medians: requests/s, p50 and p99 latency, allocated bytes per request.
/// </summary>
public static class LoadDriver
{
    /// <summary>Runs the table: SDK via DI (as registered), SDK via <c>Create</c> (no IHttpClientFactory handlers), baseline.</summary>
    public static async Task RunAsync(int rounds, int requestsPerCell)
    {
        await LoopbackServer.WithChildAsync(async address =>
        {
            using var sdkServices = Clients.Sdk(address);
            var sdk = sdkServices.GetRequiredService<IProviderConfigClient>();
            using var baseline = Clients.Baseline(address);
            var provider = Fixture.ProviderName(Fixture.Large);

            var sdkWithoutFactory = ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = address, ApiKey = Clients.Key });
            Func<Task> sdkCall = () => sdk.GetProviderAsync(provider);
            Func<Task> sdkWithoutFactoryCall = () => sdkWithoutFactory.GetProviderAsync(provider);
            Func<Task> baselineCall = () => Clients.BaselineGetAsync(baseline, provider);

            // Warm-up: connection pools, and enough calls for tiered JIT to finish (a shorter one left the JIT
            // compiling during the first cells, which costs the side with more methods, the SDK, more).
            await WarmUpAsync(sdkCall, baselineCall, sdkWithoutFactoryCall);

            Console.WriteLine($"Loopback GET of the largest fixture, {requestsPerCell} requests per cell, {rounds} rounds, medians; server in a child process on {address}");
            Console.WriteLine("| concurrency | client | requests/s | p50 ms | p99 ms | bytes/request | client CPU µs/request | SDK/baseline throughput |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var concurrency in new[] { 1, 16, 64 })
            {
                var count = concurrency == 1 ? requestsPerCell / 4 : requestsPerCell;
                var sdkResults = new List<CellResult>();
                var createResults = new List<CellResult>();
                var baselineResults = new List<CellResult>();
                for (var round = 0; round < rounds; round++)
                {
                    // Alternate which goes first so neither always gets the warmer machine.
                    createResults.Add(await RunCellAsync(sdkWithoutFactoryCall, concurrency, count));
                    if (round % 2 == 0)
                    {
                        sdkResults.Add(await RunCellAsync(sdkCall, concurrency, count));
                        baselineResults.Add(await RunCellAsync(baselineCall, concurrency, count));
                    }
                    else
                    {
                        baselineResults.Add(await RunCellAsync(baselineCall, concurrency, count));
                        sdkResults.Add(await RunCellAsync(sdkCall, concurrency, count));
                    }
                }

                var s = CellResult.Median(sdkResults);
                var b = CellResult.Median(baselineResults);
                Console.WriteLine(Row(concurrency, "SDK", s, (s.RequestsPerSecond / b.RequestsPerSecond).ToString("0.00", CultureInfo.InvariantCulture)));
                var c = CellResult.Median(createResults);
                Console.WriteLine(Row(concurrency, "SDK via Create()", c, (c.RequestsPerSecond / b.RequestsPerSecond).ToString("0.00", CultureInfo.InvariantCulture)));
                Console.WriteLine(Row(concurrency, "HttpClient", b, "1.00"));
            }
        });
    }

    /// <summary>
    /// Where the loopback cost goes: the same GET with the SDK's layers added one at a time, each cell run in turn
    /// (order reversed every other round), medians of throughput and of client CPU per request.
    /// </summary>
    public static async Task RunLayersAsync(int rounds, int requestsPerCell, int concurrency)
    {
        await LoopbackServer.WithChildAsync(async address =>
        {
            var options = new ProviderConfigClientOptions { BaseAddress = address, ApiKey = Clients.Key };
            var provider = Fixture.ProviderName(Fixture.Large);
            using var baseline = Clients.Baseline(address);
            var bare = new ProviderConfigClient(new HttpClient(new SocketsHttpHandler()) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan }, () => options, TimeProvider.System);
            var auth = new ProviderConfigClient(new HttpClient(new Http.ProviderAuthenticationHandler(() => options) { InnerHandler = new SocketsHttpHandler() }) { BaseAddress = address, Timeout = Timeout.InfiniteTimeSpan }, () => options, TimeProvider.System);
            var created = ProviderConfigClient.Create(options);
            using var services = Clients.Sdk(address);
            var registered = services.GetRequiredService<IProviderConfigClient>();
            var cells = new (string Name, Func<Task> Call)[]
            {
                ("HttpClient (baseline)", () => Clients.BaselineGetAsync(baseline, provider)),
                ("Refit + ProviderConfigClient", () => bare.GetProviderAsync(provider)),
                ("+ auth handler", () => auth.GetProviderAsync(provider)),
                ("+ resilience handler, i.e. Create()", () => created.GetProviderAsync(provider)),
                ("+ IHttpClientFactory, i.e. as registered", () => registered.GetProviderAsync(provider)),
            };
            await WarmUpAsync(cells.Select(c => c.Call).ToArray());

            var results = cells.ToDictionary(c => c.Name, _ => new List<CellResult>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, call) in round % 2 == 0 ? cells : cells.Reverse())
                {
                    results[name].Add(await RunCellAsync(call, concurrency, requestsPerCell));
                }
            }

            var b = CellResult.Median(results[cells[0].Name]);
            Console.WriteLine($"Loopback GET of the largest fixture by layer, concurrency {concurrency}, {requestsPerCell} requests per cell, {rounds} rounds, medians");
            Console.WriteLine("| layers | requests/s | client CPU µs/request | bytes/request | throughput vs baseline |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            foreach (var (name, _) in cells)
            {
                var r = CellResult.Median(results[name]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {r.RequestsPerSecond:0} | {r.ClientCpuMicroseconds:0.0} | {r.BytesPerRequest:0} | {r.RequestsPerSecond / b.RequestsPerSecond:0.00} |"));
            }
        });
    }

    private static async Task WarmUpAsync(params Func<Task>[] calls)
    {
        foreach (var call in calls)
        {
            await RunCellAsync(call, 16, 20_000);
        }
    }

    private static string Row(int concurrency, string client, CellResult r, string ratio)
        => string.Create(CultureInfo.InvariantCulture, $"| {concurrency} | {client} | {r.RequestsPerSecond:0} | {r.P50:0.000} | {r.P99:0.000} | {r.BytesPerRequest:0} | {r.ClientCpuMicroseconds:0.0} | {ratio} |");

    internal static async Task<CellResult> RunCellAsync(Func<Task> call, int concurrency, int count)
    {
        var latencies = new double[count];
        var next = -1;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Array.Sort(latencies);
        return new CellResult(
            count / stopwatch.Elapsed.TotalSeconds,
            latencies[count / 2],
            latencies[Math.Min(count - 1, (int)(count * 0.99))],
            (double)allocated / count,
            cpu.TotalMicroseconds / count);
    }

    internal sealed record CellResult(double RequestsPerSecond, double P50, double P99, double BytesPerRequest, double ClientCpuMicroseconds)
    {
        public static CellResult Median(List<CellResult> results)
        {
            static double M(IEnumerable<double> v)
            {
                var a = v.Order().ToArray();
                return a.Length % 2 == 1 ? a[a.Length / 2] : (a[(a.Length / 2) - 1] + a[a.Length / 2]) / 2;
            }

            return new CellResult(M(results.Select(r => r.RequestsPerSecond)), M(results.Select(r => r.P50)), M(results.Select(r => r.P99)), M(results.Select(r => r.BytesPerRequest)), M(results.Select(r => r.ClientCpuMicroseconds)));
        }
    }
}
