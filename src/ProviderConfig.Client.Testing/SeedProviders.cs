using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>
/// The contract's example providers (tests/Fixtures) as the gateway would store them, unmasked. The secrets are
/// invented so that their masks equal the fixtures'. Embedded as code: the package reads nothing from disk.
/// </summary>
internal static class SeedProviders
{
    /// <summary>An invented PEM; its mask is <c>----************************----</c>.</summary>
    public const string ExampleCaCertPem = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUBifrostStubExampleOnlyNotARealCertificate0=\n-----END CERTIFICATE-----";

    /// <summary>The seeded bedrock proxy password (resolved from <c>env.BEDROCK_PROXY_PASSWORD</c>).</summary>
    public const string BedrockProxyPassword = "stub-proxy-password-7f3a";

    public static IEnumerable<KeyValuePair<string, JsonObject>> All()
    {
        yield return Seed("openai", """{}""");

        yield return Seed("azure", """
            {
              "network_config": {
                "extra_headers": { "X-Team": "platform", "X-Env": "prod" },
                "default_request_timeout_in_seconds": 120,
                "max_retries": 3,
                "retry_backoff_initial": 1000,
                "retry_backoff_max": 10000,
                "stream_idle_timeout_in_seconds": 120,
                "keep_alive_timeout_in_seconds": 30,
                "max_conns_per_host": 5000
              },
              "concurrency_and_buffer_size": { "concurrency": 50, "buffer_size": 500 },
              "send_back_raw_response": true,
              "config_hash": "cb5819fd720e12f6211eab09ba0e890246448f5928cf6d6a02c081d428396afd"
            }
            """);

        var bedrock = Seed("bedrock", """
            {
              "network_config": {
                "default_request_timeout_in_seconds": 300,
                "max_retries": 2,
                "retry_backoff_initial": 500,
                "retry_backoff_max": 5000,
                "stream_idle_timeout_in_seconds": 120,
                "keep_alive_timeout_in_seconds": 30,
                "max_conns_per_host": 1000,
                "enforce_http2": true
              },
              "concurrency_and_buffer_size": { "concurrency": 100, "buffer_size": 1000 },
              "proxy_config": {
                "type": "http",
                "url": "http://proxy.corp.example:3128",
                "username": "bifrost-proxy-svc",
                "password": { "value": "", "ref": "env.BEDROCK_PROXY_PASSWORD", "type": "env" }
              },
              "config_hash": "7b06130d55bcce0392bf6ff0ea1846eea566b61b5ac7394050069155f8325d41"
            }
            """);
        bedrock.Value["network_config"]!["ca_cert_pem"] = ExampleCaCertPem;
        bedrock.Value["proxy_config"]!["password"]!["value"] = BedrockProxyPassword;
        bedrock.Value["proxy_config"]!["ca_cert_pem"] = new Secret(ExampleCaCertPem, string.Empty, Secret.PlainText).ToStored();
        yield return bedrock;

        yield return Seed("acme-llm-gateway", """
            {
              "network_config": {
                "base_url": "http://llm-gateway.acme.internal:8000",
                "default_request_timeout_in_seconds": 60,
                "max_retries": 2,
                "retry_backoff_initial": 250,
                "retry_backoff_max": 2000,
                "stream_idle_timeout_in_seconds": 120,
                "keep_alive_timeout_in_seconds": 30,
                "max_conns_per_host": 200,
                "allow_private_network": true
              },
              "concurrency_and_buffer_size": { "concurrency": 20, "buffer_size": 200 },
              "store_raw_request_response": true,
              "custom_provider_config": {
                "is_key_less": true,
                "base_provider_type": "openai",
                "allowed_requests": { "list_models": true, "chat_completion": true, "chat_completion_stream": true, "embedding": true },
                "request_path_overrides": {
                  "chat_completion": "/v2/chat/completions",
                  "chat_completion_stream": "/v2/chat/completions"
                }
              },
              "status": "list_models_failed",
              "description": "failed to list models: unexpected status 404 from http://llm-gateway.acme.internal:8000/v1/models"
            }
            """);

        yield return Seed("gemini", """
            {
              "network_config": {
                "default_request_timeout_in_seconds": 300,
                "max_retries": 1,
                "retry_backoff_initial": 500,
                "retry_backoff_max": 5000,
                "ca_cert_pem": "env.GEMINI_EGRESS_CA_PEM",
                "stream_idle_timeout_in_seconds": 120,
                "keep_alive_timeout_in_seconds": 30,
                "max_conns_per_host": 5000
              },
              "concurrency_and_buffer_size": { "concurrency": 1000, "buffer_size": 5000 },
              "proxy_config": { "type": "environment", "url": null, "username": null, "password": null, "ca_cert_pem": null },
              "provider_status": "error"
            }
            """);
    }

    private static KeyValuePair<string, JsonObject> Seed(string name, string rawJson)
        => new(name, StoredProvider.Normalize(JsonNode.Parse(rawJson)!.AsObject()));
}
