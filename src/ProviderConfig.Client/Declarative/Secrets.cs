using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Declarative;

/// <summary>How the desired-state planner reads the secret fields of providers and keys.</summary>
internal static class Secrets
{
    public static IEnumerable<(string Path, SecretValue? Secret)> OfProvider(ProviderUpdate update)
    {
        yield return ("network_config.ca_cert_pem", update.NetworkConfig?.CaCertPem);
        yield return ("proxy_config.url", update.ProxyConfig?.Url);
        yield return ("proxy_config.username", update.ProxyConfig?.Username);
        yield return ("proxy_config.password", update.ProxyConfig?.Password);
        yield return ("proxy_config.ca_cert_pem", update.ProxyConfig?.CaCertPem);
    }

    /// <summary>A mask of a stored plain secret (not a reference, which is carried by name).</summary>
    public static bool IsMask(SecretValue? secret)
        => secret is not null && secret.Reference is null && SecretValue.LooksLikeMask(secret.RevealValue());

    public static string Describe(ProviderName provider, string? key)
        => key is null ? $"provider '{provider}'" : $"provider '{provider}' key '{key}'";

    public static SecretValue? Read(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(node.ToJsonString());
        var element = document.RootElement;
        return element.ValueKind is JsonValueKind.String or JsonValueKind.Object ? SecretValue.FromJson(element.Clone()) : null;
    }
}
