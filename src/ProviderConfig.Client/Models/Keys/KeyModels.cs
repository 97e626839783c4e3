using System.Collections;

namespace ProviderConfig.Client;

/// <summary>
/// The two special values of a key's <see cref="ProviderKeyUpdate.Models"/> (and <see cref="ProviderKeyUpdate.BlacklistedModels"/>).
/// Since gateway v1.5 an empty <c>models</c> list means <em>no</em> model may use the key, and an omitted one is sent as
/// empty, so the SDK asks you to say "none" by name.
/// </summary>
public static class KeyModels
{
    /// <summary>Every model (<c>["*"]</c>): the default of a new <see cref="ProviderKeyUpdate"/>.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { "*" }.AsReadOnly();

    /// <summary>
    /// No model (<c>[]</c>): the key is kept but denied to every model. An empty list you build yourself is refused by
    /// the SDK's checks unless it is what was read, because it is far more often a mistake than a wish.
    /// </summary>
    public static IReadOnlyList<string> None { get; } = new DenyAll();

    /// <summary>Whether <paramref name="models"/> is <see cref="None"/> itself (not just any empty list).</summary>
    internal static bool IsNone(IReadOnlyList<string>? models) => ReferenceEquals(models, None);

    private sealed class DenyAll : IReadOnlyList<string>
    {
        public int Count => 0;

        public string this[int index] => throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<string> GetEnumerator() => Enumerable.Empty<string>().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "KeyModels.None";
    }
}
