// The ProviderConfig.Client walkthrough.
//
//   dotnet run --project samples/ProviderConfig.Sample                 embedded stub gateway, full walkthrough
//   ProviderConfig__BaseAddress=https://bifrost.example.com \
//   ProviderConfig__ApiKey=... dotnet run --project samples/ProviderConfig.Sample -- openai [--apply]
//                                                                      a real gateway: read-only unless --apply
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProviderConfig.Client;
using ProviderConfig.Client.Testing;
using ProviderConfig.Sample;

var apply = args.Contains("--apply");
var providerArg = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var section = configuration.GetSection(ProviderConfigClientOptions.DefaultSectionName);
var useStub = string.IsNullOrEmpty(section["BaseAddress"]);

await using var stub = useStub ? BifrostStubServer.Start(new BifrostStubOptions { ApiKey = "sample-key" }) : null;

var services = new ServiceCollection();
services.AddLogging(b => b
    .AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; })
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("Polly", LogLevel.None)); // the SDK logs each retry itself, in one line
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
    if (stub is not null)
    {
        Console.WriteLine($"No gateway configured (ProviderConfig__BaseAddress is not set), so this walkthrough talks to the");
        Console.WriteLine($"embedded stub gateway at {stub.BaseAddress}: a stand-in that behaves like Bifrost, not a real gateway.");
        await Walkthrough.RunAgainstStubAsync(client, stub);
    }
    else
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
