namespace ProviderConfig.Client.Declarative;

/// <summary>What a <see cref="PlanStep"/> does to a provider or a key.</summary>
public enum PlanAction
{
    /// <summary>Creates a provider or a key the gateway does not have.</summary>
    Create,

    /// <summary>Changes the fields the plan lists on an existing provider or key (read-modify-write).</summary>
    Update,

    /// <summary>Deletes a provider (with its keys) or a key the desired state does not list; only with pruning.</summary>
    Delete,
}
