namespace ProviderConfig.Client.Testing;

/// <summary>A request the emulated handler rejects with a status and the gateway's exact message.</summary>
internal sealed class ValidationFailure(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
