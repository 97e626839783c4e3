using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>Whether the gateway's running core has a provider loaded (<c>provider_status</c>, read-only). Unknown values from newer gateways are kept as they are.</summary>
[JsonConverter(typeof(StringValueConverter<ProviderStatus>))]
public readonly struct ProviderStatus : IEquatable<ProviderStatus>, IStringValue<ProviderStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value; any string is accepted, including ones this version of the SDK does not know.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ProviderStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The value as sent on the wire.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>The provider is configured in the running core.</summary>
    public static ProviderStatus Active { get; } = new("active");
    /// <summary>The provider is stored but the running core does not have it (for example it failed to initialise).</summary>
    public static ProviderStatus Error { get; } = new("error");
    /// <summary>Defined by the gateway but not emitted by GET or PUT today.</summary>
    public static ProviderStatus Deleted { get; } = new("deleted");

    static ProviderStatus IStringValue<ProviderStatus>.FromWire(string value) => new(value);

    /// <summary>Converts a string to a <see cref="ProviderStatus"/>.</summary>
    public static implicit operator ProviderStatus(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    public static bool operator ==(ProviderStatus left, ProviderStatus right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    public static bool operator !=(ProviderStatus left, ProviderStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ProviderStatus other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ProviderStatus other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The value as sent on the wire.</summary>
    public override string ToString() => Value;
}
