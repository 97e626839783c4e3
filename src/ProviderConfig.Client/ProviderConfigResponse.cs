using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Net;

namespace ProviderConfig.Client;

/// <summary>
/// What the gateway answered to a successful call besides its value: the status, the response headers and the request
/// id, for an audit log of configuration changes or a support ticket. Returned by the <c>...WithResponseAsync</c>
/// methods of <see cref="IProviderConfigClient"/> (<see cref="ProviderConfigResponse{T}"/> when the call returns a value).
/// </summary>
/// <remarks>
/// <para>
/// Why a <c>...WithResponseAsync</c> family, one per operation, beside the plain methods: the plain methods keep
/// returning just the value and pay nothing for this (copying the headers costs a dictionary and a string per header on
/// every call); the models stay what the gateway stores, with no transport details in them; and every operation has the
/// same shape, <c>virtual</c> with the cancellation token last (as the Azure SDK's <c>Response&lt;T&gt;</c> methods).
/// Both go through one implementation per operation, which copies the metadata only when it is asked for. A failed call
/// has no response object: its exception (<see cref="ProviderConfigApiException"/>) carries the status and request id.
/// </para>
/// <para>
/// An operation that makes several requests (a read-modify-write, a create or delete made safe to replay) reports the
/// request that produced the returned value; each method's remarks say which.
/// </para>
/// <para>
/// The headers are copied out when the response arrives (the response itself is disposed): response and content
/// headers, never request headers, and never the ones that can carry a credential (<c>Set-Cookie</c>,
/// <c>Set-Cookie2</c>, <c>Cookie</c>, <c>Authorization</c>, <c>Proxy-Authorization</c>). Names are compared
/// case-insensitively; a header sent several times has its values joined with <c>", "</c>.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public class ProviderConfigResponse
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Set-Cookie2", "Cookie", "Authorization", "Proxy-Authorization",
    };

    /// <summary>Creates response metadata, for tests and mocks of the <c>...WithResponseAsync</c> methods.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="headers">The headers, used as given (keep them case-insensitive); none when null.</param>
    /// <param name="requestId">The request id; none when null.</param>
    public ProviderConfigResponse(HttpStatusCode statusCode, IReadOnlyDictionary<string, string>? headers = null, string? requestId = null)
    {
        StatusCode = statusCode;
        Headers = headers ?? NoHeaders;
        RequestId = requestId;
    }

    /// <summary>The status of the gateway's answer, for example 200.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The response and content headers of the answer, copied out; names compared case-insensitively; credential-bearing headers left out.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The gateway's id for the request (<c>x-request-id</c>, else <c>x-bifrost-trace-id</c>), as an error would report it; null when the answer had none.</summary>
    public string? RequestId { get; }

    /// <summary>The status and the request id, for a log line; never a header value.</summary>
    public override string ToString()
        => RequestId is null
            ? FormattableString.Invariant($"{(int)StatusCode} {StatusCode}")
            : FormattableString.Invariant($"{(int)StatusCode} {StatusCode}, request id {RequestId}");

    /// <summary>Copies the metadata out of <paramref name="response"/>, which may be disposed afterwards.</summary>
    internal static ProviderConfigResponse From(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        Copy(response.Headers.NonValidated, headers);
        Copy(response.Content.Headers.NonValidated, headers);
        var requestId = headers.GetValueOrDefault("x-request-id") ?? headers.GetValueOrDefault("x-bifrost-trace-id");
        return new ProviderConfigResponse(response.StatusCode, new ReadOnlyDictionary<string, string>(headers), requestId);
    }

    private static void Copy(System.Net.Http.Headers.HttpHeadersNonValidated from, Dictionary<string, string> to)
    {
        foreach (var (name, values) in from)
        {
            if (!CredentialHeaders.Contains(name))
            {
                to[name] = values.ToString();
            }
        }
    }
}
