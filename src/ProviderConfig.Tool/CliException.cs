namespace ProviderConfig.Tool;

/// <summary>A usage problem the tool reports as one line (exit code 1).</summary>
internal sealed class CliException(string message) : Exception(message);
