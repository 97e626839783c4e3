using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// <c>mergeUpdatedKey</c> of <c>PUT /api/providers/{provider}/keys/{key_id}</c> (management contract 3.4 step 7): a full
/// replacement that starts from the body, with the masked-secret restore of the emulated era.
/// </summary>
internal static class KeyMerge
{
    /// <summary>The key to store, before validation; throws <see cref="ValidationFailure"/> for a mask without a stored value.</summary>
    /// <param name="stored">The stored key.</param>
    /// <param name="body">The request body as sent (for the exact-echo comparison of older eras).</param>
    /// <param name="sent">The body decoded by <see cref="KeyReader.Read"/>.</param>
    /// <param name="keyId">The path's key id, which wins over the body's.</param>
    /// <param name="shape">The emulated era.</param>
    public static JsonObject Merge(JsonObject stored, JsonObject body, JsonObject sent, string keyId, SecretValueShape shape)
    {
        var merged = sent;
        merged["id"] = keyId;
        RestoreSecret(KeyFieldKind.Masked, KeySchema.Value, body[KeySchema.Value], stored[KeySchema.Value], merged, KeySchema.Value, shape);
        foreach (var block in KeySchema.Blocks)
        {
            if (merged[block.Name] is not JsonObject target || body[block.Name] is not JsonObject given)
            {
                continue;
            }

            foreach (var field in block.Fields.Where(f => f.IsSecret || f.IsRestored))
            {
                if (given[field.Name] is { } node)
                {
                    RestoreSecret(field.Kind, field.Name, node, (stored[block.Name] as JsonObject)?[field.Name], target, $"{block.Name}.{field.Name}", shape);
                }
            }
        }

        // The newest gateway keeps the stored name when the body's is empty; older ones stored the empty name.
        if (shape == SecretValueShape.SecretVarObject && merged["name"]!.GetValue<string>().Length == 0)
        {
            merged["name"] = stored["name"]?.DeepClone();
        }

        // Read-only members come from storage; description comes from the body.
        foreach (var readOnly in new[] { "config_hash", "status" })
        {
            merged.Remove(readOnly);
            if (stored[readOnly] is { } value)
            {
                merged[readOnly] = value.DeepClone();
            }
        }

        // The only block kept when the body leaves it out.
        if (merged[KeySchema.Replicate] is null && stored[KeySchema.Replicate] is { } replicate)
        {
            merged[KeySchema.Replicate] = replicate.DeepClone();
        }

        // TableKey.BeforeSave's default applies to an update that leaves enabled out.
        merged["enabled"] ??= true;
        return KeyReader.Canonical(merged);
    }

    /// <summary>
    /// The restore-if-masked rule by era. Newest (SecretVar era): any mask-shaped literal restores the stored value, and is
    /// a 400 when nothing is stored. Older eras: only an exact echo of what GET shows now (in the era's shape) restores;
    /// anything else, a mask included, is stored as sent.
    /// </summary>
    private static void RestoreSecret(KeyFieldKind kind, string name, JsonNode? bodyNode, JsonNode? storedNode, JsonObject target, string path, SecretValueShape shape)
    {
        if (bodyNode is null)
        {
            return;
        }

        if (kind == KeyFieldKind.RedactedPath)
        {
            // A plain string shown as the literal <REDACTED>: only exactly that restores it.
            if (bodyNode.GetValue<string>() != Masking.Redacted)
            {
                return;
            }

            if (storedNode is not null)
            {
                target[name] = storedNode.DeepClone();
            }
            else if (shape == SecretValueShape.SecretVarObject)
            {
                throw MaskWithoutStoredValue(path);
            }

            return;
        }

        var sent = Secret.Read(bodyNode, path)!;
        var current = KeyReader.StoredSecret(storedNode);
        if (kind != KeyFieldKind.ClearSecret)
        {
            if (shape == SecretValueShape.SecretVarObject)
            {
                // IsMaskedPlaceholder: mask-shaped and not an env/vault reference.
                if (!sent.IsReference && Masking.LooksRedacted(sent.Value, isReference: false))
                {
                    target[name] = KeyReader.IsSet(current) ? current!.ToStored() : throw MaskWithoutStoredValue(path);
                    return;
                }
            }
            else if (current is not null
                && Masking.LooksRedacted(sent.Value, sent.IsReference)
                && IsExactEcho(bodyNode, KeyView.RenderSecret(kind, current, shape), shape))
            {
                target[name] = current.ToStored();
                return;
            }
        }

        // Not restored. A reference is re-resolved by the gateway; the stub does not read the environment, so the same
        // reference keeps the value it resolved to before.
        if (sent.IsReference && current is not null && current.Ref == sent.Ref)
        {
            target[name] = current.ToStored();
        }
    }

    /// <summary>
    /// Go's <c>Equals()</c> against the current rendering, in the era's shape: PlainString compares the bare strings;
    /// EnvVarObject needs an object whose value, env_var and from_env (and vault members) match, a missing member being its
    /// zero value. A secret re-serialized into another shape is not an echo.
    /// </summary>
    private static bool IsExactEcho(JsonNode sent, JsonNode rendered, SecretValueShape shape)
    {
        if (shape == SecretValueShape.PlainString)
        {
            return sent is JsonValue && rendered is JsonValue && JsonNode.DeepEquals(sent, rendered);
        }

        if (sent is not JsonObject given || rendered is not JsonObject shown)
        {
            return false;
        }

        foreach (var (member, value) in shown)
        {
            JsonNode zero = value is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                ? JsonValue.Create(false)
                : JsonValue.Create(string.Empty);
            if (!JsonNode.DeepEquals(given[member] ?? zero, value))
            {
                return false;
            }
        }

        return true;
    }

    private static ValidationFailure MaskWithoutStoredValue(string path)
        => new(400, $"masked preview cannot be used for {path} without a stored value");
}
