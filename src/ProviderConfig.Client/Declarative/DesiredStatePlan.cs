using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProviderConfig.Client.Declarative;

/// <summary>
/// What it takes to bring a gateway to a desired state: provider and key steps in the order
/// <see cref="DesiredStatePlanner.ApplyAsync"/> runs them. Prints without secrets.
/// </summary>
public sealed class DesiredStatePlan
{
    internal DesiredStatePlan(IReadOnlyList<PlanStep> steps, bool prune)
    {
        Steps = steps;
        Prune = prune;
    }

    /// <summary>The steps, in order: per provider its create or update, then its keys; provider deletes last.</summary>
    public IReadOnlyList<PlanStep> Steps { get; }

    /// <summary>Whether the plan was made with <see cref="PlanOptions.Prune"/>.</summary>
    public bool Prune { get; }

    /// <summary>Whether the gateway already matches the desired state.</summary>
    public bool IsEmpty => Steps.Count == 0;

    /// <summary>One line such as <c>Plan: 1 to create, 2 to update, 0 to delete.</c></summary>
    public string Summary => IsEmpty
        ? "No changes: the gateway matches the desired state."
        : string.Create(CultureInfo.InvariantCulture, $"Plan: {Count(PlanAction.Create)} to create, {Count(PlanAction.Update)} to update, {Count(PlanAction.Delete)} to delete.");

    /// <summary>Every step with its changes, then the summary.</summary>
    /// <returns>Text without secret values.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var step in Steps)
        {
            text.AppendLine(step.ToString());
        }

        return text.Append(Summary).ToString();
    }

    /// <summary>
    /// The plan as JSON for machines: <c>{"changes": bool, "summary": {...}, "steps": [{"action", "provider", "key",
    /// "key_id", "changes": [{"path", "kind", "old", "new"}]}]}</c>. Secrets are hidden as in <see cref="ToString"/>.
    /// </summary>
    /// <returns>An indented JSON document.</returns>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("changes", !IsEmpty);
            writer.WriteStartObject("summary");
            writer.WriteNumber("create", Count(PlanAction.Create));
            writer.WriteNumber("update", Count(PlanAction.Update));
            writer.WriteNumber("delete", Count(PlanAction.Delete));
            writer.WriteEndObject();
            writer.WriteStartArray("steps");
            foreach (var step in Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("action", PlanStep.Name(step.Action));
                writer.WriteString("provider", step.Provider.Value);
                WriteNullable(writer, "key", step.KeyName);
                WriteNullable(writer, "key_id", step.KeyId);
                writer.WriteStartArray("changes");
                foreach (var change in step.Changes)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", change.Path);
                    writer.WriteString("kind", change.Kind switch { ProviderConfigChangeKind.Added => "added", ProviderConfigChangeKind.Removed => "removed", _ => "changed" });
                    WriteNullable(writer, "old", change.OldValue);
                    WriteNullable(writer, "new", change.NewValue);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private int Count(PlanAction action) => Steps.Count(s => s.Action == action);
}
