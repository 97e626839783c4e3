using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;
using static ProviderConfig.Client.Tests.Stub.StubHttp;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>
/// The masked-secret restore of <c>PUT .../keys/{key_id}</c> by gateway era (management contract 3.4, "The
/// restore-if-masked rule, by version"), and the other era differences of the key endpoints.
/// </summary>
public sealed class StubKeyEraTests
{
    private const string ProdMask = "sk-p************************9xQa";

    private static (BifrostStubServer Stub, StubHttp Http) Start(SecretValueShape era)
    {
        var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = era });
        return (stub, new StubHttp(stub));
    }

    private static string StoredValue(BifrostStubServer stub, string provider, int index, string? block = null, string field = "value")
    {
        var key = stub.GetStoredKeys(provider)[index];
        var secret = block is null ? key[field]! : key[block]![field]!;
        return secret["value"]!.GetValue<string>();
    }

    // ---- Newest gateway (SecretVar era): any mask-shaped literal restores; a mask with nothing stored is a 400. ----

    [Theory]
    [InlineData("\"sk-p************************9xQa\"")]
    [InlineData("""{"value": "sk-p************************9xQa"}""")]
    [InlineData("""{"value": "abcd************************wxyz", "type": "plain_text"}""")]
    [InlineData("\"********\"")]
    [InlineData("\"<REDACTED>\"")]
    [InlineData("\"[redacted]\"")]
    public async Task Newest_any_mask_shaped_literal_keeps_the_stored_secret(string value)
    {
        var (stub, http) = Start(SecretValueShape.SecretVarObject);
        using var _ = stub;
        using var __ = http;

        var answer = await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), $$"""{"name": "openai-prod-1", "value": {{value}}, "models": ["*"], "weight": 1}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(SeedKeys.OpenAIProdValue, StoredValue(stub, "openai", 0));
        Assert.Equal(ProdMask, answer.Json["value"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Newest_a_stale_mask_keeps_the_current_secret()
    {
        var (stub, http) = Start(SecretValueShape.SecretVarObject);
        using var _ = stub;
        using var __ = http;
        var stale = (await http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId))).Json;
        Assert.Equal(HttpStatusCode.OK, (await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), stale.DeepClone().AsObject().With("value", "sk-rotated-000000000000abcd"))).Status);

        var answer = await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), stale);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("sk-rotated-000000000000abcd", StoredValue(stub, "openai", 0));
    }

    [Theory]
    [InlineData("value", """{"name": "bedrock-us-east-1", "value": "********", "bedrock_key_config": {"region": "us-east-1"}}""")]
    [InlineData("bedrock_key_config.session_token", """{"name": "bedrock-us-east-1", "bedrock_key_config": {"region": "us-east-1", "session_token": "sess************************oken"}}""")]
    [InlineData("bedrock_key_config.role_arn", """{"name": "bedrock-us-east-1", "bedrock_key_config": {"region": "us-east-1", "role_arn": {"value": "<REDACTED>", "type": "plain_text"}}}""")]
    public async Task Newest_a_mask_for_a_field_without_a_stored_value_is_400(string path, string body)
    {
        var (stub, http) = Start(SecretValueShape.SecretVarObject);
        using var _ = stub;
        using var __ = http;
        var before = stub.GetStoredKeys("bedrock")[0];

        var answer = await http.PutPathAsync(KeyPath("bedrock", SeedKeys.BedrockId), body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal($"masked preview cannot be used for {path} without a stored value", answer.ErrorMessage);
        Json.AssertSameTree(before, stub.GetStoredKeys("bedrock")[0]);
    }

    [Fact]
    public async Task Newest_a_nested_mask_restores_and_a_reference_is_stored_as_a_new_value()
    {
        var (stub, http) = Start(SecretValueShape.SecretVarObject);
        using var _ = stub;
        using var __ = http;
        var view = (await http.GetPathAsync(KeyPath("bedrock", SeedKeys.BedrockId))).Json;
        var body = view.DeepClone().AsObject();
        body["bedrock_key_config"]!["access_key"] = "env.NEW_AWS_ACCESS_KEY";

        var answer = await http.PutPathAsync(KeyPath("bedrock", SeedKeys.BedrockId), body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var stored = stub.GetStoredKeys("bedrock")[0]["bedrock_key_config"]!;
        Assert.Equal("us-east-1", stored["region"]!["value"]!.GetValue<string>());
        Assert.Equal(SeedKeys.BedrockSecretKey, stored["secret_key"]!["value"]!.GetValue<string>());
        Assert.Equal("env.AWS_SECRET_ACCESS_KEY", stored["secret_key"]!["ref"]!.GetValue<string>());
        Json.AssertSameTree(JsonNode.Parse("""{"value": "", "ref": "env.NEW_AWS_ACCESS_KEY", "type": "env"}""")!, stored["access_key"]!);
    }

    [Fact]
    public async Task Newest_an_empty_name_keeps_the_stored_name_and_a_literal_Azure_endpoint_round_trips_in_clear()
    {
        var (stub, http) = Start(SecretValueShape.SecretVarObject);
        using var _ = stub;
        using var __ = http;
        var before = stub.GetStoredKeys("azure")[0];
        var view = (await http.GetPathAsync(KeyPath("azure", SeedKeys.AzureId))).Json;

        var answer = await http.PutPathAsync(KeyPath("azure", SeedKeys.AzureId), view.DeepClone().AsObject().With("name", ""));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("azure-eastus", answer.Json["name"]!.GetValue<string>());
        Assert.Equal("https://acme-eastus.openai.azure.com", answer.Json["azure_key_config"]!["endpoint"]!["value"]!.GetValue<string>());
        Json.AssertSameTree(before, stub.GetStoredKeys("azure")[0]);
    }

    // ---- Older gateways (EnvVar and plain-string eras): only an exact echo of the current GET restores. ----

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task Older_an_exact_echo_of_every_key_keeps_every_stored_secret(SecretValueShape era)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;
        foreach (var provider in new[] { "openai", "azure", "bedrock" })
        {
            var before = stub.GetStoredKeys(provider);
            var list = await http.GetPathAsync(KeysPath(provider));
            Assert.Equal(HttpStatusCode.OK, list.Status);

            foreach (var view in list.Json["keys"]!.AsArray())
            {
                var answer = await http.PutPathAsync(KeyPath(provider, view!["id"]!.GetValue<string>()), view.DeepClone());
                Assert.Equal(HttpStatusCode.OK, answer.Status);
            }

            var after = stub.GetStoredKeys(provider);
            for (var i = 0; i < before.Count; i++)
            {
                // Discovery sets status; a model list stored as null is shown, and so sent back, as [].
                before[i]["status"] = "success";
                before[i]["models"] ??= new JsonArray();
                before[i]["blacklisted_models"] ??= new JsonArray();
                Json.AssertSameTree(before[i], after[i]);
            }
        }
    }

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject, """{"value": "sk-p************************9xQb", "env_var": "", "from_env": false}""", "sk-p************************9xQb")]
    [InlineData(SecretValueShape.EnvVarObject, "\"sk-p************************9xQa\"", ProdMask)]
    [InlineData(SecretValueShape.EnvVarObject, """{"value": "sk-p************************9xQa", "env_var": "", "from_env": true}""", ProdMask)]
    [InlineData(SecretValueShape.EnvVarObject, "\"********\"", "********")]
    [InlineData(SecretValueShape.PlainString, "\"sk-p************************9xQb\"", "sk-p************************9xQb")]
    [InlineData(SecretValueShape.PlainString, """{"value": "sk-p************************9xQa", "env_var": "", "from_env": false}""", ProdMask)]
    [InlineData(SecretValueShape.PlainString, """{"value": "sk-p************************9xQa", "type": "plain_text"}""", ProdMask)]
    [InlineData(SecretValueShape.PlainString, "\"<REDACTED>\"", "<REDACTED>")]
    public async Task Older_an_edited_or_reshaped_mask_is_stored_literally_as_the_credential(SecretValueShape era, string value, string stored)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;

        var answer = await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), $$"""{"name": "openai-prod-1", "value": {{value}}, "models": ["*"], "weight": 1}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(stored, StoredValue(stub, "openai", 0));

        // What GET shows now is the mask of the mask.
        var shown = (await http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId))).Json["value"]!;
        Assert.Equal(Masking.Partial(stored), shown is JsonObject obj ? obj["value"]!.GetValue<string>() : shown.GetValue<string>());
    }

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task Older_a_stale_mask_is_stored_literally(SecretValueShape era)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;
        var stale = (await http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId))).Json;
        Assert.Equal(HttpStatusCode.OK, (await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), stale.DeepClone().AsObject().With("value", "sk-rotated-000000000000abcd"))).Status);

        var answer = await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), stale);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ProdMask, StoredValue(stub, "openai", 0));
    }

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject, """{"value": "********", "env_var": "", "from_env": false}""")]
    [InlineData(SecretValueShape.PlainString, "\"********\"")]
    public async Task Older_a_mask_for_a_field_without_a_stored_value_is_stored_literally(SecretValueShape era, string token)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;
        var body = (await http.GetPathAsync(KeyPath("bedrock", SeedKeys.BedrockId))).Json;
        body["bedrock_key_config"]!["session_token"] = JsonNode.Parse(token);

        var answer = await http.PutPathAsync(KeyPath("bedrock", SeedKeys.BedrockId), body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("********", StoredValue(stub, "bedrock", 0, "bedrock_key_config", "session_token"));
        Assert.Equal("us-east-1", StoredValue(stub, "bedrock", 0, "bedrock_key_config", "region"));
    }

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task Older_the_Azure_endpoint_is_masked_and_an_exact_echo_restores_it(SecretValueShape era)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;
        var view = (await http.GetPathAsync(KeyPath("azure", SeedKeys.AzureId))).Json;
        var endpoint = view["azure_key_config"]!["endpoint"]!;
        Assert.Equal("http************************.com", endpoint is JsonObject obj ? obj["value"]!.GetValue<string>() : endpoint.GetValue<string>());

        var answer = await http.PutPathAsync(KeyPath("azure", SeedKeys.AzureId), view);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("https://acme-eastus.openai.azure.com", StoredValue(stub, "azure", 0, "azure_key_config", "endpoint"));
    }

    [Theory]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task Older_an_empty_name_is_stored(SecretValueShape era)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;
        var view = (await http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId))).Json;

        var answer = await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), view.DeepClone().AsObject().With("name", ""));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(string.Empty, answer.Json["name"]!.GetValue<string>());
        Assert.Equal(SeedKeys.OpenAIProdValue, StoredValue(stub, "openai", 0));
    }

    [Theory]
    [InlineData(SecretValueShape.SecretVarObject)]
    [InlineData(SecretValueShape.EnvVarObject)]
    [InlineData(SecretValueShape.PlainString)]
    public async Task An_echoed_env_reference_keeps_the_reference_in_every_era(SecretValueShape era)
    {
        var (stub, http) = Start(era);
        using var _ = stub;
        using var __ = http;
        var view = (await http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIBatchId))).Json;

        var answer = await http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIBatchId), view);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var stored = stub.GetStoredKeys("openai")[1]["value"]!;
        Assert.Equal("env.OPENAI_BATCH_KEY", stored["ref"]!.GetValue<string>());
        Assert.Equal(SeedKeys.OpenAIBatchValue, stored["value"]!.GetValue<string>());
        Json.AssertSameTree(view["value"]!, answer.Json["value"]!);
    }
}
