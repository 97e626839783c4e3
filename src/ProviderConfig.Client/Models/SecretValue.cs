using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// A secret field of a provider's configuration (proxy URL, user name, password, CA certificate).
/// </summary>
/// <remarks>
/// <para>
/// A value read from the gateway is usually a <em>mask</em> such as <c>&lt;REDACTED&gt;</c>: the gateway restores the
/// stored secret only when the exact JSON it sent is sent back for the same field. This type therefore keeps the JSON
/// it was read from and writes it back unchanged, in whichever of the three wire shapes it came in
/// (<see cref="SecretValueShape"/>). To set a new secret use <see cref="Plain"/>, <see cref="FromEnvironment"/> or
/// <see cref="FromVault"/>; they are written as a bare string, which every gateway version accepts.
/// </para>
/// <para><see cref="ToString"/> and the debugger never show the value; call <see cref="RevealValue"/> when you need it.</para>
/// </remarks>
[JsonConverter(typeof(SecretValueConverter))]
[DebuggerDisplay("{ToString(),nq}")]
public sealed class SecretValue : IEquatable<SecretValue>
{
    private const string EnvPrefix = "env.";
    private const string VaultPrefix = "vault.";

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _value;

    private SecretValue(JsonElement json, SecretValueShape shape, string value, string? reference, SecretValueKind kind, bool isFromServer)
    {
        Json = json;
        Shape = shape;
        _value = value;
        Reference = reference;
        Kind = kind;
        IsFromServer = isFromServer;
    }

    /// <summary>The wire shape this value is written in.</summary>
    public SecretValueShape Shape { get; }

    /// <summary>Where the gateway takes the value from.</summary>
    public SecretValueKind Kind { get; }

    /// <summary>The reference (<c>env.NAME</c> or <c>vault.path</c>) when the value comes from the environment or a vault; otherwise null. References are not secret.</summary>
    public string? Reference { get; }

    /// <summary>True when this value was read from the gateway (and will be written back exactly as read).</summary>
    public bool IsFromServer { get; }

    /// <summary>
    /// True when the gateway's own test would take this value for a mask or a reference and try to restore the stored
    /// secret instead of storing it. Such a value is only safe to send back for the same field it was read from.
    /// </summary>
    public bool LooksRedacted => Reference is not null || LooksLikeMask(_value);

    /// <summary>The exact JSON this value is written as (it holds the value, so the debugger never shows it).</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    internal JsonElement Json { get; }

    /// <summary>A new plain-text secret, sent to the gateway as written.</summary>
    /// <param name="value">The secret. It must not look like a mask (for example <c>&lt;REDACTED&gt;</c> or all <c>*</c>), or the gateway would treat it as one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static SecretValue Plain(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FromString(value, isFromServer: false);
    }

    /// <summary>A secret the gateway reads from its environment variable <paramref name="variableName"/> (sent as <c>env.NAME</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="variableName"/> is empty, white space or contains white space.</exception>
    public static SecretValue FromEnvironment(string variableName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(variableName);
        if (variableName.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("An environment variable name cannot contain white space.", nameof(variableName));
        }

        return FromString(EnvPrefix + variableName, isFromServer: false);
    }

    /// <summary>A secret the gateway reads from the vault path <paramref name="path"/> (sent as <c>vault.path</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public static SecretValue FromVault(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return FromString(VaultPrefix + path, isFromServer: false);
    }

    /// <summary>Returns the value: for a value read from the gateway this is usually the mask, for a reference it is the reference.</summary>
    public string RevealValue() => _value;

    /// <summary>A description with no secret in it: the kind, and the reference when there is one.</summary>
    public override string ToString() => Kind switch
    {
        SecretValueKind.Environment or SecretValueKind.Vault when Reference is not null => $"SecretValue({Reference})",
        _ when _value.Length == 0 => "SecretValue(empty)",
        _ => "SecretValue(hidden)",
    };

    /// <summary>Two secrets are equal when they are written as the same JSON (value, reference, type and shape).</summary>
    public bool Equals(SecretValue? other)
        => other is not null && (ReferenceEquals(this, other) || JsonElement.DeepEquals(Json, other.Json));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SecretValue);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Shape, _value, Reference);

    /// <summary>Reads a secret in any of the wire shapes; the element is kept and written back as it is.</summary>
    internal static SecretValue FromJson(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            return FromString(json.GetString()!, json, isFromServer: true);
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected a secret as a JSON string or object but found {json.ValueKind}.");
        }

        var value = GetString(json, "value") ?? string.Empty;
        var type = GetString(json, "type");
        var newRef = GetString(json, "ref") ?? GetString(json, "secret_ref");
        var envVar = GetString(json, "env_var");
        var vaultVar = GetString(json, "vault_var");

        var isSecretVarShape = json.TryGetProperty("ref", out _) || json.TryGetProperty("type", out _) || json.TryGetProperty("secret_ref", out _);
        var shape = isSecretVarShape ? SecretValueShape.SecretVarObject : SecretValueShape.EnvVarObject;

        var reference = NullIfEmpty(newRef) ?? NullIfEmpty(envVar) ?? NullIfEmpty(vaultVar);
        var kind = type switch
        {
            "env" => SecretValueKind.Environment,
            "vault" => SecretValueKind.Vault,
            "plain_text" => SecretValueKind.PlainText,
            _ => KindOfReference(reference),
        };
        if (kind == SecretValueKind.PlainText)
        {
            reference = null;
        }

        return new SecretValue(json.Clone(), shape, value, reference, kind, isFromServer: true);
    }

    /// <summary>The gateway's <c>IsRedacted</c> test for the value alone (contract §1.8).</summary>
    internal static bool LooksLikeMask(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        if (value.StartsWith(EnvPrefix, StringComparison.Ordinal) || value.StartsWith(VaultPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        if (value.Length <= 8 && value.All(static c => c == '*'))
        {
            return true;
        }

        if (value.Length == 32 && value.AsSpan(4, 24).IndexOfAnyExcept('*') < 0)
        {
            return true;
        }

        return value.Equals("<redacted>", StringComparison.OrdinalIgnoreCase)
            || value.Equals("[redacted]", StringComparison.OrdinalIgnoreCase);
    }

    private static SecretValue FromString(string value, bool isFromServer)
        => FromString(value, JsonSerializer.SerializeToElement(value, ProviderConfigJsonContext.Default.String), isFromServer);

    private static SecretValue FromString(string value, JsonElement json, bool isFromServer)
    {
        var kind = KindOfReference(value);
        return new SecretValue(
            isFromServer ? json.Clone() : json,
            SecretValueShape.PlainString,
            value,
            kind == SecretValueKind.PlainText ? null : value,
            kind,
            isFromServer);
    }

    private static SecretValueKind KindOfReference(string? value)
    {
        if (value is null)
        {
            return SecretValueKind.PlainText;
        }

        if (value.StartsWith(EnvPrefix, StringComparison.Ordinal))
        {
            return SecretValueKind.Environment;
        }

        return value.StartsWith(VaultPrefix, StringComparison.Ordinal) ? SecretValueKind.Vault : SecretValueKind.PlainText;
    }

    private static string? GetString(JsonElement json, string name)
        => json.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
