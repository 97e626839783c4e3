// The ProviderConfig.Client walkthrough.
//
//   dotnet run --project samples/ProviderConfig.Sample                 embedded stub gateway, full walkthrough
//   ProviderConfig__BaseAddress=https://bifrost.example.com \
//   ProviderConfig__ApiKey=... dotnet run --project samples/ProviderConfig.Sample -- openai [--apply]
//                                                                      a real gateway: read-only unless --apply
//   dotnet run --project samples/ProviderConfig.Sample -- --serve      only start the stub gateway and print its address
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProviderConfig.Client;
#if EMBEDDED_STUB
using ProviderConfig.Client.Testing;
#endif
using ProviderConfig.Sample;

var apply = args.Contains("--apply");
var providerArg = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var section = configuration.GetSection(ProviderConfigClientOptions.DefaultSectionName);
var useStub = string.IsNullOrEmpty(section["BaseAddress"]);

#if EMBEDDED_STUB
await using var stub = useStub || args.Contains("--serve") ? BifrostStubServer.Start(new BifrostStubOptions { ApiKey = "sample-key" }) : null;
if (stub is not null && args.Contains("--serve"))
{
    Console.WriteLine($"Stub gateway listening on {stub.BaseAddress} (API key: sample-key). Press Enter or close stdin to stop.");
    await Console.In.ReadLineAsync();
    return 0;
}
#else
if (useStub)
{
    Console.Error.WriteLine("Configuration error: this NativeAOT build has no embedded stub gateway (WireMock.Net is not AOT-compatible); set ProviderConfig__BaseAddress.");
    return 2;
}
#endif

var services = new ServiceCollection();
services.AddLogging(b => b
    .AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; })
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Polly", LogLevel.None)); // the SDK logs each retry itself, in one line
#if EMBEDDED_STUB
if (stub is not null)
{
    services.AddProviderConfigClient(o =>
    {
        o.BaseAddress = stub.BaseAddress;
        o.ApiKey = "sample-key";
        o.Retry.RetryBackoffInitial = TimeSpan.FromMilliseconds(200);
    });
}
else
#endif
{
    services.AddProviderConfigClient(section);
}

await using var provider = services.BuildServiceProvider();
IProviderConfigClient client;
try
{
    client = provider.GetRequiredService<IProviderConfigClient>();
    _ = provider.GetRequiredService<IOptions<ProviderConfigClientOptions>>().Value;
}
catch (Exception ex) when (ex is OptionsValidationException or InvalidOperationException)
{
    Console.Error.WriteLine($"Configuration error: {ex.Message}");
    return 2;
}

var options = provider.GetRequiredService<IOptions<ProviderConfigClientOptions>>().Value;
try
{
#if EMBEDDED_STUB
    if (stub is not null)
    {
        Console.WriteLine($"No gateway configured (ProviderConfig__BaseAddress is not set), so this walkthrough talks to the");
        Console.WriteLine($"embedded stub gateway at {stub.BaseAddress}: a stand-in that behaves like Bifrost, not a real gateway.");
        await Walkthrough.RunAgainstStubAsync(client, stub);
    }
    else
#endif
    {
        Console.WriteLine($"Talking to the gateway at {options.BaseAddress} ({(apply ? "changes WILL be applied" : "read-only; pass --apply to write")}).");
        await Walkthrough.RunAgainstGatewayAsync(client, providerArg ?? "openai", apply);
    }

    return 0;
}
catch (ProviderConfigException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}
catch (HttpRequestException ex) when (ex.StatusCode is null)
{
    Console.Error.WriteLine($"Could not reach the gateway: {ex.Message}");
    return 1;
}
