using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// The name of a provider on a Bifrost gateway: a built-in one such as <see cref="OpenAI"/> or the name of a
/// custom provider. Names are case-sensitive on the gateway, and any string the gateway sends is accepted.
/// </summary>
[JsonConverter(typeof(StringValueConverter<ProviderName>))]
public readonly struct ProviderName : IEquatable<ProviderName>, IStringValue<ProviderName>
{
    private readonly string? _value;

    /// <summary>Creates a provider name.</summary>
    /// <param name="value">The name exactly as the gateway knows it (case-sensitive).</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public ProviderName(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    private ProviderName(string value, bool _) => _value = value;

    /// <summary>The name as sent on the wire. Empty for <c>default(ProviderName)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is one of the gateway's built-in providers (which a custom provider may not be named after).</summary>
    public bool IsStandard => StandardNames.Contains(Value);

    /// <summary>OpenAI.</summary>
    public static ProviderName OpenAI { get; } = new("openai");
    /// <summary>Azure OpenAI.</summary>
    public static ProviderName Azure { get; } = new("azure");
    /// <summary>Anthropic.</summary>
    public static ProviderName Anthropic { get; } = new("anthropic");
    /// <summary>AWS Bedrock.</summary>
    public static ProviderName Bedrock { get; } = new("bedrock");
    /// <summary>AWS Bedrock Mantle.</summary>
    public static ProviderName BedrockMantle { get; } = new("bedrock_mantle");
    /// <summary>Cohere.</summary>
    public static ProviderName Cohere { get; } = new("cohere");
    /// <summary>Google Vertex AI.</summary>
    public static ProviderName Vertex { get; } = new("vertex");
    /// <summary>Mistral.</summary>
    public static ProviderName Mistral { get; } = new("mistral");
    /// <summary>Ollama.</summary>
    public static ProviderName Ollama { get; } = new("ollama");
    /// <summary>Groq.</summary>
    public static ProviderName Groq { get; } = new("groq");
    /// <summary>OpenCode Go.</summary>
    public static ProviderName OpenCodeGo { get; } = new("opencode-go");
    /// <summary>OpenCode Zen.</summary>
    public static ProviderName OpenCodeZen { get; } = new("opencode-zen");
    /// <summary>SGLang.</summary>
    public static ProviderName Sgl { get; } = new("sgl");
    /// <summary>Parasail.</summary>
    public static ProviderName Parasail { get; } = new("parasail");
    /// <summary>Perplexity.</summary>
    public static ProviderName Perplexity { get; } = new("perplexity");
    /// <summary>Cerebras.</summary>
    public static ProviderName Cerebras { get; } = new("cerebras");
    /// <summary>DeepSeek.</summary>
    public static ProviderName DeepSeek { get; } = new("deepseek");
    /// <summary>Google Gemini.</summary>
    public static ProviderName Gemini { get; } = new("gemini");
    /// <summary>OpenRouter.</summary>
    public static ProviderName OpenRouter { get; } = new("openrouter");
    /// <summary>ElevenLabs.</summary>
    public static ProviderName ElevenLabs { get; } = new("elevenlabs");
    /// <summary>Hugging Face.</summary>
    public static ProviderName HuggingFace { get; } = new("huggingface");
    /// <summary>Nebius.</summary>
    public static ProviderName Nebius { get; } = new("nebius");
    /// <summary>xAI.</summary>
    public static ProviderName XAI { get; } = new("xai");
    /// <summary>Replicate.</summary>
    public static ProviderName Replicate { get; } = new("replicate");
    /// <summary>vLLM.</summary>
    public static ProviderName Vllm { get; } = new("vllm");
    /// <summary>Runway.</summary>
    public static ProviderName Runway { get; } = new("runway");
    /// <summary>Runware.</summary>
    public static ProviderName Runware { get; } = new("runware");
    /// <summary>Fireworks.</summary>
    public static ProviderName Fireworks { get; } = new("fireworks");
    /// <summary>Sarvam.</summary>
    public static ProviderName Sarvam { get; } = new("sarvam");
    /// <summary>Deepgram.</summary>
    public static ProviderName Deepgram { get; } = new("deepgram");

    private static readonly HashSet<string> StandardNames = new(StringComparer.Ordinal)
    {
        "openai", "azure", "anthropic", "bedrock", "bedrock_mantle", "cohere", "vertex", "mistral", "ollama", "groq",
        "opencode-go", "opencode-zen", "sgl", "parasail", "perplexity", "cerebras", "deepseek", "gemini", "openrouter",
        "elevenlabs", "huggingface", "nebius", "xai", "replicate", "vllm", "runway", "runware", "fireworks", "sarvam",
        "deepgram",
    };

    static ProviderName IStringValue<ProviderName>.FromWire(string value) => new(value, false);

    /// <summary>Converts a string to a <see cref="ProviderName"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, empty or white space.</exception>
    public static implicit operator ProviderName(string value) => new(value);

    /// <summary>Compares two names ordinally (the gateway is case-sensitive).</summary>
    public static bool operator ==(ProviderName left, ProviderName right) => left.Equals(right);

    /// <summary>Compares two names ordinally (the gateway is case-sensitive).</summary>
    public static bool operator !=(ProviderName left, ProviderName right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ProviderName other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ProviderName other && Equals(other);

    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>The name as sent on the wire.</summary>
    public override string ToString() => Value;
}
