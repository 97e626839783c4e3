using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>A decoded <c>network_config</c>: the block as stored, plus the backoffs at full (nanosecond) precision for validation.</summary>
internal sealed record NetworkBlock(JsonObject Stored, long BackoffInitialNanoseconds, long BackoffMaxNanoseconds);
