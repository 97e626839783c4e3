using System.Net;
using Microsoft.Extensions.Options;
using ProviderConfig.Client.Hosting;

namespace ProviderConfig.Client;

/// <summary>
/// Checks <see cref="ProviderConfigClientOptions"/> at start-up; every message names the setting and says what to change,
/// and for a client registered under a name, starts with that name.
/// </summary>
internal sealed class ProviderConfigClientOptionsValidator(ProviderConfigClientRegistry? registry = null) : IValidateOptions<ProviderConfigClientOptions>
{
    private const string Prefix = nameof(ProviderConfigClientOptions) + ".";

    /// <summary>The longest timeout accepted: far beyond any sensible call, and within what a timer can be set to.</summary>
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, ProviderConfigClientOptions options)
    {
        var failures = string.IsNullOrEmpty(name) ? GetFailures(options) : GetFailures(options, name, registry?.SectionPath(name));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The problems of the unnamed client's settings (or of settings given to <c>Create</c>).</summary>
    public static List<string> GetFailures(ProviderConfigClientOptions options) => Collect(options, ProviderConfigClientOptions.DefaultSectionName);

    /// <summary>
    /// The problems of the settings of the client named <paramref name="clientName"/>, each message starting with its
    /// name; the variable to set is named after <paramref name="sectionPath"/> when the settings come from configuration.
    /// </summary>
    public static List<string> GetFailures(ProviderConfigClientOptions options, string clientName, string? sectionPath)
    {
        var failures = Collect(options, sectionPath);
        for (var i = 0; i < failures.Count; i++)
        {
            failures[i] = $"ProviderConfig client '{clientName}': {failures[i]}";
        }

        return failures;
    }

    private static List<string> Collect(ProviderConfigClientOptions options, string? sectionPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var address = options.BaseAddress;
        if (address is null)
        {
            var variable = sectionPath is null ? string.Empty : $" (environment variable {sectionPath.Replace(":", "__", StringComparison.Ordinal)}__BaseAddress)";
            failures.Add($"{Prefix}{nameof(options.BaseAddress)} is required: set it to the gateway's address, for example https://bifrost.example.com/{variable}.");
        }
        else if (!address.IsAbsoluteUri)
        {
            failures.Add($"{Prefix}{nameof(options.BaseAddress)} must be an absolute URI such as https://bifrost.example.com/, but was the relative '{address.OriginalString}'.");
        }
        else if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{Prefix}{nameof(options.BaseAddress)} must use http or https, but uses '{address.Scheme}'.");
        }
        else if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment) || !string.IsNullOrEmpty(address.UserInfo))
        {
            failures.Add($"{Prefix}{nameof(options.BaseAddress)} must not carry a query, a fragment or user info; give credentials in {nameof(options.ApiKey)} or {nameof(options.Username)}/{nameof(options.Password)}.");
        }
        else if (options.HasCredentials && address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address) && !options.AllowInsecureTransport)
        {
            failures.Add($"{Prefix}{nameof(options.BaseAddress)} is plain http to '{address.Host}', which is not loopback, so credentials would cross the network unencrypted: use https, or set {Prefix}{nameof(options.AllowInsecureTransport)} to true if you accept that.");
        }

        var basic = !string.IsNullOrEmpty(options.Username) || !string.IsNullOrEmpty(options.Password);
        if (!string.IsNullOrEmpty(options.ApiKey) && options.Credential is not null)
        {
            failures.Add($"{Prefix}{nameof(options.ApiKey)} and {Prefix}{nameof(options.Credential)} are both set: give the key in one of them ({nameof(options.Credential)} when it must be rotatable in code).");
        }
        else if (!string.IsNullOrEmpty(options.ApiKey) && basic)
        {
            failures.Add($"{Prefix}{nameof(options.ApiKey)} and {Prefix}{nameof(options.Username)}/{nameof(options.Password)} are both set: give either a Bearer key or basic credentials, not both.");
        }
        else if (options.Credential is not null && basic)
        {
            failures.Add($"{Prefix}{nameof(options.Credential)} and {Prefix}{nameof(options.Username)}/{nameof(options.Password)} are both set: give either a Bearer key or basic credentials, not both.");
        }
        else if (string.IsNullOrEmpty(options.ApiKey) && string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add($"{Prefix}{nameof(options.Username)} and {Prefix}{nameof(options.Password)} go together: set both for basic authentication, or neither.");
        }
        else if (options.Username?.Contains(':', StringComparison.Ordinal) == true)
        {
            failures.Add($"{Prefix}{nameof(options.Username)} must not contain ':' (HTTP Basic authentication cannot carry it).");
        }

        if (options.ApiKey is { Length: > 0 } key && key.Any(static c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add($"{Prefix}{nameof(options.ApiKey)} contains white space or control characters; copy the key again without them.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > MaxTimeout)
        {
            failures.Add($"{Prefix}{nameof(options.AttemptTimeout)} must be greater than zero and at most {MaxTimeout}, but was {options.AttemptTimeout}.");
        }

        if (options.TotalTimeout <= TimeSpan.Zero || options.TotalTimeout > MaxTimeout)
        {
            failures.Add($"{Prefix}{nameof(options.TotalTimeout)} must be greater than zero and at most {MaxTimeout}, but was {options.TotalTimeout}.");
        }
        else if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"{Prefix}{nameof(options.AttemptTimeout)} ({options.AttemptTimeout}) must not exceed {Prefix}{nameof(options.TotalTimeout)} ({options.TotalTimeout}).");
        }

        var retry = options.Retry;
        if (retry is null)
        {
            failures.Add($"{Prefix}{nameof(options.Retry)} is required.");
            return failures;
        }

        const string retryPrefix = Prefix + nameof(ProviderConfigClientOptions.Retry) + ".";
        if (retry.MaxRetries < 0)
        {
            failures.Add($"{retryPrefix}{nameof(retry.MaxRetries)} must be 0 or more, but was {retry.MaxRetries}.");
        }

        if (retry.RetryBackoffInitial <= TimeSpan.Zero)
        {
            failures.Add($"{retryPrefix}{nameof(retry.RetryBackoffInitial)} must be greater than zero, but was {retry.RetryBackoffInitial}.");
        }

        if (retry.RetryBackoffMax <= TimeSpan.Zero)
        {
            failures.Add($"{retryPrefix}{nameof(retry.RetryBackoffMax)} must be greater than zero, but was {retry.RetryBackoffMax}.");
        }
        else if (retry.RetryBackoffInitial > retry.RetryBackoffMax)
        {
            failures.Add($"{retryPrefix}{nameof(retry.RetryBackoffInitial)} ({retry.RetryBackoffInitial}) must not exceed {retryPrefix}{nameof(retry.RetryBackoffMax)} ({retry.RetryBackoffMax}).");
        }

        return failures;
    }

    internal static bool IsLoopback(Uri address)
        => address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
