namespace ProviderConfig.Client.Declarative;

/// <summary>
/// A desired-state file or plan that cannot be used: a file that is not valid JSON or misses a name, an unknown provider,
/// or a masked secret that cannot be carried to this gateway. <see cref="Problems"/> lists each one on its own.
/// </summary>
public sealed class DesiredStateException : ProviderConfigException
{
    /// <summary>Creates the exception with one problem.</summary>
    /// <param name="message">The problem, one line.</param>
    public DesiredStateException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with one problem and its cause.</summary>
    /// <param name="message">The problem, one line.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DesiredStateException(string message, Exception? innerException)
        : base(message, innerException) => Problems = [message];

    internal DesiredStateException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>Every problem found, one line each, naming the provider, key and field concerned.</summary>
    public IReadOnlyList<string> Problems { get; }
}
