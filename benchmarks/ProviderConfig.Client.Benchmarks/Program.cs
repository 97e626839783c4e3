// Benchmarks (BenchmarkDotNet), a loopback load driver and a soak run; see docs/performance.md.
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- --filter '*' --job short
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- load [rounds] [requests]
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- layers [rounds] [requests] [concurrency]
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- allocs [requests] [concurrency]
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- exact [calls]
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- soak [requests] [concurrency] [faultRate]
//   dotnet run -c Release --project benchmarks/ProviderConfig.Client.Benchmarks -- list-bodies [directory]   (writes ListBenchmarks' two bodies)
using System.Globalization;
using BenchmarkDotNet.Running;
using ProviderConfig.Client.Benchmarks;

static int Arg(string[] args, int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

switch (args.FirstOrDefault())
{
    case "serve":
        await LoopbackServer.ServeAsync();
        return 0;
    case "load":
        await LoadDriver.RunAsync(rounds: Arg(args, 1, 5), requestsPerCell: Arg(args, 2, 20_000));
        return 0;
    case "layers":
        await LoadDriver.RunLayersAsync(rounds: Arg(args, 1, 5), requestsPerCell: Arg(args, 2, 20_000), concurrency: Arg(args, 3, 16));
        return 0;
    case "allocs":
        await AllocationProfile.RunAsync(requests: Arg(args, 1, 100_000), concurrency: Arg(args, 2, 16));
        return 0;
    case "exact":
        ExactAllocations.Run(calls: Arg(args, 1, 20_000));
        return 0;
    case "soak":
        return await Soak.RunAsync(
            requests: Arg(args, 1, 50_000),
            concurrency: Arg(args, 2, 64),
            faultRate: args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.10);
    case "list-bodies":
        var directory = args.Length > 1 ? args[1] : ".";
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(Path.Combine(directory, "list-providers-100.json"), ListFixture.ProvidersBody());
        await File.WriteAllBytesAsync(Path.Combine(directory, "list-keys-50.json"), ListFixture.KeysBody());
        Console.WriteLine($"Wrote list-providers-100.json and list-keys-50.json to {Path.GetFullPath(directory)}");
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(InMemoryBenchmarks).Assembly).Run(args);
        return 0;
}
