using System.Diagnostics;

namespace ProviderConfig.Client;

/// <summary>The SDK's <see cref="ActivitySource"/>: one activity per call, named after the package, retries as events.</summary>
internal static class Telemetry
{
    public const string SourceName = "ProviderConfig.Client";

    public static readonly ActivitySource Source = new(SourceName, typeof(Telemetry).Assembly.GetName().Version?.ToString());
}
