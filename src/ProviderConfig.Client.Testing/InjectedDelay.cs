namespace ProviderConfig.Client.Testing;

/// <summary>A queued <see cref="BifrostStubServer.DelayNext"/>: how many requests it still delays, and by how much.</summary>
internal sealed class InjectedDelay(int remaining, TimeSpan delay)
{
    public int Remaining { get; set; } = remaining;

    public TimeSpan Delay { get; } = delay;
}
