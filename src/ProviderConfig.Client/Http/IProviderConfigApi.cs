using Refit;

namespace ProviderConfig.Client.Http;

/// <summary>
/// The two endpoints, as a source-generated Refit interface. Responses come back raw so the client can map every
/// status and body to an SDK exception itself: Refit's <c>ApiException</c> holds the live request with its
/// <c>Authorization</c> header and must never reach a caller.
/// </summary>
internal interface IProviderConfigApi
{
    [Get("/api/providers/{provider}")]
    Task<HttpResponseMessage> GetProviderAsync(
        string provider,
        [Property(CallState.OptionsKeyName)] CallState state,
        CancellationToken cancellationToken);

    [Put("/api/providers/{provider}")]
    Task<HttpResponseMessage> UpdateProviderAsync(
        string provider,
        [Body] ProviderUpdate update,
        [Property(CallState.OptionsKeyName)] CallState state,
        CancellationToken cancellationToken);
}
