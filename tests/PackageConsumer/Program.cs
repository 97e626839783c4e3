// Proves the packages work as packages: DI registration, a GET and a read-modify-write against the packaged stub.
using Microsoft.Extensions.DependencyInjection;
using ProviderConfig.Client;
using ProviderConfig.Client.Testing;

await using var gateway = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = "consumer-key" });
var services = new ServiceCollection();
services.AddProviderConfigClient(o =>
{
    o.BaseAddress = gateway.BaseAddress;
    o.ApiKey = "consumer-key";
});
await using var provider = services.BuildServiceProvider();
var client = provider.GetRequiredService<IProviderConfigClient>();

var before = await client.GetProviderAsync(ProviderName.OpenAI);
var after = await client.UpdateProviderAsync(ProviderName.OpenAI, u => u with { NetworkConfig = u.NetworkConfig with { MaxRetries = 2 } });
if (before.NetworkConfig.MaxRetries == after.NetworkConfig.MaxRetries || after.NetworkConfig.MaxRetries != 2)
{
    Console.Error.WriteLine($"package consumer: FAILED (max_retries {before.NetworkConfig.MaxRetries} -> {after.NetworkConfig.MaxRetries})");
    return 1;
}

Console.WriteLine($"package consumer: OK (ProviderConfig.Client {typeof(ProviderConfigClient).Assembly.GetName().Version}; max_retries {before.NetworkConfig.MaxRetries} -> {after.NetworkConfig.MaxRetries} via {gateway.BaseAddress})");
return 0;
