using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// 50,000 requests at concurrency 64 against the stub gateway with 10 % transient faults (503, 429 with Retry-After,
/// reset connections): unexpected failures (goal: none), retries spent, open sockets before, halfway and after. A warm
/// pool legitimately holds up to one connection per concurrent call (two sockets in this process, client and stub side),
/// so the check is no growth from halfway to the end and never more than that bound; a leak grows with the faults.
/// </summary>
public static class Soak
{
    public static async Task<int> RunAsync(int requests, int concurrency, double faultRate)
    {
        await using var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Clients.Key });
        var services = new ServiceCollection();
        services.AddProviderConfigClient(o =>
        {
            o.BaseAddress = stub.BaseAddress;
            o.ApiKey = Clients.Key;
            o.Retry.MaxRetries = 6;
            o.Retry.RetryBackoffInitial = TimeSpan.FromMilliseconds(1);
            o.Retry.RetryBackoffMax = TimeSpan.FromMilliseconds(20);
        });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProviderConfigClient>();

        var retries = 0L;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "ProviderConfig.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => Interlocked.Add(ref retries, a.Events.Count(e => e.Name == "retry")),
        };
        ActivitySource.AddActivityListener(listener);

        await client.GetProviderAsync(ProviderName.OpenAI); // connections up before the "before" count
        var socketsBefore = OpenSockets();
        stub.ClearRequests();
        stub.InjectRandomFaults(faultRate, seed: 42);

        var failures = new List<string>();
        var socketsHalfway = -1;
        var next = -1;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                if (i == requests / 2)
                {
                    socketsHalfway = OpenSockets();
                }

                try
                {
                    await client.GetProviderAsync(ProviderName.OpenAI);
                }
                catch (ProviderConfigException ex)
                {
                    lock (failures)
                    {
                        failures.Add(ex.GetType().Name + ": " + ex.Message);
                    }
                }
            }
        }));
        stopwatch.Stop();
        stub.ClearFaults();
        var served = stub.Requests.Count;
        stub.ClearRequests();
        await Task.Delay(1000);
        var socketsAfter = OpenSockets();

        Console.WriteLine($"soak: {requests} GETs at concurrency {concurrency}, {faultRate:P0} injected faults, {stopwatch.Elapsed.TotalSeconds:0.0} s ({requests / stopwatch.Elapsed.TotalSeconds:0} calls/s)");
        Console.WriteLine($"soak: requests the stub saw: {served}; retries spent: {Interlocked.Read(ref retries)}; unexpected failures: {failures.Count}");
        var bound = socketsBefore + (2 * concurrency);
        var grew = socketsAfter > socketsHalfway || socketsAfter > bound;
        Console.WriteLine($"soak: open sockets in this process (client and stub): before {socketsBefore}, halfway {socketsHalfway}, after {socketsAfter} (bound {bound}): {(grew ? "GREW" : "no growth")}");
        foreach (var failure in failures.Take(5))
        {
            Console.WriteLine("  " + failure);
        }

        return failures.Count == 0 && !grew ? 0 : 1;
    }

    /// <summary>File descriptors of this process that are sockets (Linux).</summary>
    private static int OpenSockets()
    {
        var count = 0;
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true)
                {
                    count++;
                }
            }
            catch (IOException)
            {
                // closed while we looked
            }
        }

        return count;
    }
}
