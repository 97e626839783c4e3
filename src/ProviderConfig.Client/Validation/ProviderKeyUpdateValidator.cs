using System.Text.Json;

namespace ProviderConfig.Client.Validation;

/// <summary>
/// The checks on a key update that guard against data loss only (the gateway checks everything else itself, with rules
/// that change between its versions): a <c>models</c> list that would silently deny every model, and masked secrets
/// that the gateway would store as the credential (contract §3.4, §10).
/// </summary>
internal static class ProviderKeyUpdateValidator
{
    public static List<ProviderValidationError> Validate(ProviderKeyUpdate update, ProviderName? provider, string? keyId)
    {
        var errors = new List<ProviderValidationError>();
        var source = update.Source;
        if (update.Models is null)
        {
            errors.Add(new("models", "is required: the gateway takes a missing list as 'no model may use this key'; use KeyModels.All, a list of models, or KeyModels.None"));
        }
        else if (update.Models.Count == 0 && !KeyModels.IsNone(update.Models) && source?.Models is not { Count: 0 })
        {
            errors.Add(new("models", "is empty, which denies every model on gateways since v1.5; use KeyModels.None if that is meant, or KeyModels.All for every model"));
        }

        // A mask may go back only to the field of the key (and provider) it was read from.
        var sameKey = source is not null
            && source.IsReadFromGateway
            && (keyId is null || string.Equals(source.Id, keyId, StringComparison.Ordinal))
            && (provider is null || source.Provider is null || source.Provider == provider);
        var originals = sameKey ? source!.SecretFields().Where(static f => f.Value is not null).ToDictionary(static f => f.Path, static f => f.Value!, StringComparer.Ordinal) : null;
        foreach (var (path, secret) in update.SecretFields())
        {
            if (secret is null || secret.Reference is not null || !SecretValue.LooksLikeMask(secret.RevealValue()))
            {
                continue;
            }

            if (originals is not null && originals.TryGetValue(path, out var original) && JsonElement.DeepEquals(secret.Json, original.Json))
            {
                continue; // the mask goes back to the field it was read from: the gateway restores the stored secret
            }

            var where = source is null
                ? "not read from the gateway"
                : !source.IsReadFromGateway
                    ? "loaded from saved JSON or built in code, so not known to be what the gateway shows for this field now; read the key and set the saved values on what was read"
                    : !sameKey
                        ? $"read from key '{source.Id}'{(source.Provider is { } p ? $" of provider '{p}'" : string.Empty)}, not from this key"
                        : "not the value read for this field";
            errors.Add(new(path, $"is a mask ({where}) that the gateway would store as the credential; send the value read for this field unchanged, or a new secret (SecretValue.Plain, SecretValue.FromEnvironment)"));
        }

        return errors;
    }
}
