using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ProviderConfig.Client.Validation;

/// <summary>
/// The gateway's own PUT rules (contract §2.2), checked before sending, plus the rules it lacks but users need:
/// no negative or fractional durations, valid header names, and no masked secret sent where the gateway would store
/// the mask as the credential (§1.8).
/// </summary>
internal static class ProviderUpdateValidator
{
    public static readonly TimeSpan MinRetryBackoff = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxRetryBackoff = TimeSpan.FromSeconds(1000);

    /// <summary>Base providers the gateway accepts for a custom provider.</summary>
    public static readonly IReadOnlySet<string> SupportedBaseProviders = new HashSet<string>(StringComparer.Ordinal)
    {
        "anthropic", "bedrock", "cohere", "gemini", "openai", "huggingface", "replicate",
    };

    private static readonly HashSet<string> SensitiveHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key",
    };

    public static List<ProviderValidationError> Validate(ProviderUpdate update, ProviderName? provider)
    {
        var errors = new List<ProviderValidationError>();
        void Fail(string path, string message) => errors.Add(new ProviderValidationError(path, message));

        if (update.NetworkConfig is null)
        {
            Fail("network_config", "is required: the gateway resets an omitted network_config to defaults");
        }
        else
        {
            ValidateNetwork(update.NetworkConfig, update.Source?.NetworkConfig, Fail);
        }

        if (update.ConcurrencyAndBufferSize is null)
        {
            Fail("concurrency_and_buffer_size", "is required");
        }
        else
        {
            var sizes = update.ConcurrencyAndBufferSize;
            if (sizes.Concurrency < 1)
            {
                Fail("concurrency_and_buffer_size.concurrency", Invariant($"must be greater than 0, but is {sizes.Concurrency}"));
            }

            if (sizes.BufferSize < 1)
            {
                Fail("concurrency_and_buffer_size.buffer_size", Invariant($"must be greater than 0, but is {sizes.BufferSize}"));
            }
            else if (sizes.Concurrency > sizes.BufferSize)
            {
                Fail("concurrency_and_buffer_size.concurrency", Invariant($"must be less than or equal to buffer_size ({sizes.BufferSize}), but is {sizes.Concurrency}"));
            }
        }

        ValidateCustomProvider(update, provider, Fail);

        if (update.ProxyConfig is { } proxy)
        {
            // The gateway does not check proxies (contract §2.2 step 10): a proxy without a type is silently unused.
            if (proxy.Type.Value.Length == 0)
            {
                Fail("proxy_config.type", "is required when proxy_config is set: none, http, socks5 or environment");
            }
            else if ((proxy.Type == ProxyType.Http || proxy.Type == ProxyType.Socks5) && proxy.Url is null)
            {
                Fail("proxy_config.url", $"is required for a '{proxy.Type}' proxy");
            }
        }

        if (update.ProviderRequestId?.HeaderName is { Length: > 0 } idHeader)
        {
            ValidateHeaderName("provider_request_id.header_name", idHeader, Fail);
            if (SensitiveHeaders.Contains(idHeader.Trim()))
            {
                Fail("provider_request_id.header_name", $"must not be a sensitive header such as '{idHeader.Trim()}'");
            }
        }

        ValidateSecrets(update, provider, Fail);
        return errors;
    }

    /// <remarks>
    /// Rules the gateway's handler does not enforce itself (config-schema bounds, and the private-network check that
    /// older gateways lack) are applied only to values that differ from what was read, so a provider the gateway
    /// already stores that way can still be updated elsewhere.
    /// </remarks>
    private static void ValidateNetwork(NetworkConfig network, NetworkConfig? before, Action<string, string> fail)
    {
        const string prefix = "network_config.";
        if (network.MaxRetries < 0)
        {
            fail(prefix + "max_retries", Invariant($"must be 0 or more, but is {network.MaxRetries}"));
        }

        ValidateBackoff(prefix + "retry_backoff_initial", network.RetryBackoffInitial, fail);
        ValidateBackoff(prefix + "retry_backoff_max", network.RetryBackoffMax, fail);
        if (network.RetryBackoffInitial > TimeSpan.Zero && network.RetryBackoffMax > TimeSpan.Zero && network.RetryBackoffInitial > network.RetryBackoffMax)
        {
            fail(prefix + "retry_backoff_initial", $"must be less than or equal to retry_backoff_max ({Show(network.RetryBackoffMax)}), but is {Show(network.RetryBackoffInitial)}");
        }

        ValidateSeconds(prefix + "default_request_timeout_in_seconds", network.DefaultRequestTimeout, min: 1, max: null, network.DefaultRequestTimeout == before?.DefaultRequestTimeout, fail);
        ValidateSeconds(prefix + "stream_idle_timeout_in_seconds", network.StreamIdleTimeout, min: 5, max: 3600, network.StreamIdleTimeout == before?.StreamIdleTimeout, fail);
        ValidateSeconds(prefix + "keep_alive_timeout_in_seconds", network.KeepAliveTimeout, min: 1, max: 3600, network.KeepAliveTimeout == before?.KeepAliveTimeout, fail);
        if (network.MaxConnsPerHost < 0 || (network.MaxConnsPerHost > 10000 && network.MaxConnsPerHost != before?.MaxConnsPerHost))
        {
            fail(prefix + "max_conns_per_host", Invariant($"must be between 1 and 10000 (0 means the gateway default), but is {network.MaxConnsPerHost}"));
        }

        if (!string.IsNullOrEmpty(network.BaseUrl))
        {
            var unchanged = before is not null && before.BaseUrl == network.BaseUrl && before.AllowPrivateNetwork == network.AllowPrivateNetwork;
            ValidateBaseUrl(prefix + "base_url", network.BaseUrl, network.AllowPrivateNetwork || unchanged, fail);
        }

        foreach (var (name, value) in network.ExtraHeaders ?? new Dictionary<string, string>())
        {
            var path = $"{prefix}extra_headers[\"{name}\"]";
            ValidateHeaderName(path, name, fail);
            if (value is null || value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                fail(path, "must have a value without CR, LF or NUL characters");
            }
        }
    }

    private static void ValidateBackoff(string path, TimeSpan value, Action<string, string> fail)
    {
        if (value < TimeSpan.Zero)
        {
            fail(path, $"must not be negative (0 means the gateway default), but is {Show(value)}");
        }
        else if (value > TimeSpan.Zero)
        {
            if (value < MinRetryBackoff)
            {
                fail(path, $"must be at least 100 ms (or 0 for the gateway default), but is {Show(value)}");
            }
            else if (value > MaxRetryBackoff)
            {
                fail(path, $"must be at most 1000 s, but is {Show(value)}");
            }

            if (value.Ticks % TimeSpan.TicksPerMillisecond != 0)
            {
                fail(path, $"must be a whole number of milliseconds (it is sent as integer milliseconds), but is {value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
            }
        }
    }

    private static void ValidateSeconds(string path, TimeSpan value, int min, int? max, bool unchanged, Action<string, string> fail)
    {
        if (value < TimeSpan.Zero)
        {
            fail(path, $"must not be negative (0 means the gateway default), but is {value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            return;
        }

        if (value == TimeSpan.Zero)
        {
            return;
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            fail(path, $"must be a whole number of seconds (it is sent as integer seconds), but is {value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
        else if (!unchanged && (value.TotalSeconds < min || (max is { } upper && value.TotalSeconds > upper)))
        {
            var range = max is null ? Invariant($"at least {min} s") : Invariant($"between {min} and {max} s");
            fail(path, Invariant($"must be {range} (or 0 for the gateway default), but is {value.TotalSeconds} s"));
        }
    }

    private static void ValidateBaseUrl(string path, string url, bool allowPrivateNetwork, Action<string, string> fail)
    {
        // "/v1" parses as an absolute file: URI on Unix, so insist on a scheme separator as well.
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            fail(path, "must be an absolute http or https URL with a host");
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            fail(path, $"must use http or https, but uses '{uri.Scheme}'");
            return;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            fail(path, "must have a host");
            return;
        }

        if (!IPAddress.TryParse(uri.DnsSafeHost, out var ip))
        {
            return; // the gateway resolves names itself; the SDK cannot know what they resolve to there
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (IPAddress.IsLoopback(ip))
        {
            return;
        }

        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            fail(path, "must not point at an unspecified address (0.0.0.0 or ::); the gateway always rejects it");
        }
        else if (IsLinkLocal(ip))
        {
            fail(path, "must not point at a link-local address (169.254.0.0/16 or fe80::/10); the gateway always rejects it");
        }
        else if (IsPrivate(ip) && !allowPrivateNetwork)
        {
            fail(path, "points at a private network address, which the gateway rejects unless network_config.allow_private_network is true");
        }
    }

    private static bool IsLinkLocal(IPAddress ip)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6LinkLocal;
        }

        var b = ip.GetAddressBytes();
        return b[0] == 169 && b[1] == 254;
    }

    private static bool IsPrivate(IPAddress ip)
    {
        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return ip.IsIPv6UniqueLocal;
        }

        var b = ip.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168);
    }

    private static void ValidateHeaderName(string path, string name, Action<string, string> fail)
    {
        // RFC 9110 token: the only characters a header name may have.
        static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            fail(path, "must be a valid HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only, no spaces or colons)");
        }
    }

    private static void ValidateCustomProvider(ProviderUpdate update, ProviderName? provider, Action<string, string> fail)
    {
        var custom = update.CustomProviderConfig;
        var before = update.Source?.CustomProviderConfig;
        var sameProvider = provider is null || update.Source is null || update.Source.Name == provider.Value;
        if (custom is null)
        {
            if (before is not null && sameProvider)
            {
                fail("custom_provider_config", "cannot be removed after creation: send the block you read back");
            }

            return;
        }

        var baseType = custom.BaseProviderType.Value;
        if (baseType.Length == 0)
        {
            fail("custom_provider_config.base_provider_type", "is required");
        }
        else if (!SupportedBaseProviders.Contains(baseType))
        {
            fail("custom_provider_config.base_provider_type", $"must be one of {string.Join(", ", SupportedBaseProviders)}, but is '{baseType}'");
        }
        else if (before is not null && sameProvider && before.BaseProviderType.Value.Length > 0 && before.BaseProviderType != custom.BaseProviderType)
        {
            fail("custom_provider_config.base_provider_type", $"cannot be changed after creation (from '{before.BaseProviderType}' to '{baseType}')");
        }

        if (provider is { } name)
        {
            if (name.IsStandard)
            {
                fail("custom_provider_config", $"cannot be set on the built-in provider '{name}': a custom provider needs a name of its own");
            }
            else if ((before is null || !sameProvider) && !name.Value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                fail("name", $"a custom provider's name must use only letters, digits, '-' and '_', but is '{name}'");
            }
        }
    }

    private static void ValidateSecrets(ProviderUpdate update, ProviderName? provider, Action<string, string> fail)
    {
        var source = update.Source;
        var sourceMatches = source is not null && (provider is null || source.Name == provider.Value);
        foreach (var (path, secret, original) in SecretFields(update, source))
        {
            if (secret is null || !SecretValue.LooksLikeMask(secret.RevealValue()) || secret.Reference is not null)
            {
                continue;
            }

            if (sourceMatches && original is not null && JsonElement.DeepEquals(secret.Json, original.Json))
            {
                continue; // the mask goes back to the field it was read from: the gateway restores the stored secret
            }

            var where = source is null
                ? "not read from the gateway"
                : !sourceMatches
                    ? $"read from provider '{source.Name}', not '{provider}'"
                    : "not the value read for this field";
            fail(path, $"is a mask ({where}) that the gateway would store as the credential; send the value read for this field unchanged, or a new secret (SecretValue.Plain, SecretValue.FromEnvironment)");
        }
    }

    private static IEnumerable<(string Path, SecretValue? Secret, SecretValue? Original)> SecretFields(ProviderUpdate update, ProviderConfiguration? source)
    {
        yield return ("network_config.ca_cert_pem", update.NetworkConfig?.CaCertPem, source?.NetworkConfig?.CaCertPem);
        var proxy = update.ProxyConfig;
        var before = source?.ProxyConfig;
        yield return ("proxy_config.url", proxy?.Url, before?.Url);
        yield return ("proxy_config.username", proxy?.Username, before?.Username);
        yield return ("proxy_config.password", proxy?.Password, before?.Password);
        yield return ("proxy_config.ca_cert_pem", proxy?.CaCertPem, before?.CaCertPem);
    }

    private static string Show(TimeSpan value) => value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
