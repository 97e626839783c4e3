using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>PUT bodies for the stub tests.</summary>
internal static class StubPayloads
{
    /// <summary>The smallest body the gateway accepts: only the required concurrency block.</summary>
    public static JsonObject Minimal() => new()
    {
        ["concurrency_and_buffer_size"] = new JsonObject { ["concurrency"] = 10, ["buffer_size"] = 100 },
    };

    /// <summary>A GET body turned into a PUT body: the read-only fields removed, as a client sends it back.</summary>
    public static JsonObject FromView(JsonObject view) => Fixtures.WithoutReadOnly(view);

    public static JsonObject With(this JsonObject body, string name, JsonNode? value)
    {
        body[name] = value;
        return body;
    }

    public static JsonObject Network(this JsonObject body, string name, JsonNode? value)
    {
        if (body["network_config"] is not JsonObject network)
        {
            network = [];
            body["network_config"] = network;
        }

        network[name] = value;
        return body;
    }
}
