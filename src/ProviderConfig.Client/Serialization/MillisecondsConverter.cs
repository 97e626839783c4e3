using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Serialization;

/// <summary>
/// <c>retry_backoff_*</c>: written as integer milliseconds (truncated, as the gateway does); read from an integer
/// number of milliseconds or a Go duration string such as <c>"1.5s"</c>.
/// </summary>
internal sealed class MillisecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number when reader.TryGetInt64(out var milliseconds):
                return TimeSpan.FromMilliseconds(milliseconds);
            case JsonTokenType.String when GoDuration.TryParse(reader.GetString()!, out var duration):
                return duration;
            case JsonTokenType.String:
                throw new JsonException($"Expected a duration as integer milliseconds or a Go duration string such as \"500ms\" but found \"{reader.GetString()}\".");
            default:
                throw new JsonException($"Expected a duration as integer milliseconds or a Go duration string but found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.Ticks / TimeSpan.TicksPerMillisecond);
}
