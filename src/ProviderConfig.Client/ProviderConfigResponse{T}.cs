using System.Net;

namespace ProviderConfig.Client;

/// <summary>The value a call returned, with the status, headers and request id of the gateway's answer (<see cref="ProviderConfigResponse"/>).</summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ProviderConfigResponse<T> : ProviderConfigResponse
{
    /// <summary>Creates a response, for tests and mocks of the <c>...WithResponseAsync</c> methods.</summary>
    /// <param name="value">The value.</param>
    /// <param name="statusCode">The status.</param>
    /// <param name="headers">The headers, used as given (keep them case-insensitive); none when null.</param>
    /// <param name="requestId">The request id; none when null.</param>
    public ProviderConfigResponse(T value, HttpStatusCode statusCode, IReadOnlyDictionary<string, string>? headers = null, string? requestId = null)
        : base(statusCode, headers, requestId)
    {
        Value = value;
    }

    internal ProviderConfigResponse(T value, ProviderConfigResponse metadata)
        : base(metadata.StatusCode, metadata.Headers, metadata.RequestId)
    {
        Value = value;
    }

    /// <summary>What the call returned; what the plain method (without <c>WithResponse</c>) returns.</summary>
    public T Value { get; }
}
