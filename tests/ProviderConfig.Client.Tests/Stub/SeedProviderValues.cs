namespace ProviderConfig.Client.Tests.Stub;

/// <summary>The raw secrets the stub seeds (see the Testing package's SeedProviders), for assertions.</summary>
internal static class SeedProviderValues
{
    public const string BedrockPassword = ProviderConfig.Client.Testing.SeedProviders.BedrockProxyPassword;

    public const string CaCertPem = ProviderConfig.Client.Testing.SeedProviders.ExampleCaCertPem;

    public const string BedrockProxyUrl = "http://proxy.corp.example:3128";
}
