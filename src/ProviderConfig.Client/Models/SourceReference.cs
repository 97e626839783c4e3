namespace ProviderConfig.Client;

/// <summary>Where an update came from, in a box that compares equal to any other, so it never affects record equality.</summary>
internal sealed class SourceReference(ProviderConfiguration? value) : IEquatable<SourceReference>
{
    public static readonly SourceReference None = new(null);

    public ProviderConfiguration? Value { get; } = value;

    public bool Equals(SourceReference? other) => other is not null;

    public override bool Equals(object? obj) => obj is SourceReference;

    public override int GetHashCode() => 0;
}
