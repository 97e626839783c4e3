using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ProviderConfig.Client.Tests;

/// <summary>An in-memory primary handler: records every request (with its body) and answers from a queue or a function.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _responses = new();

    public List<RecordedRequest> Requests { get; } = [];

    public Func<HttpRequestMessage, HttpResponseMessage>? Default { get; set; }

    /// <summary>When set, every request without a queued answer waits until its attempt is cancelled.</summary>
    public bool HangByDefault { get; set; }

    public RecordingHandler Enqueue(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _responses.Enqueue((request, _) => Task.FromResult(respond(request)));
        return this;
    }

    /// <summary>The next request is answered by <paramref name="respond"/>, which sees the attempt's cancellation token.</summary>
    public RecordingHandler EnqueueAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _responses.Enqueue(respond);
        return this;
    }

    /// <summary>The next request waits until its attempt is cancelled (an attempt or total timeout, or the caller).</summary>
    public RecordingHandler EnqueueHang()
    {
        _responses.Enqueue(static async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
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
        HttpResponseMessage response;
        if (_responses.TryDequeue(out var respond))
        {
            response = await respond(request, cancellationToken);
        }
        else if (Default is not null)
        {
            response = Default(request);
        }
        else if (HangByDefault)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
        else
        {
            throw new InvalidOperationException("No response queued for " + request.RequestUri);
        }

        response.RequestMessage = request;
        return response;
    }
}

internal sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    string? Body);
