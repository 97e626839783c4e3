namespace ProviderConfig.Client.Http;

/// <summary>
/// Collects the metadata of the answers of one <c>...WithResponseAsync</c> call: the send path overwrites it with each
/// answer, and an operation that makes several requests restores the one that produced its value where that is not
/// the last. Plain methods pass none, so they copy no headers.
/// </summary>
internal sealed class ResponseCapture
{
    /// <summary>The metadata of the answer that counts so far.</summary>
    public ProviderConfigResponse? Response { get; set; }

    public async Task<ProviderConfigResponse<T>> RespondAsync<T>(Task<T> call)
    {
        var value = await call.ConfigureAwait(false);
        return new ProviderConfigResponse<T>(value, Response ?? throw new InvalidOperationException("A call returned without an answer."));
    }

    public async Task<ProviderConfigResponse> RespondAsync(Task call)
    {
        await call.ConfigureAwait(false);
        return Response ?? throw new InvalidOperationException("A call returned without an answer.");
    }
}
