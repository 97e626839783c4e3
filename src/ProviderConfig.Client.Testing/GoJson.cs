using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Testing;

/// <summary>Writes JSON the way Go's <c>encoding/json</c> does, so consumers see the gateway's exact bytes.</summary>
internal static class GoJson
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Compact JSON with Go's HTML escaping (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> as <c>\u003c</c>...) and the
    /// trailing newline of <c>json.Encoder</c>. Those characters can only occur inside JSON strings, so replacing them
    /// in the text is safe.
    /// </summary>
    public static string Write(JsonNode node)
    {
        var text = new StringBuilder(node.ToJsonString(Relaxed))
            .Replace("<", "\\u003c")
            .Replace(">", "\\u003e")
            .Replace("&", "\\u0026")
            .Replace("\u2028", "\\u2028")
            .Replace("\u2029", "\\u2029");
        return text.Append('\n').ToString();
    }

    /// <summary>A <c>schemas.BifrostError</c> as <c>handlers.SendError</c> writes it.</summary>
    public static string Error(int statusCode, string message) => Write(new JsonObject
    {
        ["is_bifrost_error"] = false,
        ["status_code"] = statusCode,
        ["error"] = new JsonObject { ["message"] = message },
        ["extra_fields"] = new JsonObject(),
    });
}
