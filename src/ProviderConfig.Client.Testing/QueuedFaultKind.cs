namespace ProviderConfig.Client.Testing;

/// <summary>What a queued fault does to each request it takes.</summary>
internal enum QueuedFaultKind
{
    /// <summary><see cref="BifrostStubServer.FailNext"/>: answer with a status and a Bifrost error body.</summary>
    Fail,

    /// <summary><see cref="BifrostStubServer.DelayNext"/>: wait, then handle the request.</summary>
    Delay,

    /// <summary><see cref="BifrostStubServer.ResetConnectionNext"/>: drop the connection before the gateway sees the request.</summary>
    ResetConnection,

    /// <summary><see cref="BifrostStubServer.DropResponseNext"/>: let the gateway handle the request, then drop the connection instead of answering.</summary>
    DropResponse,
}
