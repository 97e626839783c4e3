namespace ProviderConfig.Client;

/// <summary>A part of a key that holds secrets: its secret members by JSON name, for the masked-secret checks.</summary>
internal interface IKeySecrets
{
    IEnumerable<(string Name, SecretValue? Value)> Secrets();
}
