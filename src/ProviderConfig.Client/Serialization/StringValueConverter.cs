using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Serialization;

/// <summary>Reads and writes an extensible enum as its plain JSON string; an unknown value never throws.</summary>
internal sealed class StringValueConverter<T> : JsonConverter<T>
    where T : struct, IStringValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name} but found {reader.TokenType}.");
        }

        return T.FromWire(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Value);

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => T.FromWire(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WritePropertyName(value.Value);
}
