using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client.Serialization;

/// <summary>Reads each alias as a bare string or an object and writes it back in the form it was read.</summary>
internal sealed class KeyAliasesConverter : JsonConverter<IReadOnlyDictionary<string, KeyAlias>>
{
    public override IReadOnlyDictionary<string, KeyAlias>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected the key's aliases as a JSON object but found {reader.TokenType}.");
        }

        var aliases = new Dictionary<string, KeyAlias>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            aliases[name] = reader.TokenType == JsonTokenType.String
                ? new KeyAlias { ModelId = reader.GetString()!, PrefersString = true }
                : JsonSerializer.Deserialize(ref reader, ProviderConfigJsonContext.Default.KeyAlias)
                    ?? throw new JsonException($"The alias '{name}' is null; expected a string or an object.");
        }

        return aliases;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, KeyAlias> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (name, alias) in value)
        {
            writer.WritePropertyName(name);
            if (alias.WritesAsString)
            {
                writer.WriteStringValue(alias.ModelId);
            }
            else
            {
                JsonSerializer.Serialize(writer, alias, ProviderConfigJsonContext.Default.KeyAlias);
            }
        }

        writer.WriteEndObject();
    }
}
