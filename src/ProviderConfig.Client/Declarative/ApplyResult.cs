using System.Globalization;
using System.Text;

namespace ProviderConfig.Client.Declarative;

/// <summary>What <see cref="DesiredStatePlanner.ApplyAsync"/> did: the steps done, the one that failed and those not tried.</summary>
public sealed class ApplyResult
{
    internal ApplyResult(IReadOnlyList<PlanStep> completed, PlanStep? failed, Exception? error, IReadOnlyList<PlanStep> notAttempted)
    {
        Completed = completed;
        Failed = failed;
        Error = error;
        NotAttempted = notAttempted;
    }

    /// <summary>The steps that were applied, in order.</summary>
    public IReadOnlyList<PlanStep> Completed { get; }

    /// <summary>The step that failed, after which the apply stopped; <see langword="null"/> when every step was applied.</summary>
    public PlanStep? Failed { get; }

    /// <summary>Why <see cref="Failed"/> failed (an SDK exception carrying the gateway's message).</summary>
    public Exception? Error { get; }

    /// <summary>The steps after the failed one, which were not tried.</summary>
    public IReadOnlyList<PlanStep> NotAttempted { get; }

    /// <summary>Whether every step was applied.</summary>
    public bool Succeeded => Failed is null;

    /// <summary>Done, failed (with the error's message) and not-tried steps, one line each.</summary>
    /// <returns>Text without secret values.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var step in Completed)
        {
            text.Append("done:        ").AppendLine(step.Title);
        }

        if (Failed is not null)
        {
            text.Append("failed:      ").Append(Failed.Title).Append(": ").AppendLine(Error?.Message.ReplaceLineEndings(" "));
        }

        foreach (var step in NotAttempted)
        {
            text.Append("not done:    ").AppendLine(step.Title);
        }

        text.Append(Succeeded
            ? string.Create(CultureInfo.InvariantCulture, $"Apply complete: {Completed.Count} step(s) done.")
            : string.Create(CultureInfo.InvariantCulture, $"Apply stopped: {Completed.Count} done, 1 failed, {NotAttempted.Count} not done."));
        return text.ToString();
    }
}
