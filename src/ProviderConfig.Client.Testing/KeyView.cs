using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// Builds a key as the gateway answers it from a stored key (<c>ProviderConfig.Redacted()</c>, management contract 1.1
/// and 1.3): struct order, secrets masked and written in the era's shape, <c>null</c> model lists as <c>[]</c>, the
/// batch/Anthropic flags always present, aliases in clear.
/// </summary>
internal static class KeyView
{
    public static JsonObject Render(JsonObject stored, SecretValueShape shape)
    {
        var view = new JsonObject
        {
            ["id"] = stored["id"]?.DeepClone() ?? string.Empty,
            ["name"] = stored["name"]?.DeepClone() ?? string.Empty,
            [KeySchema.Value] = RenderSecret(KeyFieldKind.Masked, KeyReader.StoredSecret(stored[KeySchema.Value]) ?? Empty, shape),
            [KeySchema.Models] = stored[KeySchema.Models]?.DeepClone() ?? new JsonArray(),
            [KeySchema.BlacklistedModels] = stored[KeySchema.BlacklistedModels]?.DeepClone() ?? new JsonArray(),
            ["weight"] = stored["weight"]?.DeepClone() ?? 0,
        };
        if (stored[KeySchema.Aliases] is JsonObject { Count: > 0 } aliases)
        {
            var shown = new JsonObject();
            foreach (var (source, alias) in aliases)
            {
                shown[source] = alias is JsonObject config ? RenderFields(config, KeySchema.AliasFields, shape) : alias?.DeepClone();
            }

            view[KeySchema.Aliases] = shown;
        }

        foreach (var block in KeySchema.Blocks)
        {
            if (stored[block.Name] is JsonObject given)
            {
                view[block.Name] = RenderFields(given, block.Fields, shape);
            }
        }

        if (stored["enabled"] is { } enabled)
        {
            view["enabled"] = enabled.DeepClone();
        }

        view["use_for_batch_api"] = stored["use_for_batch_api"]?.DeepClone() ?? false;
        view["use_anthropic_endpoints"] = stored["use_anthropic_endpoints"]?.DeepClone() ?? false;
        foreach (var text in new[] { "config_hash", "status", "description" })
        {
            if (stored[text] is { } value)
            {
                view[text] = value.DeepClone();
            }
        }

        return view;
    }

    /// <summary>What GET shows for a secret of <paramref name="kind"/> in <paramref name="shape"/>'s era.</summary>
    public static JsonNode RenderSecret(KeyFieldKind kind, Secret stored, SecretValueShape shape)
    {
        var masked = stored with { Value = Masking.Partial(stored.Value) };
        var shown = kind switch
        {
            KeyFieldKind.ClearSecret => stored,

            // Newer gateways show a literal Azure endpoint in clear and mask only a reference; older ones masked it always.
            KeyFieldKind.Endpoint when shape == SecretValueShape.SecretVarObject && !stored.IsReference => stored,
            _ => masked,
        };
        return shown.ToWire(shape);
    }

    private static readonly Secret Empty = new(string.Empty, string.Empty, string.Empty);

    private static JsonObject RenderFields(JsonObject stored, IEnumerable<KeyField> fields, SecretValueShape shape)
    {
        var view = new JsonObject();
        foreach (var field in fields)
        {
            var node = stored[field.Name];
            if (node is null && !field.AlwaysEmitted)
            {
                continue;
            }

            view[field.Name] = field.Kind switch
            {
                KeyFieldKind.Masked or KeyFieldKind.Endpoint or KeyFieldKind.ClearSecret => RenderSecret(field.Kind, KeyReader.StoredSecret(node) ?? Empty, shape),
                KeyFieldKind.RedactedPath => node is null ? string.Empty : Masking.Redacted,
                KeyFieldKind.Text => node?.DeepClone() ?? string.Empty,
                KeyFieldKind.Flag => node?.DeepClone() ?? false,
                _ => node?.DeepClone(),
            };
        }

        return view;
    }
}
