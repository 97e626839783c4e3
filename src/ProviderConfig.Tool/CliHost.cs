namespace ProviderConfig.Tool;

/// <summary>What the tool reads from its surroundings: environment variables and, for the apply prompt, a terminal.</summary>
internal sealed class CliHost
{
    /// <summary>The environment variables (BIFROST_API_KEY, ProviderConfig__*).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the apply confirmation is read from; <see langword="null"/> when there is no usable stdin.</summary>
    public TextReader? Input { get; init; }

    /// <summary>Whether stdin is a terminal a person can answer on.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Handlers for tests (the stub needs none); <see langword="null"/> in real runs.</summary>
    public Func<ProviderConfig.Client.ProviderConfigClientOptions, ProviderConfig.Client.IProviderConfigClient>? ClientFactory { get; init; }

    public static CliHost FromConsole()
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return new CliHost { Environment = variables, Input = Console.In, IsInteractive = !Console.IsInputRedirected };
    }
}
