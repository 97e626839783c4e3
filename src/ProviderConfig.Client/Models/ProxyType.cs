using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>The kind of proxy the gateway uses to reach a provider (<c>proxy_config.type</c>). Unknown values from newer gateways are kept as they are.</summary>
[JsonConverter(typeof(StringValueConverter<ProxyType>))]
public readonly struct ProxyType : IEquatable<ProxyType>, IStringValue<ProxyType>
{
    private readonly string? _value;

    /// <summary>Creates a value; any string is accepted, including ones this version of the SDK does not know.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ProxyType(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The value as sent on the wire.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>No proxy.</summary>
    public static ProxyType None { get; } = new("none");
    /// <summary>An HTTP proxy.</summary>
    public static ProxyType Http { get; } = new("http");
    /// <summary>A SOCKS5 proxy.</summary>
    public static ProxyType Socks5 { get; } = new("socks5");
    /// <summary>The proxy given by the gateway process environment (<c>HTTP_PROXY</c> and friends).</summary>
    public static ProxyType Environment { get; } = new("environment");

    static ProxyType IStringValue<ProxyType>.FromWire(string value) => new(value);

    /// <summary>Converts a string to a <see cref="ProxyType"/>.</summary>
    public static implicit operator ProxyType(string value) => new(value);

    /// <summary>Compares two values ordinally.</summary>
    public static bool operator ==(ProxyType left, ProxyType right) => left.Equals(right);

    /// <summary>Compares two values ordinally.</summary>
    public static bool operator !=(ProxyType left, ProxyType right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ProxyType other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ProxyType other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The value as sent on the wire.</summary>
    public override string ToString() => Value;
}
