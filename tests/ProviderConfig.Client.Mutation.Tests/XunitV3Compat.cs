namespace Xunit;

/// <summary>
/// The one xunit v3 API the linked tests use that xunit 2 lacks: <c>TestContext.Current.CancellationToken</c>. Here it
/// is a token that is never cancelled (xunit 2 has no per-test token); the tests bound their own waits.
/// </summary>
internal sealed class TestContext
{
    public static TestContext Current { get; } = new();

#pragma warning disable CA1822 // an instance member, as in xunit v3
    public CancellationToken CancellationToken => CancellationToken.None;
#pragma warning restore CA1822
}
