using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProviderConfig.Client;

/// <summary>
/// Which request types a custom provider serves (<c>allowed_requests</c>). Only the flags set to true are allowed: a
/// flag left false denies that request type. Flags added by newer gateways are kept in <see cref="ExtensionData"/> and
/// sent back unchanged.
/// </summary>
public sealed record AllowedRequests
{
    /// <summary>Allows <c>list_models</c> requests.</summary>
    [JsonPropertyName("list_models")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ListModels { get; init; }

    /// <summary>Allows <c>text_completion</c> requests.</summary>
    [JsonPropertyName("text_completion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool TextCompletion { get; init; }

    /// <summary>Allows <c>text_completion_stream</c> requests.</summary>
    [JsonPropertyName("text_completion_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool TextCompletionStream { get; init; }

    /// <summary>Allows <c>chat_completion</c> requests.</summary>
    [JsonPropertyName("chat_completion")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ChatCompletion { get; init; }

    /// <summary>Allows <c>chat_completion_stream</c> requests.</summary>
    [JsonPropertyName("chat_completion_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ChatCompletionStream { get; init; }

    /// <summary>Allows <c>responses</c> requests.</summary>
    [JsonPropertyName("responses")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Responses { get; init; }

    /// <summary>Allows <c>responses_stream</c> requests.</summary>
    [JsonPropertyName("responses_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ResponsesStream { get; init; }

    /// <summary>Allows <c>responses_retrieve</c> requests.</summary>
    [JsonPropertyName("responses_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ResponsesRetrieve { get; init; }

    /// <summary>Allows <c>responses_delete</c> requests.</summary>
    [JsonPropertyName("responses_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ResponsesDelete { get; init; }

    /// <summary>Allows <c>responses_cancel</c> requests.</summary>
    [JsonPropertyName("responses_cancel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ResponsesCancel { get; init; }

    /// <summary>Allows <c>responses_input_items</c> requests.</summary>
    [JsonPropertyName("responses_input_items")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ResponsesInputItems { get; init; }

    /// <summary>Allows <c>count_tokens</c> requests.</summary>
    [JsonPropertyName("count_tokens")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool CountTokens { get; init; }

    /// <summary>Allows <c>compaction</c> requests.</summary>
    [JsonPropertyName("compaction")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Compaction { get; init; }

    /// <summary>Allows <c>embedding</c> requests.</summary>
    [JsonPropertyName("embedding")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Embedding { get; init; }

    /// <summary>Allows <c>rerank</c> requests.</summary>
    [JsonPropertyName("rerank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Rerank { get; init; }

    /// <summary>Allows <c>ocr</c> requests.</summary>
    [JsonPropertyName("ocr")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Ocr { get; init; }

    /// <summary>Allows <c>speech</c> requests.</summary>
    [JsonPropertyName("speech")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Speech { get; init; }

    /// <summary>Allows <c>speech_stream</c> requests.</summary>
    [JsonPropertyName("speech_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool SpeechStream { get; init; }

    /// <summary>Allows <c>transcription</c> requests.</summary>
    [JsonPropertyName("transcription")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Transcription { get; init; }

    /// <summary>Allows <c>transcription_stream</c> requests.</summary>
    [JsonPropertyName("transcription_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool TranscriptionStream { get; init; }

    /// <summary>Allows <c>image_generation</c> requests.</summary>
    [JsonPropertyName("image_generation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ImageGeneration { get; init; }

    /// <summary>Allows <c>image_generation_stream</c> requests.</summary>
    [JsonPropertyName("image_generation_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ImageGenerationStream { get; init; }

    /// <summary>Allows <c>image_edit</c> requests.</summary>
    [JsonPropertyName("image_edit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ImageEdit { get; init; }

    /// <summary>Allows <c>image_edit_stream</c> requests.</summary>
    [JsonPropertyName("image_edit_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ImageEditStream { get; init; }

    /// <summary>Allows <c>image_variation</c> requests.</summary>
    [JsonPropertyName("image_variation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ImageVariation { get; init; }

    /// <summary>Allows <c>video_generation</c> requests.</summary>
    [JsonPropertyName("video_generation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool VideoGeneration { get; init; }

    /// <summary>Allows <c>video_retrieve</c> requests.</summary>
    [JsonPropertyName("video_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool VideoRetrieve { get; init; }

    /// <summary>Allows <c>video_download</c> requests.</summary>
    [JsonPropertyName("video_download")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool VideoDownload { get; init; }

    /// <summary>Allows <c>video_delete</c> requests.</summary>
    [JsonPropertyName("video_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool VideoDelete { get; init; }

    /// <summary>Allows <c>video_list</c> requests.</summary>
    [JsonPropertyName("video_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool VideoList { get; init; }

    /// <summary>Allows <c>video_remix</c> requests.</summary>
    [JsonPropertyName("video_remix")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool VideoRemix { get; init; }

    /// <summary>Allows <c>batch_create</c> requests.</summary>
    [JsonPropertyName("batch_create")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool BatchCreate { get; init; }

    /// <summary>Allows <c>batch_list</c> requests.</summary>
    [JsonPropertyName("batch_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool BatchList { get; init; }

    /// <summary>Allows <c>batch_retrieve</c> requests.</summary>
    [JsonPropertyName("batch_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool BatchRetrieve { get; init; }

    /// <summary>Allows <c>batch_cancel</c> requests.</summary>
    [JsonPropertyName("batch_cancel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool BatchCancel { get; init; }

    /// <summary>Allows <c>batch_delete</c> requests.</summary>
    [JsonPropertyName("batch_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool BatchDelete { get; init; }

    /// <summary>Allows <c>batch_results</c> requests.</summary>
    [JsonPropertyName("batch_results")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool BatchResults { get; init; }

    /// <summary>Allows <c>file_upload</c> requests.</summary>
    [JsonPropertyName("file_upload")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool FileUpload { get; init; }

    /// <summary>Allows <c>file_list</c> requests.</summary>
    [JsonPropertyName("file_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool FileList { get; init; }

    /// <summary>Allows <c>file_retrieve</c> requests.</summary>
    [JsonPropertyName("file_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool FileRetrieve { get; init; }

    /// <summary>Allows <c>file_delete</c> requests.</summary>
    [JsonPropertyName("file_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool FileDelete { get; init; }

    /// <summary>Allows <c>file_content</c> requests.</summary>
    [JsonPropertyName("file_content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool FileContent { get; init; }

    /// <summary>Allows <c>container_create</c> requests.</summary>
    [JsonPropertyName("container_create")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerCreate { get; init; }

    /// <summary>Allows <c>container_list</c> requests.</summary>
    [JsonPropertyName("container_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerList { get; init; }

    /// <summary>Allows <c>container_retrieve</c> requests.</summary>
    [JsonPropertyName("container_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerRetrieve { get; init; }

    /// <summary>Allows <c>container_delete</c> requests.</summary>
    [JsonPropertyName("container_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerDelete { get; init; }

    /// <summary>Allows <c>container_file_create</c> requests.</summary>
    [JsonPropertyName("container_file_create")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerFileCreate { get; init; }

    /// <summary>Allows <c>container_file_list</c> requests.</summary>
    [JsonPropertyName("container_file_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerFileList { get; init; }

    /// <summary>Allows <c>container_file_retrieve</c> requests.</summary>
    [JsonPropertyName("container_file_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerFileRetrieve { get; init; }

    /// <summary>Allows <c>container_file_content</c> requests.</summary>
    [JsonPropertyName("container_file_content")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerFileContent { get; init; }

    /// <summary>Allows <c>container_file_delete</c> requests.</summary>
    [JsonPropertyName("container_file_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool ContainerFileDelete { get; init; }

    /// <summary>Allows <c>passthrough</c> requests.</summary>
    [JsonPropertyName("passthrough")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Passthrough { get; init; }

    /// <summary>Allows <c>passthrough_stream</c> requests.</summary>
    [JsonPropertyName("passthrough_stream")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool PassthroughStream { get; init; }

    /// <summary>Allows <c>websocket_responses</c> requests.</summary>
    [JsonPropertyName("websocket_responses")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool WebsocketResponses { get; init; }

    /// <summary>Allows <c>realtime</c> requests.</summary>
    [JsonPropertyName("realtime")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool Realtime { get; init; }

    /// <summary>Allows <c>cached_content_create</c> requests.</summary>
    [JsonPropertyName("cached_content_create")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool CachedContentCreate { get; init; }

    /// <summary>Allows <c>cached_content_list</c> requests.</summary>
    [JsonPropertyName("cached_content_list")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool CachedContentList { get; init; }

    /// <summary>Allows <c>cached_content_retrieve</c> requests.</summary>
    [JsonPropertyName("cached_content_retrieve")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool CachedContentRetrieve { get; init; }

    /// <summary>Allows <c>cached_content_update</c> requests.</summary>
    [JsonPropertyName("cached_content_update")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool CachedContentUpdate { get; init; }

    /// <summary>Allows <c>cached_content_delete</c> requests.</summary>
    [JsonPropertyName("cached_content_delete")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public bool CachedContentDelete { get; init; }

    /// <summary>Flags and fields this version of the SDK does not know. They are sent back unchanged.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
