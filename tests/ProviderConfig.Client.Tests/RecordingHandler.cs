using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ProviderConfig.Client.Tests;

/// <summary>An in-memory primary handler: records every request (with its body) and answers from a queue or a function.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public Func<HttpRequestMessage, HttpResponseMessage>? Default { get; set; }

    public RecordingHandler Enqueue(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _responses.Enqueue(respond);
        return this;
    }

    public RecordingHandler EnqueueJson(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null)
        => Enqueue(_ =>
        {
            var response = Json(status, json);
            configure?.Invoke(response);
            return response;
        });

    public static HttpResponseMessage Json(HttpStatusCode status, string json)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase),
                request.Content?.Headers.ContentType?.MediaType,
                body));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (_responses.TryDequeue(out var respond) || (respond = Default!) is not null)
        {
            var response = respond(request);
            response.RequestMessage = request;
            return response;
        }

        throw new InvalidOperationException("No response queued for " + request.RequestUri);
    }
}

internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string? Body);
