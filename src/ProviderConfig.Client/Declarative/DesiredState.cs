using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Declarative;

/// <summary>
/// The providers and keys a gateway should have, as a JSON document (the SDK's wire names; comments and trailing commas
/// are allowed on read). Members this version does not know are kept through a load and save.
/// </summary>
public sealed class DesiredState
{
    private static readonly JsonTypeInfo<DesiredState> ReadInfo = TypeInfo(static o =>
    {
        o.AllowTrailingCommas = true;
        o.ReadCommentHandling = JsonCommentHandling.Skip;
    });

    private static readonly JsonTypeInfo<DesiredState> WriteInfo = TypeInfo(static o => o.WriteIndented = true);

    /// <summary>The providers, each with its keys.</summary>
    [JsonPropertyName("providers")]
    public IReadOnlyList<DesiredProvider> Providers { get; init; } = [];

    /// <summary>Members of the document this version does not know; written back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Reads a desired state from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="sourceName">Where it came from (a file path), used in error messages.</param>
    /// <returns>The desired state.</returns>
    /// <exception cref="DesiredStateException">The text is not a valid desired state; the message names the line and what was expected.</exception>
    public static DesiredState Parse(string json, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json), sourceName ?? "desired state");
    }

    /// <summary>Reads a desired state from a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The desired state.</returns>
    /// <exception cref="DesiredStateException">The file cannot be read or is not a valid desired state.</exception>
    public static async Task<DesiredState> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DesiredStateException($"{path}: cannot be read: {ex.Message}", ex);
        }

        return Read(bytes, path);
    }

    /// <summary>Writes the desired state as indented JSON.</summary>
    /// <returns>The document.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, WriteInfo);

    /// <summary>Writes the desired state to a file, replacing it.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public Task SaveFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return File.WriteAllTextAsync(path, ToJson() + Environment.NewLine, cancellationToken);
    }

    /// <summary>
    /// The secrets of this state that are masks (what the gateway shows instead of a stored plain secret), as
    /// <c>provider: field</c> or <c>provider key 'name': field</c>. A mask means "keep" on the gateway it was read
    /// from and cannot create anything elsewhere: replace these with references (<c>env.NAME</c>) first.
    /// </summary>
    /// <returns>One line per masked secret; empty when there is none.</returns>
    public IReadOnlyList<string> FindMaskedSecrets()
    {
        var found = new List<string>();
        foreach (var provider in Providers)
        {
            foreach (var (path, secret) in Secrets.OfProvider(provider))
            {
                if (Secrets.IsMask(secret))
                {
                    found.Add($"{Secrets.Describe(provider.Name, null)}: {path}");
                }
            }

            foreach (var key in provider.Keys)
            {
                foreach (var (path, secret) in key.SecretFields())
                {
                    if (Secrets.IsMask(secret))
                    {
                        found.Add($"{Secrets.Describe(provider.Name, key.Name)}: {path}");
                    }
                }
            }
        }

        return found;
    }

    internal IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var providers = new HashSet<string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Providers.Count; i++)
        {
            var provider = Providers[i];
            if (provider is null || string.IsNullOrWhiteSpace(provider.Name.Value))
            {
                problems.Add($"providers[{i}]: has no \"name\"");
                continue;
            }

            if (!providers.Add(provider.Name.Value))
            {
                problems.Add($"provider '{provider.Name}': is listed twice");
            }

            for (var k = 0; k < provider.Keys.Count; k++)
            {
                var key = provider.Keys[k];
                if (key is null || string.IsNullOrWhiteSpace(key.Name))
                {
                    problems.Add($"provider '{provider.Name}' keys[{k}]: has no \"name\" (keys are matched by name)");
                }
                else if (!keys.Add(key.Name))
                {
                    problems.Add($"provider '{provider.Name}' key '{key.Name}': key names are unique across all providers, and this one is listed twice");
                }
            }
        }

        return problems;
    }

    private static DesiredState Read(byte[] utf8, string source)
    {
        DesiredState? state;
        try
        {
            state = JsonSerializer.Deserialize(utf8, ReadInfo);
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            var where = ex.LineNumber is { } line ? $"line {line + 1}" : "somewhere";
            var path = string.IsNullOrEmpty(ex.Path) ? string.Empty : $" (at {ex.Path})";
            throw new DesiredStateException($"{source}: {where}{path}: {message}", ex);
        }

        if (state is null)
        {
            throw new DesiredStateException($"{source}: line 1: expected a JSON object with \"providers\", found null");
        }

        state = WithDefaults(state);

        var problems = state.Check();
        if (problems.Count > 0)
        {
            throw new DesiredStateException([.. problems.Select(p => $"{source}: {p}")]);
        }

        return state;
    }

    /// <summary>
    /// The source-generated reader leaves a member the file omits at its type's default (null, 0) rather than at the
    /// model's initial value; put back the SDK defaults for what a file may leave out: the network and concurrency
    /// blocks, the key lists, and a key's model lists (every model, none blacklisted).
    /// </summary>
    private static DesiredState WithDefaults(DesiredState state) => new()
    {
        ExtensionData = state.ExtensionData,
        Providers = [.. (state.Providers ?? []).Select(static p => p is null ? p! : p with
        {
            NetworkConfig = p.NetworkConfig ?? new NetworkConfig(),
            ConcurrencyAndBufferSize = p.ConcurrencyAndBufferSize ?? new ConcurrencyAndBufferSize(),
            Keys = [.. (p.Keys ?? []).Select(static k => k is null ? k! : k with { Models = k.Models ?? KeyModels.All, BlacklistedModels = k.BlacklistedModels ?? [] })],
        })],
    };

    private static JsonTypeInfo<DesiredState> TypeInfo(Action<JsonSerializerOptions> configure)
    {
        var options = new JsonSerializerOptions(ProviderConfigJsonContext.Default.Options);
        configure(options);
        options.MakeReadOnly();
        return (JsonTypeInfo<DesiredState>)options.GetTypeInfo(typeof(DesiredState));
    }
}
