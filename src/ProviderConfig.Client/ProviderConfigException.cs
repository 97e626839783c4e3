namespace ProviderConfig.Client;

/// <summary>
/// The base of every error this SDK raises. Catch it to handle any failure of a provider-configuration call; catch a
/// subclass to handle one kind. Caller cancellation is never wrapped: it surfaces as an <see cref="OperationCanceledException"/>.
/// </summary>
/// <remarks>Messages never contain the API key, a password or a secret value.</remarks>
public class ProviderConfigException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public ProviderConfigException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ProviderConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public ProviderConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
