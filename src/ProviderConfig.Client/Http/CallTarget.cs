namespace ProviderConfig.Client.Http;

/// <summary>What one call is about: the operation, its provider and key, and the request path for messages.</summary>
/// <param name="Operation">The operation; it decides the retry rule and how 404 and 409 are reported.</param>
/// <param name="Provider">The provider, or default for the provider list.</param>
/// <param name="KeyId">The key id in the path, if any.</param>
/// <param name="KeyName">The name of the key being written, if any (for the 409 message).</param>
internal readonly record struct CallTarget(Operation Operation, ProviderName Provider, string? KeyId = null, string? KeyName = null)
{
    private const string ProvidersPath = "/api/providers";

    /// <summary>The HTTP method of the operation.</summary>
    public string Method => Operation switch
    {
        Operation.GetProvider or Operation.ListProviders or Operation.ListKeys or Operation.GetKey => "GET",
        Operation.UpdateProvider or Operation.UpdateKey => "PUT",
        Operation.DeleteProvider or Operation.DeleteKey => "DELETE",
        _ => "POST",
    };

    /// <summary>The request path, for messages (built only when one is needed).</summary>
    public string Path => Operation switch
    {
        Operation.ListProviders or Operation.CreateProvider => ProvidersPath,
        Operation.GetProvider or Operation.UpdateProvider or Operation.DeleteProvider => ProviderPath,
        Operation.ListKeys or Operation.CreateKey => ProviderPath + "/keys",
        Operation.RefreshModels => ProviderPath + "/refresh-models",
        Operation.RefreshKeyModels => KeyPath + "/refresh-models",
        _ => KeyPath,
    };

    /// <summary>The activity name of the call, for example <c>GetProvider</c>.</summary>
    public string ActivityName => Operation.ToString();

    private string ProviderPath => ProvidersPath + "/" + Uri.EscapeDataString(Provider.Value ?? string.Empty);

    private string KeyPath => ProviderPath + "/keys/" + Uri.EscapeDataString(KeyId ?? string.Empty);
}
