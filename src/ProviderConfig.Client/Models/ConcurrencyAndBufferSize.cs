using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>The gateway's worker and queue sizes for a provider (<c>concurrency_and_buffer_size</c>).</summary>
public sealed record ConcurrencyAndBufferSize
{
    /// <summary>Number of concurrent workers (<c>concurrency</c>). At least 1, and not above <see cref="BufferSize"/>.</summary>
    [JsonPropertyName("concurrency")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Concurrency { get; init; }

    /// <summary>Size of the request queue (<c>buffer_size</c>). At least 1.</summary>
    [JsonPropertyName("buffer_size")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int BufferSize { get; init; }

    /// <summary>Fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
