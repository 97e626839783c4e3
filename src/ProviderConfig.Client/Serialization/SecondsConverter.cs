using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Serialization;

/// <summary><c>*_in_seconds</c> fields: an integer number of seconds on the wire (fractions are truncated on write).</summary>
internal sealed class SecondsConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new JsonException($"Expected a whole number of seconds but found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
        => writer.WriteNumberValue(value.Ticks / TimeSpan.TicksPerSecond);
}
