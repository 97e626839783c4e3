using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Http;

/// <summary>The body of <c>GET .../keys</c> and <c>POST .../refresh-models</c>: <c>{"keys": [...] or null, "total": n}</c>.</summary>
internal sealed record ProviderKeyListResponse
{
    [JsonPropertyName("keys")]
    public IReadOnlyList<ProviderKey>? Keys { get; init; }
}
