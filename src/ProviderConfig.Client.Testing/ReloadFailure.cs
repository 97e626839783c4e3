using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// A PUT the gateway persists but then fails to hot-reload (contract 2.3): the row is stored with
/// <c>provider_status: "error"</c> and the request answers 500.
/// </summary>
internal sealed class ReloadFailure(JsonObject stored, string message) : Exception(message)
{
    public JsonObject Stored { get; } = stored;
}
