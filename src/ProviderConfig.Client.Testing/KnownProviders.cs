namespace ProviderConfig.Client.Testing;

/// <summary>Provider lists from the contract (2.3, 1.5).</summary>
internal static class KnownProviders
{
    /// <summary>Standard (built-in) providers: a custom provider may not take one of these names.</summary>
    public static readonly HashSet<string> Standard = new(StringComparer.Ordinal)
    {
        "openai", "azure", "anthropic", "bedrock", "bedrock_mantle", "cohere", "vertex", "mistral", "ollama", "groq",
        "opencode-go", "opencode-zen", "sgl", "parasail", "perplexity", "cerebras", "deepseek", "gemini", "openrouter",
        "elevenlabs", "huggingface", "nebius", "xai", "replicate", "vllm", "runway", "runware", "fireworks", "sarvam", "deepgram",
    };

    /// <summary>What the newest gateway accepts as <c>base_provider_type</c> (narrower than the schema enum).</summary>
    public static readonly HashSet<string> SupportedBaseProviders = new(StringComparer.Ordinal)
    {
        "anthropic", "bedrock", "cohere", "gemini", "openai", "huggingface", "replicate",
    };

    /// <summary>The 60 <c>allowed_requests</c> flags of the newest struct, in struct order.</summary>
    public static readonly string[] AllowedRequestFlags =
    [
        "list_models", "text_completion", "text_completion_stream", "chat_completion", "chat_completion_stream",
        "responses", "responses_stream", "responses_retrieve", "responses_delete", "responses_cancel",
        "responses_input_items", "count_tokens", "compaction", "embedding", "rerank", "ocr", "speech", "speech_stream",
        "transcription", "transcription_stream", "image_generation", "image_generation_stream", "image_edit",
        "image_edit_stream", "image_variation", "video_generation", "video_retrieve", "video_download", "video_delete",
        "video_list", "video_remix", "batch_create", "batch_list", "batch_retrieve", "batch_cancel", "batch_delete",
        "batch_results", "file_upload", "file_list", "file_retrieve", "file_delete", "file_content", "container_create",
        "container_list", "container_retrieve", "container_delete", "container_file_create", "container_file_list",
        "container_file_retrieve", "container_file_content", "container_file_delete", "passthrough",
        "passthrough_stream", "websocket_responses", "realtime", "cached_content_create", "cached_content_list",
        "cached_content_retrieve", "cached_content_update", "cached_content_delete",
    ];
}
