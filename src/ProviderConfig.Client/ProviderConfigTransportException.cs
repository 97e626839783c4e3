using System.Globalization;

namespace ProviderConfig.Client;

/// <summary>
/// No response came from the gateway: the connection failed or was reset, or the attempt or total timeout elapsed,
/// on every attempt the retry policy allowed.
/// </summary>
public class ProviderConfigTransportException : ProviderConfigException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The request path.</param>
    /// <param name="reason">What went wrong on the last attempt, for example "the connection was refused".</param>
    /// <param name="attempts">How many attempts were sent.</param>
    /// <param name="innerException">The last transport error.</param>
    public ProviderConfigTransportException(string method, string path, string reason, int attempts, Exception? innerException)
        : base(string.Create(CultureInfo.InvariantCulture, $"{method} {path} got no response from the gateway after {attempts} attempt{(attempts == 1 ? string.Empty : "s")}: {reason}"), innerException)
    {
        Method = method;
        Path = path;
        Reason = reason;
        Attempts = attempts;
    }

    /// <summary>The HTTP method of the call.</summary>
    public string Method { get; }

    /// <summary>The request path of the call.</summary>
    public string Path { get; }

    /// <summary>What went wrong on the last attempt.</summary>
    public string Reason { get; }

    /// <summary>How many attempts were sent, retries included.</summary>
    public int Attempts { get; }
}
