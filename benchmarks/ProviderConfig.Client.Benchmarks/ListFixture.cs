using System.Globalization;
using System.Text.Json;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// The bodies of <c>GET /api/providers</c> (100 providers) and <c>GET /api/providers/{p}/keys</c> (50 keys), built from
/// the shapes of the management contract's examples (§6.1, §6.2) and the provider fixtures, varied item by item.
/// Deterministic (a fixed seed), compact as the gateway's Go encoder writes them, and built once per benchmark setup.
/// </summary>
/// <remarks>
/// Provider names are unique and the gateway knows 30 built-in ones, so a list of 100 holds all 30 plus 70 custom
/// providers (most of them plain, a few with <c>allowed_requests</c> and path overrides). Items sort by name in byte
/// order, as the gateway sorts them.
/// </remarks>
public static class ListFixture
{
    public const int ProviderCount = 100;
    public const int KeyCount = 50;

    /// <summary>The provider whose keys are listed.</summary>
    public const string KeysProvider = "openai";

    private static readonly string[] BuiltIn =
    [
        "openai", "azure", "anthropic", "bedrock", "bedrock_mantle", "cohere", "vertex", "mistral", "ollama", "groq",
        "opencode-go", "opencode-zen", "sgl", "parasail", "perplexity", "cerebras", "deepseek", "gemini", "openrouter",
        "elevenlabs", "huggingface", "nebius", "xai", "replicate", "vllm", "runway", "runware", "fireworks", "sarvam",
        "deepgram",
    ];

    private static readonly string[] Orgs = ["acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne"];
    private static readonly string[] Purposes = ["openai", "llm-gateway", "vllm-cluster", "eu", "us-east", "batch", "research", "tgi", "claude-proxy", "embeddings"];
    private static readonly string[] Bases = ["openai", "openai", "openai", "anthropic", "bedrock", "gemini", "cohere", "mistral"];

    private static readonly string[] AllowedRequestFlags =
    [
        "list_models", "text_completion", "text_completion_stream", "chat_completion", "chat_completion_stream", "responses",
        "responses_stream", "responses_retrieve", "responses_delete", "responses_cancel", "responses_input_items", "count_tokens",
        "compaction", "embedding", "rerank", "ocr", "speech", "speech_stream", "transcription", "transcription_stream",
        "image_generation", "image_generation_stream", "image_edit", "image_edit_stream", "image_variation", "video_generation",
        "video_retrieve", "video_download", "video_delete", "video_list", "video_remix", "batch_create", "batch_list",
        "batch_retrieve", "batch_cancel", "batch_delete", "batch_results", "file_upload", "file_list", "file_retrieve",
        "file_delete", "file_content", "container_create", "container_list", "container_retrieve", "container_delete",
        "container_file_create", "container_file_list", "container_file_retrieve", "container_file_content",
        "container_file_delete", "passthrough", "passthrough_stream", "websocket_responses", "realtime",
        "cached_content_create", "cached_content_list", "cached_content_retrieve", "cached_content_update", "cached_content_delete",
    ];

    private static readonly string[] ModelLists =
    [
        "gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3", "o4-mini", "text-embedding-3-large", "text-embedding-3-small",
        "whisper-1", "tts-1", "gpt-image-1",
    ];

    private static readonly string[] AzureRegions = ["eastus", "eastus2", "westeurope", "swedencentral", "japaneast"];
    private static readonly string[] AwsRegions = ["us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1"];

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The body of <c>GET /api/providers</c> with <see cref="ProviderCount"/> providers.</summary>
    public static byte[] ProvidersBody()
    {
        var random = new Random(1001);
        var names = new List<string>(BuiltIn);
        for (var i = 0; names.Count < ProviderCount; i++)
        {
            names.Add(string.Create(CultureInfo.InvariantCulture, $"{Orgs[i % Orgs.Length]}-{Purposes[(i / Orgs.Length) % Purposes.Length]}-{i:00}"));
        }

        names.Sort(StringComparer.Ordinal);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("providers");
            var custom = 0;
            foreach (var name in names)
            {
                var isCustom = Array.IndexOf(BuiltIn, name) < 0;
                WriteProvider(writer, random, name, isCustom ? custom++ : -1);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", names.Count);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>The body of <c>GET /api/providers/openai/keys</c> with <see cref="KeyCount"/> keys.</summary>
    public static byte[] KeysBody()
    {
        var random = new Random(1002);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            for (var i = 0; i < KeyCount; i++)
            {
                WriteKey(writer, random, i);
            }

            writer.WriteEndArray();
            writer.WriteNumber("total", KeyCount);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    // ---- providers (contract §6.1 and the provider fixtures) ----

    private static void WriteProvider(Utf8JsonWriter writer, Random random, string name, int customIndex)
    {
        var isCustom = customIndex >= 0;
        var baseType = isCustom ? Bases[customIndex % Bases.Length] : name;
        var internalHost = isCustom && customIndex % 3 == 1;
        var org = name.Split('-')[0];

        writer.WriteStartObject();
        writer.WriteString("name", name);

        // network_config: field order of NetworkConfig.MarshalJSON; durations in seconds, backoff in milliseconds.
        writer.WriteStartObject("network_config");
        if (isCustom)
        {
            writer.WriteString("base_url", internalHost
                ? string.Create(CultureInfo.InvariantCulture, $"http://{name}.{org}.internal:{8000 + customIndex}")
                : $"https://llm.{org}.example/{name}/v1");
        }

        if (random.Next(8) == 0)
        {
            writer.WriteStartObject("extra_headers");
            writer.WriteString("X-Team", random.Next(2) == 0 ? "platform" : "ml-infra");
            writer.WriteString("X-Env", random.Next(3) == 0 ? "staging" : "prod");
            writer.WriteEndObject();
        }

        var tuned = isCustom || random.Next(3) == 0;
        writer.WriteNumber("default_request_timeout_in_seconds", tuned ? 30 * (1 + random.Next(10)) : 300);
        writer.WriteNumber("max_retries", tuned ? random.Next(4) : 0);
        writer.WriteNumber("retry_backoff_initial", tuned ? 250 * (1 + random.Next(4)) : 500);
        writer.WriteNumber("retry_backoff_max", tuned ? 2000 * (1 + random.Next(5)) : 5000);
        var caCert = random.Next(10);
        if (caCert == 0)
        {
            writer.WriteString("ca_cert_pem", "----************************----");
        }
        else if (caCert == 1)
        {
            writer.WriteString("ca_cert_pem", $"env.{Env(name)}_EGRESS_CA_PEM");
        }

        if (random.Next(6) != 0)
        {
            // Newer gateways always write these three.
            writer.WriteNumber("stream_idle_timeout_in_seconds", 120);
            writer.WriteNumber("keep_alive_timeout_in_seconds", 30);
            writer.WriteNumber("max_conns_per_host", random.Next(3) == 0 ? 200 * (1 + random.Next(5)) : 5000);
        }

        if (random.Next(12) == 0)
        {
            writer.WriteBoolean("enforce_http2", true);
        }

        if (internalHost)
        {
            writer.WriteBoolean("allow_private_network", true);
        }

        writer.WriteEndObject();

        writer.WriteStartObject("concurrency_and_buffer_size");
        var concurrency = tuned ? 10 * (1 + random.Next(100)) : 1000;
        writer.WriteNumber("concurrency", concurrency);
        writer.WriteNumber("buffer_size", tuned ? concurrency * (2 + random.Next(9)) : 5000);
        writer.WriteEndObject();

        // proxy_config: null for most; an authenticated HTTP proxy (masked secrets), SOCKS5, or from the environment.
        switch (random.Next(16))
        {
            case 0:
            case 1:
                writer.WriteStartObject("proxy_config");
                writer.WriteString("type", "http");
                WriteSecret(writer, "url", Mask("http", "3128"));
                WriteSecret(writer, "username", Mask(Prefix(org), "-svc"));
                if (random.Next(2) == 0)
                {
                    WriteSecret(writer, "password", "<REDACTED>", $"env.{Env(name)}_PROXY_PASSWORD", "env");
                }
                else
                {
                    WriteSecret(writer, "password", "<REDACTED>");
                }

                if (random.Next(3) == 0)
                {
                    WriteSecret(writer, "ca_cert_pem", "<REDACTED>");
                }
                else
                {
                    writer.WriteNull("ca_cert_pem");
                }

                writer.WriteEndObject();
                break;
            case 2:
                writer.WriteStartObject("proxy_config");
                writer.WriteString("type", "socks5");
                WriteSecret(writer, "url", Mask("sock", "1080"));
                writer.WriteNull("username");
                writer.WriteNull("password");
                writer.WriteNull("ca_cert_pem");
                writer.WriteEndObject();
                break;
            case 3:
                writer.WriteStartObject("proxy_config");
                writer.WriteString("type", "environment");
                writer.WriteNull("url");
                writer.WriteNull("username");
                writer.WriteNull("password");
                writer.WriteNull("ca_cert_pem");
                writer.WriteEndObject();
                break;
            default:
                writer.WriteNull("proxy_config");
                break;
        }

        writer.WriteBoolean("send_back_raw_request", random.Next(10) == 0);
        writer.WriteBoolean("send_back_raw_response", random.Next(6) == 0);
        writer.WriteBoolean("store_raw_request_response", random.Next(4) == 0);

        if (isCustom)
        {
            writer.WriteStartObject("custom_provider_config");
            writer.WriteBoolean("is_key_less", baseType != "bedrock" && customIndex % 5 == 2);
            writer.WriteString("base_provider_type", baseType);
            if (customIndex % 12 == 3)
            {
                // A few restricted providers, as in get-custom-provider-keyless.json.
                writer.WriteStartObject("allowed_requests");
                foreach (var flag in AllowedRequestFlags)
                {
                    writer.WriteBoolean(flag, flag is "list_models" or "chat_completion" or "chat_completion_stream" or "embedding" || random.Next(10) == 0);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("request_path_overrides");
                writer.WriteString("chat_completion", "/v2/chat/completions");
                writer.WriteString("chat_completion_stream", "/v2/chat/completions");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (baseType == "openai" && random.Next(3) == 0)
        {
            writer.WriteStartObject("openai_config");
            writer.WriteBoolean("disable_store", true);
            writer.WriteEndObject();
        }

        var failing = random.Next(7) == 0;
        writer.WriteString("provider_status", failing ? "error" : "active");
        if (failing || (isCustom && random.Next(6) == 0))
        {
            writer.WriteString("status", "list_models_failed");
            writer.WriteString("description", isCustom
                ? $"failed to list models: unexpected status 404 from {name}/v1/models"
                : "failed to list models: 401 Unauthorized");
        }

        if (random.Next(3) == 0)
        {
            writer.WriteString("config_hash", Hex(random, 64));
        }

        writer.WriteEndObject();
    }

    // ---- keys (contract §6.2, §1.3) ----

    private static void WriteKey(Utf8JsonWriter writer, Random random, int index)
    {
        var kind = index % 10; // 0-6 plain OpenAI-style keys, 7-8 Azure blocks, 9 Bedrock blocks
        var azure = kind is 7 or 8;
        var bedrock = kind == 9;
        var region = bedrock ? AwsRegions[random.Next(AwsRegions.Length)] : AzureRegions[random.Next(AzureRegions.Length)];
        var name = azure ? $"azure-{region}-{index:00}" : bedrock ? $"bedrock-{region}-{index:00}" : $"openai-{(random.Next(4) == 0 ? "batch" : "prod")}-{index:00}";

        writer.WriteStartObject();
        writer.WriteString("id", new Guid(Bytes(random, 16)).ToString());
        writer.WriteString("name", name);

        // value: partial mask (first 4 + 24 '*' + last 4); an env reference keeps ref/type; Bedrock keys carry none.
        if (bedrock)
        {
            WriteSecret(writer, "value", string.Empty, type: "plain_text");
        }
        else if (random.Next(3) == 0)
        {
            WriteSecret(writer, "value", Mask(azure ? Token(random, 4) : "sk-" + Token(random, 1), Token(random, 4)), string.Create(CultureInfo.InvariantCulture, $"env.OPENAI_KEY_{index:00}"), "env");
        }
        else if (random.Next(12) == 0)
        {
            WriteSecret(writer, "value", Mask("sk-" + Token(random, 1), Token(random, 4)), $"vault.secret/llm/{name}", "vault");
        }
        else
        {
            WriteSecret(writer, "value", Mask(azure ? Token(random, 4) : "sk-" + Token(random, 1), Token(random, 4)), type: "plain_text");
        }

        writer.WriteStartArray("models");
        if (random.Next(3) == 0)
        {
            var count = 1 + random.Next(4);
            var start = random.Next(ModelLists.Length - count);
            for (var m = 0; m < count; m++)
            {
                writer.WriteStringValue(ModelLists[start + m]);
            }

            if (random.Next(2) == 0)
            {
                writer.WriteStringValue("regex:^o[34]-.*"); // newest gateways only (PR #7134)
            }
        }
        else
        {
            writer.WriteStringValue("*");
        }

        writer.WriteEndArray();
        writer.WriteStartArray("blacklisted_models");
        if (random.Next(6) == 0)
        {
            writer.WriteStringValue("gpt-4o-realtime-preview");
        }

        writer.WriteEndArray();
        writer.WriteNumber("weight", random.Next(4) switch { 0 => 0.5, 1 => 2, _ => 1 });

        // aliases: a bare string when only model_id is set, an object otherwise; both forms in one map.
        var aliases = azure ? 1 + random.Next(3) : random.Next(4) == 0 ? 1 : 0;
        if (aliases > 0)
        {
            writer.WriteStartObject("aliases");
            writer.WriteString(azure ? "gpt-4o" : "fast", azure ? $"gpt4o-{region}-deployment" : "gpt-4o-mini");
            if (aliases > 1)
            {
                writer.WriteStartObject("claude-sonnet");
                writer.WriteString("model_id", string.Create(CultureInfo.InvariantCulture, $"claude-deploy-{index:00}"));
                writer.WriteString("model_name", "claude-sonnet-4-5");
                writer.WriteString("model_family", "anthropic");
                writer.WriteString("anthropic_version", "2023-06-01");
                writer.WriteEndObject();
            }

            if (aliases > 2)
            {
                writer.WriteStartObject("gpt-4.1");
                writer.WriteString("model_id", $"gpt41-{region}");
                writer.WriteString("api_version", "2024-10-21");
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        if (azure)
        {
            writer.WriteStartObject("azure_key_config");
            WriteSecret(writer, "endpoint", $"https://acme-{region}.openai.azure.com", type: "plain_text"); // a literal endpoint is clear
            WriteSecret(writer, "client_id", Mask(Hex(random, 4), Hex(random, 4)), type: "plain_text");
            if (random.Next(2) == 0)
            {
                WriteSecret(writer, "client_secret", Mask(Token(random, 4), Token(random, 4)), "env.AZURE_CLIENT_SECRET", "env");
            }

            WriteSecret(writer, "tenant_id", Mask(Hex(random, 4), Hex(random, 4)), type: "plain_text");
            writer.WriteStartArray("scopes");
            writer.WriteStringValue("https://cognitiveservices.azure.com/.default");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (bedrock)
        {
            writer.WriteStartObject("bedrock_key_config");
            WriteSecret(writer, "access_key", Mask("AKIA", Token(random, 4).ToUpperInvariant()), type: "plain_text");
            WriteSecret(writer, "secret_key", Mask(Token(random, 4), Token(random, 4)), "env.AWS_SECRET_ACCESS_KEY", "env");
            WriteSecret(writer, "session_token", string.Empty, type: "plain_text");
            WriteSecret(writer, "region", Mask(region[..4], region[^4..]), type: "plain_text"); // region is masked too
            if (random.Next(2) == 0)
            {
                WriteSecret(writer, "role_arn", Mask("arn:", "role"), type: "plain_text");
                WriteSecret(writer, "external_id", "********", type: "plain_text");
                WriteSecret(writer, "session_name", Mask("bifr", "sion"), type: "plain_text");
            }

            writer.WriteStartObject("batch_s3_config");
            writer.WriteStartArray("buckets");
            writer.WriteStartObject();
            writer.WriteString("bucket_name", $"acme-batch-{region}");
            writer.WriteString("prefix", "in/");
            writer.WriteBoolean("is_default", true);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteBoolean("enabled", random.Next(8) != 0);
        writer.WriteBoolean("use_for_batch_api", name.Contains("batch", StringComparison.Ordinal) || random.Next(10) == 0);
        writer.WriteBoolean("use_anthropic_endpoints", false);
        if (random.Next(4) == 0)
        {
            writer.WriteString("config_hash", Hex(random, 64));
        }

        if (random.Next(6) == 0)
        {
            writer.WriteString("status", "list_models_failed");
            writer.WriteString("description", "incorrect API key provided");
        }
        else
        {
            writer.WriteString("status", "success");
        }

        writer.WriteEndObject();
    }

    private static void WriteSecret(Utf8JsonWriter writer, string property, string value, string? reference = null, string? type = null)
    {
        writer.WriteStartObject(property);
        writer.WriteString("value", value);
        if (reference is not null)
        {
            writer.WriteString("ref", reference);
        }

        writer.WriteString("type", type ?? (reference is null ? "plain_text" : "env"));
        writer.WriteEndObject();
    }

    /// <summary><c>SecretVar.Redacted()</c> of a value longer than 8 characters: first 4 + 24 '*' + last 4.</summary>
    private static string Mask(string first, string last) => string.Concat(first.AsSpan(0, 4), new string('*', 24), last.AsSpan(last.Length - 4));

    private static string Prefix(string org) => (org + "____")[..4];

    private static string Env(string name) => name.ToUpperInvariant().Replace('-', '_');

    private static string Token(Random random, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Hex(Random random, int length) => Convert.ToHexStringLower(Bytes(random, (length + 1) / 2))[..length];

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
