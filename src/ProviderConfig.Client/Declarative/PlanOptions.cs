namespace ProviderConfig.Client.Declarative;

/// <summary>How <see cref="DesiredStatePlanner.PlanAsync"/> compares a desired state with the gateway.</summary>
public sealed class PlanOptions
{
    /// <summary>
    /// Delete providers, and keys of listed providers, that the gateway has and the desired state does not list.
    /// Off by default: without it a plan only creates and updates.
    /// </summary>
    public bool Prune { get; init; }

    /// <summary>
    /// Treat a plain secret in the desired state as unchanged when the gateway has a value for that field. The gateway
    /// masks what it stores, so a plain secret cannot be compared; by default it is planned as "will be set".
    /// </summary>
    public bool SkipUnknowableSecrets { get; init; }
}
