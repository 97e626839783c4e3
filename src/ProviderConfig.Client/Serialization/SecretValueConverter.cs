using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Serialization;

/// <summary>Reads a secret in any wire shape and writes back exactly the JSON it holds.</summary>
internal sealed class SecretValueConverter : JsonConverter<SecretValue>
{
    public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return SecretValue.FromJson(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options)
        => value.Json.WriteTo(writer);
}
