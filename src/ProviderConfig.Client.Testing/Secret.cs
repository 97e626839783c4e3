using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// A secret field normalized the way the gateway's <c>SecretVar</c> holds it: the value, the <c>env.</c>/<c>vault.</c>
/// reference it came from (if any) and its type (<c>plain_text</c>, <c>env</c>, <c>vault</c>). Stored as
/// <c>{"value", "ref"?, "type"}</c>.
/// </summary>
internal sealed record Secret(string Value, string Ref, string Type)
{
    public const string PlainText = "plain_text";

    public bool IsReference => Ref.Length > 0;

    /// <summary>Reads any accepted input shape: a bare string, <c>{value, ref, type}</c>, or the legacy objects.</summary>
    /// <returns>Null for JSON null.</returns>
    public static Secret? Read(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue<string>(out var text):
                return Masking.IsReference(text) ? new Secret(string.Empty, text, TypeOfReference(text)) : new Secret(text, string.Empty, PlainText);
            case JsonObject obj:
                var v = PayloadReader.ReadString(obj["value"], path + ".value");
                var reference = FirstNonEmpty(
                    PayloadReader.ReadString(obj["ref"], path + ".ref"),
                    PayloadReader.ReadString(obj["env_var"], path + ".env_var"),
                    PayloadReader.ReadString(obj["vault_var"], path + ".vault_var"),
                    PayloadReader.ReadString(obj["secret_ref"], path + ".secret_ref"));
                var type = PayloadReader.ReadString(obj["type"], path + ".type");
                if (reference.Length == 0 && Masking.IsReference(v))
                {
                    // {"value": "env.X"} without a ref: the value is itself the reference.
                    return new Secret(string.Empty, v, TypeOfReference(v));
                }

                if (type.Length == 0)
                {
                    type = reference.Length > 0 ? TypeOfReference(reference) : PlainText;
                }

                return new Secret(v, reference, type);
            default:
                throw new InvalidPayloadException($"{path}: a secret must be a string or an object");
        }
    }

    /// <summary>Reads a value this stub stored itself.</summary>
    public static Secret? FromStored(JsonNode? node) => Read(node, "stored");

    public JsonObject ToStored()
    {
        var obj = new JsonObject { ["value"] = Value };
        if (Ref.Length > 0)
        {
            obj["ref"] = Ref;
        }

        obj["type"] = Type;
        return obj;
    }

    /// <summary>This secret in the wire shape of <paramref name="shape"/>.</summary>
    public JsonNode ToWire(SecretValueShape shape)
    {
        switch (shape)
        {
            case SecretValueShape.PlainString:
                // Before April 2026 the field was a string; a reference is shown as the reference.
                return JsonValue.Create(IsReference ? Ref : Value);
            case SecretValueShape.EnvVarObject:
                var legacy = new JsonObject
                {
                    ["value"] = Value,
                    ["env_var"] = Type == "env" ? Ref : string.Empty,
                    ["from_env"] = Type == "env",
                };
                if (Type == "vault")
                {
                    legacy["vault_var"] = Ref;
                    legacy["from_vault"] = true;
                }

                return legacy;
            default:
                var current = new JsonObject { ["value"] = Value };
                if (Ref.Length > 0)
                {
                    current["ref"] = Ref;
                }

                if (Type.Length > 0)
                {
                    current["type"] = Type;
                }

                return current;
        }
    }

    private static string TypeOfReference(string reference) => reference.StartsWith("vault.", StringComparison.Ordinal) ? "vault" : "env";

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? string.Empty;
}
