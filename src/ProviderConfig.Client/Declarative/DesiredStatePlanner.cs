using System.Text.Json;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client.Declarative;

/// <summary>
/// Configuration as code: export a gateway's providers and keys as a <see cref="DesiredState"/>, plan what it takes to
/// bring a gateway to a desired state, and apply that plan with the SDK's safe write paths.
/// </summary>
public static class DesiredStatePlanner
{
    private static readonly string[] ProviderSecretPaths =
        ["network_config.ca_cert_pem", "proxy_config.url", "proxy_config.username", "proxy_config.password", "proxy_config.ca_cert_pem"];

    /// <summary>
    /// Reads every provider and its keys from the gateway as a desired state. References (<c>env.</c>, <c>vault.</c>)
    /// stay references; stored plain secrets come as the gateway's masks, which mean "keep" on this gateway
    /// (<see cref="DesiredState.FindMaskedSecrets"/> lists them).
    /// </summary>
    /// <param name="client">The gateway's client.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The gateway's state.</returns>
    public static async Task<DesiredState> ExportAsync(IProviderConfigClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var providers = new List<DesiredProvider>();
        foreach (var provider in await client.ListProvidersAsync(cancellationToken).ConfigureAwait(false))
        {
            var keys = await client.ListKeysAsync(provider.Name, cancellationToken).ConfigureAwait(false);
            var json = JsonSerializer.SerializeToUtf8Bytes(provider.ToUpdate(), ProviderConfigJsonContext.Default.ProviderUpdate);
            var desired = JsonSerializer.Deserialize(json, ProviderConfigJsonContext.Default.DesiredProvider)!;
            providers.Add(desired with
            {
                Name = provider.Name,
                Keys = [.. keys.OrderBy(static k => k.Name, StringComparer.Ordinal).Select(static k => k.ToUpdate() with { Id = null })],
            });
        }

        return new DesiredState { Providers = providers };
    }

    /// <summary>
    /// Compares the desired state with the gateway: providers and keys (matched by name) to create, to update (the
    /// field-level changes) and, only with <see cref="PlanOptions.Prune"/>, to delete. A secret given as a reference
    /// compares by reference; a mask equal to the gateway's current mask means "keep"; a plain secret cannot be compared
    /// and is planned as "will be set" unless <see cref="PlanOptions.SkipUnknowableSecrets"/> is on.
    /// </summary>
    /// <param name="client">The gateway's client.</param>
    /// <param name="desired">The desired state.</param>
    /// <param name="options">How to compare; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The plan; empty when the gateway matches.</returns>
    /// <exception cref="DesiredStateException">
    /// The desired state cannot be planned: a provider that is neither standard nor custom, a mask that was not read
    /// from this gateway's field (it cannot be carried to another gateway), a missing or duplicate name. Lists every problem.
    /// </exception>
    public static async Task<DesiredStatePlan> PlanAsync(IProviderConfigClient client, DesiredState desired, PlanOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(desired);
        options ??= new PlanOptions();
        var problems = new List<string>(desired.Check());
        if (problems.Count > 0)
        {
            throw new DesiredStateException(problems);
        }

        var current = (await client.ListProvidersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(static p => p.Name);
        var steps = new List<PlanStep>();
        foreach (var provider in desired.Providers)
        {
            var desiredNode = (JsonObject)ProviderConfigDiff.ToNode(provider.ToProviderUpdate());
            if (!current.TryGetValue(provider.Name, out var existing))
            {
                if (!provider.Name.IsStandard && provider.CustomProviderConfig is null)
                {
                    problems.Add($"provider '{provider.Name}': unknown provider: not a standard provider, not on the gateway, and no custom_provider_config to create it with");
                }

                RefuseMasks(desiredNode, ProviderSecretPaths, Secrets.Describe(provider.Name, null), problems);
                var create = ToUpdate(desiredNode);
                steps.Add(new PlanStep(PlanAction.Create, provider.Name, null, null, ProviderConfigDiff.Between(new ProviderUpdate(), create).Changes) { ProviderValue = create });
                foreach (var key in provider.Keys)
                {
                    steps.Add(PlanKeyCreate(provider.Name, key, problems));
                }

                continue;
            }

            var before = existing.ToUpdate();
            var beforeNode = ProviderConfigDiff.ToNode(before);
            var map = Normalize(desiredNode, beforeNode, ProviderSecretPaths, options, Secrets.Describe(provider.Name, null), problems);
            var diff = ProviderConfigDiff.Between(before, ToUpdate(desiredNode));
            if (!diff.IsEmpty)
            {
                steps.Add(new PlanStep(PlanAction.Update, provider.Name, null, null, diff.Changes) { DesiredNode = desiredNode, Edits = Edits(diff, map) });
            }

            var keys = await client.ListKeysAsync(provider.Name, cancellationToken).ConfigureAwait(false);
            var wanted = provider.Keys.Select(static k => k.Name!).ToHashSet(StringComparer.Ordinal);
            foreach (var key in provider.Keys)
            {
                var found = keys.FirstOrDefault(k => string.Equals(k.Name, key.Name, StringComparison.Ordinal));
                if (found is null)
                {
                    steps.Add(PlanKeyCreate(provider.Name, key, problems));
                    continue;
                }

                var keyBefore = found.ToUpdate() with { Id = null };
                var keyDesired = key with { Id = null };
                var paths = keyBefore.SecretFields().Concat(keyDesired.SecretFields()).Select(static f => f.Path).Distinct(StringComparer.Ordinal).ToArray();
                var keyNode = (JsonObject)ProviderConfigDiff.ToNode(keyDesired);
                var keyMap = Normalize(keyNode, ProviderConfigDiff.ToNode(keyBefore), paths, options, Secrets.Describe(provider.Name, key.Name), problems);
                var keyDiff = ProviderConfigDiff.Between(keyBefore, ToKey(keyNode));
                if (!keyDiff.IsEmpty)
                {
                    steps.Add(new PlanStep(PlanAction.Update, provider.Name, key.Name, found.Id, keyDiff.Changes) { DesiredNode = keyNode, Edits = Edits(keyDiff, keyMap) });
                }
            }

            if (options.Prune)
            {
                foreach (var key in keys.Where(k => k.Name is null || !wanted.Contains(k.Name)))
                {
                    steps.Add(new PlanStep(PlanAction.Delete, provider.Name, key.Name ?? key.Id, key.Id, []));
                }
            }
        }

        if (options.Prune)
        {
            var listed = desired.Providers.Select(static p => p.Name).ToHashSet();
            foreach (var name in current.Keys.Where(n => !listed.Contains(n)).OrderBy(static n => n.Value, StringComparer.Ordinal))
            {
                steps.Add(new PlanStep(PlanAction.Delete, name, null, null, []));
            }
        }

        if (problems.Count > 0)
        {
            throw new DesiredStateException(problems);
        }

        return new DesiredStatePlan(steps, options.Prune);
    }

    /// <summary>
    /// Runs the plan's steps in order with the SDK's safe paths: retry-safe creates, and read-modify-write updates that
    /// write onto a fresh read exactly the fields the plan shows, nothing else. Stops at the first failure.
    /// </summary>
    /// <param name="client">The gateway's client (the one the plan was made against).</param>
    /// <param name="plan">The plan.</param>
    /// <param name="stepCompleted">Called after each step that was applied, for progress; may be <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the apply; an <see cref="OperationCanceledException"/> is not caught.</param>
    /// <returns>What was done, what failed and why, and what was not tried.</returns>
    public static async Task<ApplyResult> ApplyAsync(IProviderConfigClient client, DesiredStatePlan plan, Action<PlanStep>? stepCompleted = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(plan);
        var completed = new List<PlanStep>();
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            try
            {
                await ApplyStepAsync(client, step, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new ApplyResult(completed, step, ex, [.. plan.Steps.Skip(i + 1)]);
            }

            completed.Add(step);
            stepCompleted?.Invoke(step);
        }

        return new ApplyResult(completed, null, null, []);
    }

    private static async Task ApplyStepAsync(IProviderConfigClient client, PlanStep step, CancellationToken cancellationToken)
    {
        switch (step.Action, step.IsKeyStep)
        {
            case (PlanAction.Create, false):
                await client.CreateProviderAsync(step.Provider, step.ProviderValue!, cancellationToken).ConfigureAwait(false);
                break;
            case (PlanAction.Update, false):
                await client.UpdateProviderAsync(step.Provider, fresh => WithEdits(fresh, step, ProviderConfigDiff.ToNode, ToUpdate, static (u, s) => u.Source = s.Source), cancellationToken).ConfigureAwait(false);
                break;
            case (PlanAction.Delete, false):
                await client.DeleteProviderAsync(step.Provider, cancellationToken).ConfigureAwait(false);
                break;
            case (PlanAction.Create, true):
                await client.CreateKeyAsync(step.Provider, step.KeyValue!, cancellationToken).ConfigureAwait(false);
                break;
            case (PlanAction.Update, true):
                await client.UpdateKeyAsync(step.Provider, step.KeyId!, fresh => WithEdits(fresh, step, ProviderConfigDiff.ToNode, ToKey, static (u, s) => u.Source = s.Source), cancellationToken).ConfigureAwait(false);
                break;
            default:
                await client.DeleteKeyAsync(step.Provider, step.KeyId!, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static T WithEdits<T>(T fresh, PlanStep step, Func<T, JsonNode> toNode, Func<JsonObject, T> fromNode, Action<T, T> keepSource)
    {
        var node = (JsonObject)toNode(fresh);
        foreach (var (kind, segments) in step.Edits)
        {
            if (kind == ProviderConfigChangeKind.Removed)
            {
                JsonTree.Remove(node, segments);
            }
            else
            {
                _ = JsonTree.TryGet(step.DesiredNode, segments, out var value);
                JsonTree.Set(node, segments, value);
            }
        }

        var result = fromNode(node);
        keepSource(result, fresh);
        return result;
    }

    private static PlanStep PlanKeyCreate(ProviderName provider, ProviderKeyUpdate key, List<string> problems)
    {
        var value = key with { Id = null };
        var node = ProviderConfigDiff.ToNode(value);
        RefuseMasks(node, [.. value.SecretFields().Select(static f => f.Path)], Secrets.Describe(provider, key.Name), problems);
        return new PlanStep(PlanAction.Create, provider, key.Name, null, ProviderConfigDiff.Between(new ProviderKeyUpdate(), value).Changes) { KeyValue = value };
    }

    /// <summary>A mask can only mean "keep"; on something to be created there is nothing to keep.</summary>
    private static void RefuseMasks(JsonNode node, IReadOnlyList<string> secretPaths, string owner, List<string> problems)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonTree.Index(node, string.Empty, [], map);
        foreach (var path in secretPaths)
        {
            if (map.TryGetValue(path, out var segments) && JsonTree.TryGet(node, segments, out var value) && Secrets.IsMask(Secrets.Read(value)))
            {
                problems.Add($"{owner}: {path} is a masked secret (exported from a gateway that stores it as plain text); a mask cannot be carried to another gateway or create anything: replace it with a reference (\"env.NAME\") or the secret");
            }
        }
    }

    /// <summary>
    /// Rewrites the desired secrets that mean "what the gateway has" to the gateway's own JSON, so they compare equal:
    /// the same reference, a mask equal to the current one, and (when asked) a plain secret. Returns the path map.
    /// </summary>
    private static Dictionary<string, string[]> Normalize(JsonObject desired, JsonNode current, IReadOnlyList<string> secretPaths, PlanOptions options, string owner, List<string> problems)
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        JsonTree.Index(desired, string.Empty, [], map);
        JsonTree.Index(current, string.Empty, [], map);
        foreach (var path in secretPaths)
        {
            if (!map.TryGetValue(path, out var segments) || !JsonTree.TryGet(desired, segments, out var wantedNode) || Secrets.Read(wantedNode) is not { } wanted)
            {
                continue;
            }

            _ = JsonTree.TryGet(current, segments, out var currentNode);
            var existing = Secrets.Read(currentNode);
            bool keep;
            if (wanted.Reference is not null)
            {
                keep = existing is not null && string.Equals(existing.Reference, wanted.Reference, StringComparison.Ordinal);
            }
            else if (Secrets.IsMask(wanted))
            {
                keep = existing is not null && existing.Reference is null && string.Equals(existing.RevealValue(), wanted.RevealValue(), StringComparison.Ordinal);
                if (!keep)
                {
                    problems.Add($"{owner}: {path} is a mask that is not this gateway's current mask for the field; a mask cannot be carried to another gateway: replace it with a reference (\"env.NAME\") or the secret");
                }
            }
            else
            {
                keep = options.SkipUnknowableSecrets && existing is not null && existing.RevealValue().Length > 0;
            }

            if (keep)
            {
                JsonTree.Set(desired, segments, currentNode);
            }
        }

        return map;
    }

    private static List<(ProviderConfigChangeKind, string[])> Edits(ProviderConfigDiff diff, Dictionary<string, string[]> map)
        => [.. diff.Changes.Select(c => (c.Kind, map.TryGetValue(c.Path, out var segments) ? segments : throw new InvalidOperationException($"No member path for change '{c.Path}'.")))];

    private static ProviderUpdate ToUpdate(JsonObject node) => node.Deserialize(ProviderConfigJsonContext.Default.ProviderUpdate)!;

    private static ProviderKeyUpdate ToKey(JsonObject node) => node.Deserialize(ProviderConfigJsonContext.Default.ProviderKeyUpdate)!;
}
