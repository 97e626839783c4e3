namespace ProviderConfig.Client.Testing;

/// <summary>A request the stub received, as recorded by <see cref="BifrostStubServer.Requests"/>. Holds no credential.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Path">The request target as sent (still URL-escaped, with any query string), e.g. <c>/api/providers/openai</c>.</param>
/// <param name="Headers">
/// The request headers (names case-insensitive, repeated values joined with <c>", "</c>). <c>Authorization</c> holds only
/// its scheme (see <see cref="AuthorizationScheme"/>), never the credential.
/// </param>
/// <param name="AuthorizationScheme">The scheme of the <c>Authorization</c> header (<c>Bearer</c>, <c>Basic</c>, ...), or null when none was sent.</param>
/// <param name="Body">The request body as text, or null when it had none.</param>
/// <param name="ReceivedAt">When the stub received the request.</param>
public sealed record StubRequest(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    string? AuthorizationScheme,
    string? Body,
    DateTimeOffset ReceivedAt);
