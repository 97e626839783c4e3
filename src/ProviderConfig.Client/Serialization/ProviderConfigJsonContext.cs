using System.Text.Json;
using System.Text.Json.Serialization;
using ProviderConfig.Client.Http;

namespace ProviderConfig.Client.Serialization;

/// <summary>The one source-generated JSON context of the SDK: no reflection at run time, trim- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ProviderConfiguration))]
[JsonSerializable(typeof(ProviderUpdate))]
[JsonSerializable(typeof(ProviderListResponse))]
[JsonSerializable(typeof(ProviderKey))]
[JsonSerializable(typeof(ProviderKeyUpdate))]
[JsonSerializable(typeof(ProviderKeyListResponse))]
[JsonSerializable(typeof(IReadOnlyList<ProviderConfiguration>))]
[JsonSerializable(typeof(IReadOnlyList<ProviderKey>))]
[JsonSerializable(typeof(KeyAlias))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
[JsonSerializable(typeof(BifrostErrorBody))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(ProviderConfig.Client.Declarative.DesiredState))]
[JsonSerializable(typeof(ProviderConfig.Client.Declarative.DesiredProvider))]
internal sealed partial class ProviderConfigJsonContext : JsonSerializerContext;
