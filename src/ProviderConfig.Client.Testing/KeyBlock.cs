namespace ProviderConfig.Client.Testing;

/// <summary>A provider block of a key (<c>azure_key_config</c>, ...): its JSON name and members in struct order.</summary>
internal sealed record KeyBlock(string Name, IReadOnlyList<KeyField> Fields);
