using System.Text.Json.Nodes;
using Refit;

namespace ProviderConfig.Client.Http;

/// <summary>
/// The gateway's provider-management endpoints, as a source-generated Refit interface. Responses come back raw so the
/// client can map every status and body to an SDK exception itself: Refit's <c>ApiException</c> holds the live request
/// with its <c>Authorization</c> header and must never reach a caller.
/// </summary>
internal interface IProviderConfigApi
{
    [Get("/api/providers/{provider}")]
    Task<HttpResponseMessage> GetProviderAsync(string provider, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Put("/api/providers/{provider}")]
    Task<HttpResponseMessage> UpdateProviderAsync(string provider, [Body] ProviderUpdate update, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Get("/api/providers")]
    Task<HttpResponseMessage> ListProvidersAsync([Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Post("/api/providers")]
    Task<HttpResponseMessage> CreateProviderAsync([Body] JsonObject payload, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Delete("/api/providers/{provider}")]
    Task<HttpResponseMessage> DeleteProviderAsync(string provider, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Get("/api/providers/{provider}/keys")]
    Task<HttpResponseMessage> ListKeysAsync(string provider, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Get("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> GetKeyAsync(string provider, string keyId, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Post("/api/providers/{provider}/keys")]
    Task<HttpResponseMessage> CreateKeyAsync(string provider, [Body] ProviderKeyUpdate key, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Put("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> UpdateKeyAsync(string provider, string keyId, [Body] ProviderKeyUpdate key, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Delete("/api/providers/{provider}/keys/{keyId}")]
    Task<HttpResponseMessage> DeleteKeyAsync(string provider, string keyId, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Post("/api/providers/{provider}/refresh-models")]
    Task<HttpResponseMessage> RefreshModelsAsync(string provider, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);

    [Post("/api/providers/{provider}/keys/{keyId}/refresh-models")]
    Task<HttpResponseMessage> RefreshKeyModelsAsync(string provider, string keyId, [Property(CallState.OptionsKeyName)] CallState state, CancellationToken cancellationToken);
}
