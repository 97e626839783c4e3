using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The keys of the seeded providers, as the gateway would store them (unmasked): the contract's examples (management
/// contract 6.2, 6.3). The secrets are invented so that their masks equal the examples'.
/// </summary>
internal static class SeedKeys
{
    public const string OpenAIProdId = "3f1c2a9e-5b7d-4c1e-9a0b-2d6e8f4a1c37";
    public const string OpenAIBatchId = "b7e4d2c1-0a9f-4e3b-8c6d-5f1a2b3c4d5e";
    public const string AzureId = "c0ffee00-1111-4222-8333-944455556666";
    public const string BedrockId = "5d2e8f1a-7c3b-4e9d-a6f0-1b2c3d4e5f60";

    /// <summary>Masked as <c>sk-p************************9xQa</c>.</summary>
    public const string OpenAIProdValue = "sk-proj-StubSeedExampleOnly00009xQa";

    /// <summary>Resolved from <c>env.OPENAI_BATCH_KEY</c>; masked as <c>sk-a************************b3Kd</c>.</summary>
    public const string OpenAIBatchValue = "sk-admin-StubSeedExampleOnly00b3Kd";

    /// <summary>Masked as <c>7f3a************************c2d1</c>.</summary>
    public const string AzureValue = "7f3a0c9e1b2d4f6a8c0e2b4d6f8ac2d1";

    /// <summary>Resolved from <c>env.AWS_SECRET_ACCESS_KEY</c> (AWS's documented example secret).</summary>
    public const string BedrockSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    public static IEnumerable<KeyValuePair<string, JsonObject>> All()
    {
        yield return Seed("openai", $$"""
            {
              "id": "{{OpenAIProdId}}",
              "name": "openai-prod-1",
              "value": { "value": "{{OpenAIProdValue}}", "type": "plain_text" },
              "models": ["*"],
              "blacklisted_models": [],
              "weight": 1,
              "enabled": true,
              "use_for_batch_api": false,
              "use_anthropic_endpoints": false,
              "status": "success"
            }
            """);

        yield return Seed("openai", $$"""
            {
              "id": "{{OpenAIBatchId}}",
              "name": "openai-batch",
              "value": { "value": "{{OpenAIBatchValue}}", "ref": "env.OPENAI_BATCH_KEY", "type": "env" },
              "models": ["gpt-4o", "gpt-4o-mini", "regex:^o[34]-.*"],
              "blacklisted_models": ["gpt-4o-realtime-preview"],
              "weight": 0.5,
              "aliases": { "fast": "gpt-4o-mini" },
              "enabled": false,
              "use_for_batch_api": true,
              "use_anthropic_endpoints": false,
              "config_hash": "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
              "status": "list_models_failed",
              "description": "incorrect API key provided"
            }
            """);

        yield return Seed("azure", $$"""
            {
              "id": "{{AzureId}}",
              "name": "azure-eastus",
              "value": "{{AzureValue}}",
              "models": ["*"],
              "blacklisted_models": [],
              "weight": 1,
              "aliases": {
                "gpt-4o": "gpt4o-prod-deployment",
                "claude-sonnet": { "model_id": "claude-deploy-01", "model_name": "claude-sonnet-4-5", "model_family": "anthropic", "anthropic_version": "2023-06-01" }
              },
              "azure_key_config": {
                "endpoint": "https://acme-eastus.openai.azure.com",
                "client_id": "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b9f0e",
                "tenant_id": "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f67a8b"
              },
              "enabled": true,
              "use_for_batch_api": false,
              "use_anthropic_endpoints": false,
              "status": "success"
            }
            """);

        yield return Seed("bedrock", $$"""
            {
              "id": "{{BedrockId}}",
              "name": "bedrock-us-east-1",
              "value": "",
              "models": ["*"],
              "weight": 1,
              "bedrock_key_config": {
                "access_key": "AKIAIOSFODNN7EXAMPLE",
                "secret_key": { "value": "{{BedrockSecretKey}}", "ref": "env.AWS_SECRET_ACCESS_KEY", "type": "env" },
                "region": "us-east-1"
              },
              "enabled": true,
              "use_for_batch_api": false,
              "use_anthropic_endpoints": false,
              "status": "success"
            }
            """);
    }

    private static KeyValuePair<string, JsonObject> Seed(string provider, string rawJson)
        => new(provider, KeyReader.Read(JsonNode.Parse(rawJson)!.AsObject(), raw: true));
}
