using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>Plain HttpClient calls against a <see cref="BifrostStubServer"/>: the stub is tested as a server, not through the SDK.</summary>
internal sealed class StubHttp : IDisposable
{
    private readonly HttpClient _http;

    public StubHttp(BifrostStubServer stub, string? authorization = null)
    {
        _http = new HttpClient { BaseAddress = stub.BaseAddress };
        if (authorization is not null)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><c>/api/providers/{provider}/keys</c>.</summary>
    public static string KeysPath(string provider) => $"/api/providers/{provider}/keys";

    /// <summary><c>/api/providers/{provider}/keys/{keyId}</c>.</summary>
    public static string KeyPath(string provider, string keyId) => $"/api/providers/{provider}/keys/{keyId}";

    public Task<StubAnswer> GetAsync(string provider) => SendAsync(HttpMethod.Get, "/api/providers/" + provider, null);

    public Task<StubAnswer> PutAsync(string provider, string body) => SendAsync(HttpMethod.Put, "/api/providers/" + provider, body);

    public Task<StubAnswer> PutAsync(string provider, JsonNode body) => PutAsync(provider, body.ToJsonString());

    /// <summary>GET of any path, e.g. <c>/api/providers/openai/keys</c>.</summary>
    public Task<StubAnswer> GetPathAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    /// <summary>POST of any path; a null body sends none (refresh-models).</summary>
    public Task<StubAnswer> PostAsync(string path, string? body) => SendAsync(HttpMethod.Post, path, body);

    public Task<StubAnswer> PostAsync(string path, JsonNode body) => PostAsync(path, body.ToJsonString());

    /// <summary>PUT of any path, e.g. <c>/api/providers/openai/keys/{id}</c>.</summary>
    public Task<StubAnswer> PutPathAsync(string path, string body) => SendAsync(HttpMethod.Put, path, body);

    public Task<StubAnswer> PutPathAsync(string path, JsonNode body) => PutPathAsync(path, body.ToJsonString());

    public Task<StubAnswer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<StubAnswer> SendAsync(HttpMethod method, string path, string? body, string? authorization = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        return new StubAnswer(response.StatusCode, text, response.Content.Headers.ContentType, response.Headers.RetryAfter);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A response from the stub, read completely.</summary>
internal sealed record StubAnswer(HttpStatusCode Status, string Text, MediaTypeHeaderValue? ContentType, RetryConditionHeaderValue? RetryAfter)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public string? ErrorMessage => Json["error"]?["message"]?.GetValue<string>();
}
