using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Http;

/// <summary>
/// The gateway's error body: a <c>BifrostError</c> (<c>{"is_bifrost_error", "status_code", "error": {"message"}}</c>),
/// or the older <c>{"error": "...", "message": "..."}</c> shape. <c>error</c> is read as raw JSON because its shape varies.
/// </summary>
internal sealed class BifrostErrorBody
{
    [JsonPropertyName("is_bifrost_error")]
    public bool? IsBifrostError { get; set; }

    [JsonPropertyName("status_code")]
    public int? StatusCode { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("event_id")]
    public string? EventId { get; set; }

    [JsonPropertyName("error")]
    public JsonElement? Error { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
