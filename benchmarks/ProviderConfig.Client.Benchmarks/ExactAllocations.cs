using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// Exact bytes allocated per call, in memory: every layer completes synchronously on the calling thread, so
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> around a run of calls counts all of them and nothing else. A quick
/// check of a change's per-call cost, without BenchmarkDotNet's minutes; times are not measured.
/// </summary>
/// <remarks>
/// The in-memory <see cref="FixtureHandler"/> is not the runtime's primary handler, so these calls hand it a token of
/// its own (<c>Http/HostToken.cs</c>, about 100 B); over a <see cref="SocketsHttpHandler"/> or <see cref="HttpClientHandler"/>
/// that cost is not paid (see the loopback <c>layers</c> mode).
/// </remarks>
public static class ExactAllocations
{
    public static void Run(int calls)
    {
        var bytes = Fixture.Bytes(Fixture.Small);
        var address = new Uri("https://bifrost.bench.local/");
        using var services = Clients.Sdk(address, () => new FixtureHandler(bytes));
        var sdk = services.GetRequiredService<IProviderConfigClient>();
        using var baseline = Clients.Baseline(address, new FixtureHandler(bytes));
        var provider = Fixture.ProviderName(Fixture.Small);
        var cells = new (string Name, Func<Task> Call)[]
        {
            ("HttpClient (baseline) GET", () => Clients.BaselineGetAsync(baseline, provider)),
            ("SDK GetProviderAsync", () => sdk.GetProviderAsync(provider)),
            ("SDK GetProviderWithResponseAsync", () => sdk.GetProviderWithResponseAsync(provider)),
            ("SDK resolved from DI per call", () => services.GetRequiredService<IProviderConfigClient>().GetProviderAsync(provider)),
        };

        Console.WriteLine($"Exact bytes per in-memory call of the small fixture, {calls} calls each");
        Console.WriteLine("| Call | Bytes/call |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, call) in cells)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Measure(call, calls):N0} |"));
        }
    }

    private static long Measure(Func<Task> call, int calls)
    {
        for (var i = 0; i < Math.Max(1000, calls / 10); i++)
        {
            call().GetAwaiter().GetResult();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < calls; i++)
        {
            var task = call();
            if (!task.IsCompleted)
            {
                throw new InvalidOperationException("A call did not complete synchronously; the count would miss other threads' allocations.");
            }

            task.GetAwaiter().GetResult();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
    }
}
