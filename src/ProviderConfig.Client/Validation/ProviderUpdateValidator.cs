using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ProviderConfig.Client.Validation;

/// <summary>
/// Checks of a provider update before it is sent. Two kinds:
/// <list type="bullet">
/// <item>Data-loss guards, always applied: required blocks present, and no masked secret sent where the gateway would
/// store the mask as the credential (contract §1.8).</item>
/// <item>Everything else (the gateway's own PUT rules of §2.2, config-schema bounds, header names, proxy shape, names) is
/// applied only to values that differ from what was read (<see cref="ProviderUpdate.Source"/>, when it is the same
/// provider): a provider the gateway already stores in some shape can always be updated in another field. Rules that
/// only repeat gateway lists that change between its versions (supported base providers, built-in names) are
/// warnings, which the client does not refuse on.</item>
/// </list>
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
        void Warn(string path, string message) => errors.Add(new ProviderValidationError(path, message) { Severity = ProviderValidationSeverity.Warning });

        // What was read for this provider: the baseline a value must differ from before a rule looks at it.
        var read = update.Source is { } source && (provider is null || source.Name == provider.Value) ? source : null;

        if (update.NetworkConfig is null)
        {
            Fail("network_config", "is required: the gateway resets an omitted network_config to defaults");
        }
        else
        {
            ValidateNetwork(update.NetworkConfig, read?.NetworkConfig, Fail);
        }

        if (update.ConcurrencyAndBufferSize is null)
        {
            Fail("concurrency_and_buffer_size", "is required");
        }
        else
        {
            var sizes = update.ConcurrencyAndBufferSize;
            var before = read?.ConcurrencyAndBufferSize;
            var concurrencyChanged = sizes.Concurrency != before?.Concurrency;
            var bufferChanged = sizes.BufferSize != before?.BufferSize;
            if (concurrencyChanged && sizes.Concurrency < 1)
            {
                Fail("concurrency_and_buffer_size.concurrency", Invariant($"must be greater than 0, but is {sizes.Concurrency}"));
            }

            if (bufferChanged && sizes.BufferSize < 1)
            {
                Fail("concurrency_and_buffer_size.buffer_size", Invariant($"must be greater than 0, but is {sizes.BufferSize}"));
            }
            else if ((concurrencyChanged || bufferChanged) && sizes.BufferSize >= 1 && sizes.Concurrency > sizes.BufferSize)
            {
                Fail("concurrency_and_buffer_size.concurrency", Invariant($"must be less than or equal to buffer_size ({sizes.BufferSize}), but is {sizes.Concurrency}"));
            }
        }

        ValidateCustomProvider(update, provider, read, Fail, Warn);

        if (update.ProxyConfig is { } proxy)
        {
            // Warnings only: the gateway does not check proxies (contract §2.2 step 10) and stores such a block as sent;
            // a proxy without a type, or an http/socks5 one without a URL, is then silently not used.
            var before = read?.ProxyConfig;
            var typeChanged = before is null || before.Type != proxy.Type;
            if (proxy.Type.Value.Length == 0)
            {
                if (typeChanged)
                {
                    Warn("proxy_config.type", "is empty, so the gateway stores the proxy but does not use it: set none, http, socks5 or environment");
                }
            }
            else if ((proxy.Type == ProxyType.Http || proxy.Type == ProxyType.Socks5) && proxy.Url is null && (typeChanged || before!.Url is not null))
            {
                Warn("proxy_config.url", $"is missing, so the gateway stores this '{proxy.Type}' proxy but cannot use it: set the proxy's URL");
            }
        }

        if (update.ProviderRequestId?.HeaderName is { Length: > 0 } idHeader && idHeader != read?.ProviderRequestId?.HeaderName)
        {
            ValidateHeaderName("provider_request_id.header_name", idHeader, Fail);
            if (SensitiveHeaders.Contains(idHeader.Trim()))
            {
                Fail("provider_request_id.header_name", $"must not be a sensitive header such as '{idHeader.Trim()}'");
            }
        }

        ValidateSecrets(update, provider, Fail);

        // A data-loss guard: gateways before March 2026 (PR #2160) returned the provider's keys in its body and replaced
        // them with the ones a PUT sent. The SDK never sends keys (newer gateways refuse them), so there such a write
        // would delete every key. Removing "keys" from ExtensionData says the target keeps keys at /keys.
        if (update.ExtensionData is { } extension && extension.TryGetValue("keys", out var keys) && keys.ValueKind == JsonValueKind.Array && keys.GetArrayLength() > 0)
        {
            var count = keys.GetArrayLength() == 1 ? "1 key" : Invariant($"{keys.GetArrayLength()} keys");
            Fail("keys", $"holds {count} read from a gateway older than March 2026, where a provider write replaces the provider's keys with those it sends. The SDK never sends keys (newer gateways refuse them), so there this write would delete them. If the target gateway keeps keys at /api/providers/{{provider}}/keys, remove \"keys\" from ExtensionData and send again");
        }

        return errors;
    }

    /// <remarks>Each rule looks only at values that differ from <paramref name="before"/> (what was read; null when nothing was).</remarks>
    private static void ValidateNetwork(NetworkConfig network, NetworkConfig? before, Action<string, string> fail)
    {
        const string prefix = "network_config.";
        if (network.MaxRetries < 0 && network.MaxRetries != before?.MaxRetries)
        {
            fail(prefix + "max_retries", Invariant($"must be 0 or more, but is {network.MaxRetries}"));
        }

        var initialChanged = network.RetryBackoffInitial != before?.RetryBackoffInitial;
        var maxChanged = network.RetryBackoffMax != before?.RetryBackoffMax;
        if (initialChanged)
        {
            ValidateBackoff(prefix + "retry_backoff_initial", network.RetryBackoffInitial, fail);
        }

        if (maxChanged)
        {
            ValidateBackoff(prefix + "retry_backoff_max", network.RetryBackoffMax, fail);
        }

        if ((initialChanged || maxChanged) && network.RetryBackoffInitial > TimeSpan.Zero && network.RetryBackoffMax > TimeSpan.Zero && network.RetryBackoffInitial > network.RetryBackoffMax)
        {
            fail(prefix + "retry_backoff_initial", $"must be less than or equal to retry_backoff_max ({Show(network.RetryBackoffMax)}), but is {Show(network.RetryBackoffInitial)}");
        }

        if (network.DefaultRequestTimeout != before?.DefaultRequestTimeout)
        {
            ValidateSeconds(prefix + "default_request_timeout_in_seconds", network.DefaultRequestTimeout, min: 1, max: null, fail);
        }

        if (network.StreamIdleTimeout != before?.StreamIdleTimeout)
        {
            ValidateSeconds(prefix + "stream_idle_timeout_in_seconds", network.StreamIdleTimeout, min: 5, max: 3600, fail);
        }

        if (network.KeepAliveTimeout != before?.KeepAliveTimeout)
        {
            ValidateSeconds(prefix + "keep_alive_timeout_in_seconds", network.KeepAliveTimeout, min: 1, max: 3600, fail);
        }

        if (network.MaxConnsPerHost != before?.MaxConnsPerHost && (network.MaxConnsPerHost < 0 || network.MaxConnsPerHost > 10000))
        {
            fail(prefix + "max_conns_per_host", Invariant($"must be between 1 and 10000 (0 means the gateway default), but is {network.MaxConnsPerHost}"));
        }

        if (!string.IsNullOrEmpty(network.BaseUrl))
        {
            var urlChanged = network.BaseUrl != before?.BaseUrl;
            if (urlChanged || network.AllowPrivateNetwork != before?.AllowPrivateNetwork)
            {
                // An unchanged URL is looked at again only for the private-network rule, whose switch did change.
                ValidateBaseUrl(prefix + "base_url", network.BaseUrl, network.AllowPrivateNetwork, onlyPrivateNetwork: !urlChanged, fail);
            }
        }

        var headersBefore = before?.ExtraHeaders;
        foreach (var (name, value) in network.ExtraHeaders ?? new Dictionary<string, string>())
        {
            if (headersBefore is not null && headersBefore.TryGetValue(name, out var old) && old == value)
            {
                continue;
            }

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

    private static void ValidateSeconds(string path, TimeSpan value, int min, int? max, Action<string, string> fail)
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
        else if (value.TotalSeconds < min || (max is { } upper && value.TotalSeconds > upper))
        {
            var range = max is null ? Invariant($"at least {min} s") : Invariant($"between {min} and {max} s");
            fail(path, Invariant($"must be {range} (or 0 for the gateway default), but is {value.TotalSeconds} s"));
        }
    }

    private static void ValidateBaseUrl(string path, string url, bool allowPrivateNetwork, bool onlyPrivateNetwork, Action<string, string> fail)
    {
        // "/v1" parses as an absolute file: URI on Unix, so insist on a scheme separator as well.
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            if (!onlyPrivateNetwork)
            {
                fail(path, "must be an absolute http or https URL with a host");
            }

            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            if (!onlyPrivateNetwork)
            {
                fail(path, $"must use http or https, but uses '{uri.Scheme}'");
            }

            return;
        }

        if (string.IsNullOrEmpty(uri.Host))
        {
            if (!onlyPrivateNetwork)
            {
                fail(path, "must have a host");
            }

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

        if (onlyPrivateNetwork)
        {
            if (IsPrivate(ip) && !allowPrivateNetwork)
            {
                fail(path, "points at a private network address, which the gateway rejects unless network_config.allow_private_network is true");
            }
        }
        else if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
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

    private static void ValidateCustomProvider(ProviderUpdate update, ProviderName? provider, ProviderConfiguration? read, Action<string, string> fail, Action<string, string> warn)
    {
        var custom = update.CustomProviderConfig;
        var before = read?.CustomProviderConfig;
        if (custom is null)
        {
            if (before is not null)
            {
                fail("custom_provider_config", "cannot be removed after creation: send the block you read back");
            }

            return;
        }

        var baseType = custom.BaseProviderType.Value;
        if (before is null || before.BaseProviderType != custom.BaseProviderType)
        {
            if (baseType.Length == 0)
            {
                fail("custom_provider_config.base_provider_type", "is required");
            }
            else if (before is not null && before.BaseProviderType.Value.Length > 0)
            {
                fail("custom_provider_config.base_provider_type", $"cannot be changed after creation (from '{before.BaseProviderType}' to '{baseType}')");
            }
            else if (!SupportedBaseProviders.Contains(baseType))
            {
                warn("custom_provider_config.base_provider_type", $"is '{baseType}', which is not among the base providers gateways are known to accept ({string.Join(", ", SupportedBaseProviders)}); a newer gateway may accept it, otherwise its answer says why not");
            }
        }

        if (provider is { } name && before is null)
        {
            // The name is not one read back with this block: a new custom provider, or one made from another's settings.
            if (name.IsStandard)
            {
                warn("custom_provider_config", $"is set on '{name}', a built-in provider's name: gateways refuse a custom provider of that name (or drop it at start-up), so give it a name of its own");
            }
            else if (!name.Value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                warn("name", $"uses characters other than letters, digits, '-' and '_' ('{name}'): the gateway accepts it, but its dashboard cannot create or edit such a name");
            }
        }
    }

    private static void ValidateSecrets(ProviderUpdate update, ProviderName? provider, Action<string, string> fail)
    {
        var source = update.Source;
        var sourceMatches = source is not null && source.IsReadFromGateway && (provider is null || source.Name == provider.Value);
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
                : !source.IsReadFromGateway
                    ? LoadedMask
                    : !sourceMatches
                        ? $"read from provider '{source.Name}', not '{provider}'"
                        : "not the value read for this field";
            fail(path, $"is a mask ({where}) that the gateway would store as the credential; send the value read for this field unchanged, or a new secret (SecretValue.Plain, SecretValue.FromEnvironment)");
        }
    }

    /// <summary>Why a mask from saved JSON may not go back as it is, and what to do instead.</summary>
    internal const string LoadedMask =
        "loaded from saved JSON or built in code, so not known to be what the gateway shows for this field now; to apply a saved configuration, read the provider and set the saved values on what was read, e.g. UpdateProviderAsync(provider, current => current with { ProxyConfig = saved.ProxyConfig })";

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
