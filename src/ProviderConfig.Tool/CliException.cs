namespace ProviderConfig.Tool;

/// <summary>A usage problem the tool reports as one line (exit code 1).</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException()
    {
    }

    /// <summary>Creates the exception with its one-line message.</summary>
    /// <param name="message">The problem.</param>
    public CliException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    /// <param name="message">The problem.</param>
    /// <param name="innerException">The cause.</param>
    public CliException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
