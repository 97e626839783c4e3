namespace ProviderConfig.Client.Testing;

/// <summary>
/// A PUT body the gateway could not decode into its payload struct (a wrong JSON type, a bad duration string). The
/// gateway swallows the decoder's detail and answers 400 <c>Invalid request payload</c>; <see cref="Exception.Message"/>
/// keeps the detail for debugging the stub itself.
/// </summary>
internal sealed class InvalidPayloadException(string detail) : Exception(detail);
