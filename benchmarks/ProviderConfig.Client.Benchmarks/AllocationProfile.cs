using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// Where the bytes go: runs loopback GETs through the SDK and through the baseline with the runtime's allocation
/// sampling on (one event per ~100 KB allocated, naming the type that crossed the threshold), and prints the estimated
/// bytes per request by type for each, largest differences first. A profiling aid for the figures in
/// docs/performance.md; statistical, so read it as "which types", not as exact bytes.
/// </summary>
public static class AllocationProfile
{
    public static async Task RunAsync(int requests, int concurrency)
    {
        await LoopbackServer.WithChildAsync(async address =>
        {
            using var sdkServices = Clients.Sdk(address);
            var sdk = sdkServices.GetRequiredService<IProviderConfigClient>();
            using var baseline = Clients.Baseline(address);
            var provider = Fixture.ProviderName(Fixture.Large);
            Func<Task> sdkCall = () => sdk.GetProviderAsync(provider);
            Func<Task> baselineCall = () => Clients.BaselineGetAsync(baseline, provider);

            await LoadDriver.RunCellAsync(sdkCall, concurrency, 20_000);
            await LoadDriver.RunCellAsync(baselineCall, concurrency, 20_000);

            var sdkBytes = await SampleAsync(sdkCall, concurrency, requests);
            var baselineBytes = await SampleAsync(baselineCall, concurrency, requests);

            Console.WriteLine($"Estimated bytes per request by type, {requests} loopback GETs of the largest fixture at concurrency {concurrency}");
            Console.WriteLine("| type | SDK | baseline | difference |");
            Console.WriteLine("|---|---:|---:|---:|");
            foreach (var type in sdkBytes.Keys.Union(baselineBytes.Keys)
                .Select(t => (Type: t, Sdk: sdkBytes.GetValueOrDefault(t), Baseline: baselineBytes.GetValueOrDefault(t)))
                .OrderByDescending(t => Math.Abs(t.Sdk - t.Baseline))
                .Take(30))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {type.Type} | {type.Sdk / requests:0} | {type.Baseline / requests:0} | {(type.Sdk - type.Baseline) / requests:+0;-0;0} |"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| (all) | {sdkBytes.Values.Sum() / requests:0} | {baselineBytes.Values.Sum() / requests:0} | {(sdkBytes.Values.Sum() - baselineBytes.Values.Sum()) / requests:+0;-0;0} |"));
        });
    }

    private static async Task<Dictionary<string, double>> SampleAsync(Func<Task> call, int concurrency, int requests)
    {
        using var listener = new AllocationListener();
        await LoadDriver.RunCellAsync(call, concurrency, requests);
        listener.Stop();
        return listener.BytesByType.ToDictionary(p => p.Key, p => p.Value);
    }

    private sealed class AllocationListener : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private volatile bool _stopped;

        public ConcurrentDictionary<string, double> BytesByType { get; } = new();

        public void Stop() => _stopped = true;

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (_stopped || eventData.EventName is null || !eventData.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || eventData.Payload is null)
            {
                return;
            }

            var type = eventData.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload[t] as string ?? "?" : "?";
            var amount = eventData.PayloadNames!.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToDouble(eventData.Payload[a], CultureInfo.InvariantCulture) : 100_000;
            BytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
        }
    }
}
