namespace ProviderConfig.Client.Benchmarks;

/// <summary>The contract's smallest and largest provider bodies.</summary>
public static class Fixture
{
    public const string Small = "small";
    public const string Large = "large";

    public static string FileName(string size) => size == Large ? "get-custom-provider-keyless.json" : "get-openai-defaults.json";

    public static string ProviderName(string size) => size == Large ? "acme-llm-gateway" : "openai";

    public static byte[] Bytes(string size) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", FileName(size)));
}
