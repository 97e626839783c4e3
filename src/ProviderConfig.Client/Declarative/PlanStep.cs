using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Declarative;

/// <summary>
/// One step of a <see cref="DesiredStatePlan"/>: create, update or delete one provider or one key, with the field-level
/// changes it makes (secrets hidden, as <see cref="ProviderConfigDiff"/> shows them).
/// </summary>
public sealed class PlanStep
{
    internal PlanStep(PlanAction action, ProviderName provider, string? keyName, string? keyId, IReadOnlyList<ProviderConfigChange> changes)
    {
        Action = action;
        Provider = provider;
        KeyName = keyName;
        KeyId = keyId;
        Changes = changes;
    }

    /// <summary>What the step does.</summary>
    public PlanAction Action { get; }

    /// <summary>The provider the step acts on (or whose key it acts on).</summary>
    public ProviderName Provider { get; }

    /// <summary>The key's name when the step acts on a key; <see langword="null"/> when it acts on the provider.</summary>
    public string? KeyName { get; }

    /// <summary>The key's id on the gateway, for updates and deletes of a key; otherwise <see langword="null"/>.</summary>
    public string? KeyId { get; }

    /// <summary>Whether the step acts on a key rather than on a provider.</summary>
    public bool IsKeyStep => KeyName is not null;

    /// <summary>
    /// The field-level changes: for an update exactly the fields it writes; for a create what differs from the SDK
    /// defaults; empty for a delete. Secret values are hidden; a plain secret that cannot be compared shows as changed.
    /// </summary>
    public IReadOnlyList<ProviderConfigChange> Changes { get; }

    /// <summary>A short description, such as <c>~ update provider openai (2 changes)</c>.</summary>
    public string Title
    {
        get
        {
            var symbol = Action switch { PlanAction.Create => "+", PlanAction.Delete => "-", _ => "~" };
            var verb = Name(Action);
            var target = IsKeyStep ? $"key {Provider}/{KeyName}" : $"provider {Provider}";
            var count = Action == PlanAction.Update ? string.Create(CultureInfo.InvariantCulture, $" ({Changes.Count} change{(Changes.Count == 1 ? string.Empty : "s")})") : string.Empty;
            return $"{symbol} {verb} {target}{count}";
        }
    }

    internal ProviderUpdate? ProviderValue { get; init; }

    internal ProviderKeyUpdate? KeyValue { get; init; }

    internal JsonObject? DesiredNode { get; init; }

    internal IReadOnlyList<(ProviderConfigChangeKind Kind, string[] Segments)> Edits { get; init; } = [];

    internal static string Name(PlanAction action) => action switch
    {
        PlanAction.Create => "create",
        PlanAction.Delete => "delete",
        _ => "update",
    };

    /// <summary>The title and, indented below it, one line per change.</summary>
    /// <returns>Text without secret values.</returns>
    public override string ToString()
    {
        var text = new StringBuilder(Title);
        foreach (var change in Changes)
        {
            text.AppendLine().Append("    ").Append(change);
        }

        return text.ToString();
    }
}
