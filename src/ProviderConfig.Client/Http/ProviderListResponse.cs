using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Http;

/// <summary>The body of <c>GET /api/providers</c>: <c>{"providers": [...], "total": n}</c>.</summary>
internal sealed record ProviderListResponse
{
    [JsonPropertyName("providers")]
    public IReadOnlyList<ProviderConfiguration>? Providers { get; init; }
}
