namespace ProviderConfig.Client.Http;

/// <summary>
/// The gateway operations the SDK calls. Each carries its retry rule, so that the one resilience handler of the client
/// can treat a read, a replace and a create differently (contract §4.1, management §10).
/// </summary>
/// <remarks>A byte, so that <see cref="CallState"/> (one per call) keeps its size with its host-code flag beside it.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1028:Enum Storage should be Int32", Justification = "Saves 8 bytes of every call's state.")]
internal enum Operation : byte
{
    GetProvider,
    UpdateProvider,
    ListProviders,
    CreateProvider,
    DeleteProvider,
    ListKeys,
    GetKey,
    CreateKey,
    UpdateKey,
    DeleteKey,
    RefreshModels,
    RefreshKeyModels,
}

/// <summary>The retry rule of each <see cref="Operation"/>.</summary>
internal static class OperationRules
{
    /// <summary>
    /// Whether a 500 is retried. Not for writes: the gateway's 500 on a PUT or POST is deterministic (a failed reload or
    /// store write), and each replay would run the provider's hot reload and model discovery again.
    /// </summary>
    public static bool RetriesServerError(this Operation operation)
        => operation is not (Operation.UpdateProvider or Operation.CreateProvider or Operation.UpdateKey or Operation.CreateKey);

    /// <summary>Whether a 409 is retried: only a model refresh, whose 409 means "a refresh is already running".</summary>
    public static bool RetriesConflict(this Operation operation) => operation is Operation.RefreshModels or Operation.RefreshKeyModels;
}
