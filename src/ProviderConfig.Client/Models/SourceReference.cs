namespace ProviderConfig.Client;

/// <summary>Where an update came from, in a box that compares equal to any other, so it never affects record equality.</summary>
/// <typeparam name="T">What was read: a provider configuration or a key.</typeparam>
internal sealed class SourceReference<T>(T? value) : IEquatable<SourceReference<T>>
    where T : class
{
    public static readonly SourceReference<T> None = new(null);

    public T? Value { get; } = value;

    public bool Equals(SourceReference<T>? other) => other is not null;

    public override bool Equals(object? obj) => obj is SourceReference<T>;

    public override int GetHashCode() => 0;
}
