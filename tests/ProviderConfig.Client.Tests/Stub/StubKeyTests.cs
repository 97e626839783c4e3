using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;
using static ProviderConfig.Client.Tests.Stub.StubHttp;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>
/// The key endpoints of the newest gateway (management contract 1, 3.1-3.6), tested as a server with raw HTTP. The
/// masked-secret restore of each era is in <see cref="StubKeyEraTests"/>.
/// </summary>
public sealed class StubKeyTests : IDisposable
{
    private const string KeyNotFound = "Provider key not found: not found";
    private const string NameTaken = "API key names must be unique across providers. Choose a different name";

    private readonly BifrostStubServer _stub = BifrostStubServer.Start();
    private readonly StubHttp _http;

    public StubKeyTests() => _http = new StubHttp(_stub);

    public void Dispose()
    {
        _http.Dispose();
        _stub.Dispose();
    }

    [Fact]
    public async Task The_seeded_openai_keys_are_the_contracts_example_in_struct_order()
    {
        var answer = await _http.GetPathAsync(KeysPath("openai"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Json.AssertSameTree(Fixtures.ReadObject("keys/list-openai-keys.json"), answer.Json); // contract §6.2, as in the fixture
        Assert.Equal(
            ["id", "name", "value", "models", "blacklisted_models", "weight", "aliases", "enabled", "use_for_batch_api", "use_anthropic_endpoints", "config_hash", "status", "description"],
            answer.Json["keys"]![1]!.AsObject().Select(p => p.Key));
        Assert.EndsWith("\n", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seeded_azure_key_shows_a_literal_endpoint_in_clear_and_aliases_in_both_forms()
    {
        var answer = await _http.GetPathAsync(KeyPath("azure", SeedKeys.AzureId));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Json.AssertSameTree(JsonNode.Parse("""
            {
              "id": "c0ffee00-1111-4222-8333-944455556666",
              "name": "azure-eastus",
              "value": { "value": "7f3a************************c2d1", "type": "plain_text" },
              "models": ["*"],
              "blacklisted_models": [],
              "weight": 1,
              "aliases": {
                "gpt-4o": "gpt4o-prod-deployment",
                "claude-sonnet": { "model_id": "claude-deploy-01", "model_name": "claude-sonnet-4-5", "model_family": "anthropic", "anthropic_version": "2023-06-01" }
              },
              "azure_key_config": {
                "endpoint": { "value": "https://acme-eastus.openai.azure.com", "type": "plain_text" },
                "client_id": { "value": "1b2c************************9f0e", "type": "plain_text" },
                "tenant_id": { "value": "4e5f************************7a8b", "type": "plain_text" }
              },
              "enabled": true,
              "use_for_batch_api": false,
              "use_anthropic_endpoints": false,
              "status": "success"
            }
            """)!, answer.Json);
    }

    [Fact]
    public async Task The_seeded_bedrock_key_masks_the_region_too()
    {
        var answer = await _http.GetPathAsync(KeyPath("bedrock", SeedKeys.BedrockId));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var bedrock = answer.Json["bedrock_key_config"]!;
        Assert.Equal("us-e************************st-1", bedrock["region"]!["value"]!.GetValue<string>());
        Assert.Equal("AKIA************************MPLE", bedrock["access_key"]!["value"]!.GetValue<string>());
        Assert.Equal("env.AWS_SECRET_ACCESS_KEY", bedrock["secret_key"]!["ref"]!.GetValue<string>());
        Assert.Equal(SeedKeys.BedrockSecretKey, _stub.GetStoredKeys("bedrock")[0]["bedrock_key_config"]!["secret_key"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_provider_without_keys_lists_null_and_an_unknown_provider_is_404()
    {
        var none = await _http.GetPathAsync(KeysPath("gemini"));
        var unknown = await _http.GetPathAsync(KeysPath("nope"));

        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal("{\"keys\":null,\"total\":0}\n", none.Text);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Provider not found: not found", unknown.ErrorMessage);
    }

    [Fact]
    public async Task Get_one_key_is_the_list_item_and_a_missing_key_or_provider_is_the_same_404()
    {
        var list = await _http.GetPathAsync(KeysPath("openai"));
        var one = await _http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIBatchId));
        var missingKey = await _http.GetPathAsync(KeyPath("openai", "no-such-key"));
        var otherProvider = await _http.GetPathAsync(KeyPath("azure", SeedKeys.OpenAIBatchId));
        var missingProvider = await _http.GetPathAsync(KeyPath("nope", SeedKeys.OpenAIBatchId));

        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Json.AssertSameTree(list.Json["keys"]![1]!, one.Json);
        foreach (var answer in new[] { missingKey, otherProvider, missingProvider })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal(KeyNotFound, answer.ErrorMessage);
        }
    }

    [Fact]
    public async Task Create_generates_a_uuid_defaults_enabled_and_answers_the_key_as_stored()
    {
        var created = await _http.PostAsync(KeysPath("openai"), """
            {
              "name": "openai-prod-2",
              "value": "env.OPENAI_API_KEY_2",
              "models": ["*"],
              "blacklisted_models": [],
              "weight": 1.0,
              "use_for_batch_api": false
            }
            """);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var id = created.Json["id"]!.GetValue<string>();
        Assert.True(Guid.TryParseExact(id, "D", out _), id);
        Assert.Equal('4', id[14]);
        Assert.Equal(id.ToLowerInvariant(), id);
        Assert.True(created.Json["enabled"]!.GetValue<bool>());
        Assert.Equal("success", created.Json["status"]!.GetValue<string>());
        Assert.Equal(1, created.Json["weight"]!.GetValue<double>());
        Json.AssertSameTree(JsonNode.Parse("""{"value": "", "ref": "env.OPENAI_API_KEY_2", "type": "env"}""")!, created.Json["value"]!);

        var get = await _http.GetPathAsync(KeyPath("openai", id));
        Assert.Equal(HttpStatusCode.OK, get.Status);
        Json.AssertSameTree(created.Json, get.Json);
        var list = await _http.GetPathAsync(KeysPath("openai"));
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(3, list.Json["total"]!.GetValue<int>());
        Assert.Equal(id, list.Json["keys"]![2]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_supplied_id_is_kept_and_unknown_members_are_dropped()
    {
        var created = await _http.PostAsync(KeysPath("openai"), """{"id": "my-own-id", "name": "mine", "value": "sk-mine-0000000000000000", "frobnicate": {"x": 1}, "openai_key_config": {"use_responses_api": true}}""");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("my-own-id", created.Json["id"]!.GetValue<string>());
        Assert.Null(created.Json["frobnicate"]);
        Assert.Null(created.Json["openai_key_config"]);
        var stored = _stub.GetStoredKeys("openai")[2];
        Assert.Equal("my-own-id", stored["id"]!.GetValue<string>());
        Assert.Null(stored["frobnicate"]);
        Assert.Equal("sk-mine-0000000000000000", stored["value"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_names_and_ids_are_unique_across_all_providers()
    {
        var sameName = await _http.PostAsync(KeysPath("azure"), """{"name": "openai-prod-1", "value": "k-123456789", "azure_key_config": {"endpoint": "https://x.openai.azure.com"}}""");
        var sameId = await _http.PostAsync(KeysPath("openai"), $$"""{"id": "{{SeedKeys.BedrockId}}", "name": "fresh-name", "value": "sk-0000000000000000"}""");
        var fresh = await _http.PostAsync(KeysPath("azure"), """{"name": "azure-westus", "value": "k-123456789", "azure_key_config": {"endpoint": "https://x.openai.azure.com"}}""");

        Assert.Equal(HttpStatusCode.Conflict, sameName.Status);
        Assert.Equal(NameTaken, sameName.ErrorMessage);
        Assert.Equal(HttpStatusCode.Conflict, sameId.Status);
        Assert.Equal(NameTaken, sameId.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(2, _stub.GetStoredKeys("azure").Count);
        Assert.Equal(2, _stub.GetStoredKeys("openai").Count);
    }

    [Fact]
    public async Task Renaming_onto_any_other_keys_name_is_409()
    {
        var view = (await _http.GetPathAsync(KeyPath("azure", SeedKeys.AzureId))).Json;

        var ontoOtherProvider = await _http.PutPathAsync(KeyPath("azure", SeedKeys.AzureId), view.DeepClone().AsObject().With("name", "openai-batch"));
        var sameProviderOtherKey = await _http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), """{"name": "openai-batch", "value": "sk-0000000000000000", "models": ["*"]}""");
        var keepOwnName = await _http.PutPathAsync(KeyPath("azure", SeedKeys.AzureId), view);

        Assert.Equal(HttpStatusCode.Conflict, ontoOtherProvider.Status);
        Assert.Equal(NameTaken, ontoOtherProvider.ErrorMessage);
        Assert.Equal(HttpStatusCode.Conflict, sameProviderOtherKey.Status);
        Assert.Equal(NameTaken, sameProviderOtherKey.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, keepOwnName.Status);
        Assert.Equal("openai-prod-1", _stub.GetStoredKeys("openai")[0]["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_keyless_provider_refuses_key_writes()
    {
        var create = await _http.PostAsync(KeysPath("acme-llm-gateway"), """{"name": "k", "value": "sk-0000000000000000"}""");
        var update = await _http.PutPathAsync(KeyPath("acme-llm-gateway", "any"), """{"name": "k", "value": "sk-0000000000000000"}""");
        var delete = await _http.DeleteAsync(KeyPath("acme-llm-gateway", "any"));
        var list = await _http.GetPathAsync(KeysPath("acme-llm-gateway"));

        Assert.Equal(HttpStatusCode.BadRequest, create.Status);
        Assert.Equal("Cannot add keys to a keyless provider", create.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, update.Status);
        Assert.Equal("Cannot update keys on a keyless provider", update.ErrorMessage);
        Assert.Equal(HttpStatusCode.BadRequest, delete.Status);
        Assert.Equal("Cannot delete keys on a keyless provider", delete.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Null(list.Json["keys"]);
    }

    [Theory]
    [InlineData("openai", "[]", "Invalid request payload")]
    [InlineData("openai", """{"weight": "1"}""", "Invalid request payload")]
    [InlineData("openai", """{"models": "*"}""", "Invalid request payload")]
    [InlineData("openai", """{"aliases": {"fast": 7}}""", "Invalid request payload")]
    [InlineData("openai", """{"name": "n"}""", "Key value must not be empty")]
    [InlineData("openai", """{"name": "n", "value": ""}""", "Key value must not be empty")]
    [InlineData("openai", """{"name": "n", "value": {"value": "", "type": "plain_text"}, "models": ["*", "*"]}""", "Key value must not be empty")]
    [InlineData("azure", """{"name": "n", "value": "k-123456789"}""", "azure_key_config.endpoint is required for Azure keys")]
    [InlineData("bedrock", """{"name": "n", "bedrock_key_config": {"access_key": "AKIA0000"}}""", "bedrock_key_config.region is required for Bedrock keys")]
    [InlineData("bedrock_mantle", """{"name": "n"}""", "bedrock_mantle_key_config.region is required for Bedrock Mantle keys")]
    [InlineData("vllm", """{"name": "n"}""", "vllm_key_config.url is required for VLLM keys")]
    [InlineData("vllm", """{"name": "n", "vllm_key_config": {"url": "http://localhost:8000"}}""", "vllm_key_config.model_name is required for VLLM keys")]
    [InlineData("ollama", """{"name": "n"}""", "ollama_key_config.url is required for Ollama keys")]
    [InlineData("sgl", """{"name": "n", "sgl_key_config": {"url": ""}}""", "sgl_key_config.url is required for SGL keys")]
    [InlineData("bedrock", """{"name": "n", "bedrock_key_config": {"region": "US East 1"}}""", "Invalid key URL: bedrock_key_config.region: invalid region \"US East 1\": a region is a vendor region identifier such as us-east-1")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "models": ["*", "gpt-4o"]}""", "Invalid models: wildcard '*' cannot be used with other values in the whitelist")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "models": ["gpt-4o", "GPT-4o"]}""", "Invalid models: duplicate value 'GPT-4o' in whitelist")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "blacklisted_models": ["x", "*"]}""", "Invalid blacklisted_models: wildcard '*' cannot be used with other values in the blacklist")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "blacklisted_models": ["o1", "O1"]}""", "Invalid blacklisted_models: duplicate value 'O1' in blacklist")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "models": ["*", "x"], "aliases": {"fast": ""}}""", "Invalid models: wildcard '*' cannot be used with other values in the whitelist")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "aliases": {"fast": ""}}""", "Invalid aliases: alias \"fast\": model_id cannot be empty")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "aliases": {"fast": {"model_name": "gpt-4o-mini"}}}""", "Invalid aliases: alias \"fast\": model_id cannot be empty")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "aliases": {"x": {"model_id": "m", "model_family": "klingon"}}}""", "Invalid aliases: alias \"x\": invalid model_family \"klingon\"")]
    [InlineData("openai", """{"name": "n", "value": "sk-0000000000000000", "aliases": {"Fast": "a", "fast": "b"}}""", "Invalid aliases: duplicate alias source \"fast\" (case-insensitive)")]
    public async Task Create_is_validated_in_the_gateways_order_with_its_messages(string provider, string body, string message)
    {
        foreach (var extra in new[] { "bedrock_mantle", "vllm", "ollama", "sgl" })
        {
            _stub.SetProvider(extra, "{}");
        }

        var before = _stub.GetStoredKeys(provider).Count;

        var answer = await _http.PostAsync(KeysPath(provider), body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(message, answer.ErrorMessage);
        Assert.Equal(before, _stub.GetStoredKeys(provider).Count);
    }

    [Theory]
    [InlineData("bedrock", """{"name": "n1", "bedrock_key_config": {"region": "us-west-2"}}""")]
    [InlineData("vertex", """{"name": "n2", "vertex_key_config": {"project_id": "p", "region": "us-central1"}}""")]
    [InlineData("vllm", """{"name": "n3", "vllm_key_config": {"url": "http://10.0.0.5:8000", "model_name": "llama"}}""")]
    [InlineData("ollama", """{"name": "n4", "ollama_key_config": {"url": "http://127.0.0.1:11434"}}""")]
    [InlineData("openai", """{"name": "n5", "value": "env.UNSET_IN_THE_STUB"}""")]
    public async Task Keys_that_need_no_value_or_use_a_reference_are_accepted(string provider, string body)
    {
        foreach (var extra in new[] { "vertex", "vllm", "ollama" })
        {
            _stub.SetProvider(extra, "{}");
        }

        var answer = await _http.PostAsync(KeysPath(provider), body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Fact]
    public async Task A_custom_provider_is_validated_as_its_base_provider()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync("/api/providers", """{"provider": "acme-bedrock", "custom_provider_config": {"base_provider_type": "bedrock"}}""")).Status);

        var noRegion = await _http.PostAsync(KeysPath("acme-bedrock"), """{"name": "acme-1", "value": ""}""");
        var withRegion = await _http.PostAsync(KeysPath("acme-bedrock"), """{"name": "acme-1", "value": "", "bedrock_key_config": {"region": "eu-west-1"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, noRegion.Status);
        Assert.Equal("bedrock_key_config.region is required for Bedrock keys", noRegion.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, withRegion.Status);
    }

    [Fact]
    public async Task Key_writes_to_an_unknown_provider_are_404()
    {
        var create = await _http.PostAsync(KeysPath("nope"), """{"name": "n", "value": "sk-0000000000000000"}""");
        var update = await _http.PutPathAsync(KeyPath("nope", "k"), """{"name": "n", "value": "sk-0000000000000000"}""");
        var delete = await _http.DeleteAsync(KeyPath("nope", "k"));
        var updateMissingKey = await _http.PutPathAsync(KeyPath("openai", "k"), """{"name": "n", "value": "sk-0000000000000000"}""");

        foreach (var answer in new[] { create, update, delete })
        {
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal("Provider not found: not found", answer.ErrorMessage);
        }

        Assert.Equal(HttpStatusCode.NotFound, updateMissingKey.Status);
        Assert.Equal(KeyNotFound, updateMissingKey.ErrorMessage);
    }

    [Fact]
    public async Task Update_is_a_full_replacement_of_the_stored_key()
    {
        // Only name and value sent back: everything else is replaced by its zero value.
        var updated = await _http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIBatchId), """
            {"name": "openai-batch", "value": {"value": "sk-a************************b3Kd", "ref": "env.OPENAI_BATCH_KEY", "type": "env"}, "status": "bogus", "config_hash": "bogus", "description": "from the body"}
            """);

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        var stored = _stub.GetStoredKeys("openai")[1];
        Assert.Equal(JsonNode.Parse("[]")!.ToJsonString(), updated.Json["models"]!.ToJsonString());
        Assert.Null(stored["models"]);
        Assert.Equal(0, updated.Json["weight"]!.GetValue<double>());
        Assert.Null(updated.Json["aliases"]);
        Assert.False(updated.Json["use_for_batch_api"]!.GetValue<bool>());
        Assert.True(updated.Json["enabled"]!.GetValue<bool>());
        Assert.Equal("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809", updated.Json["config_hash"]!.GetValue<string>());
        Assert.Equal("success", updated.Json["status"]!.GetValue<string>());
        Assert.Equal("from the body", updated.Json["description"]!.GetValue<string>());
        Assert.Equal(SeedKeys.OpenAIBatchValue, stored["value"]!["value"]!.GetValue<string>());
        Json.AssertSameTree(updated.Json, (await _http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIBatchId))).Json);
    }

    [Fact]
    public async Task Update_deletes_an_omitted_block_but_keeps_an_omitted_replicate_block()
    {
        _stub.SetProvider("replicate", "{}");
        _stub.SetKey("replicate", """{"id": "r1", "name": "replicate-1", "value": "r8_0000000000000000", "replicate_key_config": {"use_deployments_endpoint": true}}""");
        _stub.SetKey("openai", """{"id": "o3", "name": "openai-3", "value": "sk-0000000000000000", "vllm_key_config": {"url": "http://vllm.internal:8000", "model_name": "llama"}}""");

        var replicate = await _http.PutPathAsync(KeyPath("replicate", "r1"), """{"name": "replicate-1", "value": "r8_1111111111111111"}""");
        var openai = await _http.PutPathAsync(KeyPath("openai", "o3"), """{"name": "openai-3", "value": "sk-1111111111111111"}""");

        Assert.Equal(HttpStatusCode.OK, replicate.Status);
        Assert.True(replicate.Json["replicate_key_config"]!["use_deployments_endpoint"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, openai.Status);
        Assert.Null(openai.Json["vllm_key_config"]);
        Assert.Null(_stub.GetStoredKeys("openai")[2]["vllm_key_config"]);
    }

    [Fact]
    public async Task The_path_id_wins_and_an_update_keeps_the_keys_position()
    {
        var updated = await _http.PutPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId), """{"id": "something-else", "name": "openai-prod-1", "value": "sk-new-0000000000000000", "models": ["*"], "weight": 2}""");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal(SeedKeys.OpenAIProdId, updated.Json["id"]!.GetValue<string>());
        Assert.Equal([SeedKeys.OpenAIProdId, SeedKeys.OpenAIBatchId], _stub.GetStoredKeys("openai").Select(k => k["id"]!.GetValue<string>()));
        Assert.Equal(2, _stub.GetStoredKeys("openai")[0]["weight"]!.GetValue<double>());
    }

    [Fact]
    public async Task Delete_answers_the_key_as_it_was_closes_the_gap_and_is_not_idempotent()
    {
        var before = await _http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId));

        var deleted = await _http.DeleteAsync(KeyPath("openai", SeedKeys.OpenAIProdId));
        var again = await _http.DeleteAsync(KeyPath("openai", SeedKeys.OpenAIProdId));
        var list = await _http.GetPathAsync(KeysPath("openai"));

        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(before.Text, deleted.Text);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(KeyNotFound, again.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(1, list.Json["total"]!.GetValue<int>());
        Assert.Equal(SeedKeys.OpenAIBatchId, list.Json["keys"]![0]!["id"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await _http.DeleteAsync(KeyPath("openai", SeedKeys.OpenAIBatchId))).Status);
        Assert.Equal("{\"keys\":null,\"total\":0}\n", (await _http.GetPathAsync(KeysPath("openai"))).Text);
    }

    [Fact]
    public async Task Deleting_a_provider_deletes_its_keys_and_frees_their_names()
    {
        var deleted = await _http.DeleteAsync("/api/providers/openai");
        var keys = await _http.GetPathAsync(KeysPath("openai"));
        var recreated = await _http.PostAsync("/api/providers", """{"provider": "openai"}""");
        var keysAfter = await _http.GetPathAsync(KeysPath("openai"));
        var reused = await _http.PostAsync(KeysPath("openai"), """{"name": "openai-prod-1", "value": "sk-0000000000000000"}""");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, keys.Status);
        Assert.Equal("Provider not found: not found", keys.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, recreated.Status);
        Assert.Equal(HttpStatusCode.OK, keysAfter.Status);
        Assert.Null(keysAfter.Json["keys"]);
        Assert.Equal(HttpStatusCode.OK, reused.Status);
        Assert.Single(_stub.GetStoredKeys("openai"));
    }

    [Fact]
    public async Task Aliases_are_written_in_the_form_stored_and_survive_a_round_trip()
    {
        var created = await _http.PostAsync(KeysPath("azure"), """
            {
              "name": "azure-westus",
              "value": "k-0000000000000000",
              "azure_key_config": { "endpoint": "https://acme-westus.openai.azure.com" },
              "aliases": {
                "plain": "dep-plain",
                "only-id": { "model_id": "dep-only-id" },
                "full": { "model_id": "dep-full", "model_family": "openai", "api_version": "2024-10-21", "unknown": 1 }
              }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Json.AssertSameTree(
            JsonNode.Parse("""{"plain": "dep-plain", "only-id": "dep-only-id", "full": {"model_id": "dep-full", "model_family": "openai", "api_version": "2024-10-21"}}""")!,
            created.Json["aliases"]!);

        // The seeded key's aliases (one of each form) survive a GET -> PUT round trip.
        var seeded = await _http.GetPathAsync(KeyPath("azure", SeedKeys.AzureId));
        var echoed = await _http.PutPathAsync(KeyPath("azure", SeedKeys.AzureId), seeded.Json);
        Assert.Equal(HttpStatusCode.OK, echoed.Status);
        Json.AssertSameTree(seeded.Json["aliases"]!, echoed.Json["aliases"]!);
        Assert.Equal("gpt4o-prod-deployment", _stub.GetStoredKeys("azure")[0]["aliases"]!["gpt-4o"]!.GetValue<string>());
    }

    [Fact]
    public async Task Newer_blocks_are_kept_with_their_secrets_masked()
    {
        _stub.SetProvider("databricks", "{}");
        _stub.SetProvider("github_copilot", "{}");
        _stub.SetProvider("gigachat", "{}");

        var databricks = await _http.PostAsync(KeysPath("databricks"), """
            {"name": "dbx", "value": "dapi0000000000000000", "databricks_key_config": {"workspace_url": "https://adb-123.azuredatabricks.net", "client_id": "client-0000000000", "client_secret": "secret-0000000000", "api_format": "ai_gateway"}}
            """);
        var copilot = await _http.PostAsync(KeysPath("github_copilot"), """
            {"name": "copilot", "value": "ghu_0000000000000000", "github_copilot_key_config": {"app_id": "123456", "installation_id": "98765432", "github_domain": "github.example.com"}}
            """);
        var gigachat = await _http.PostAsync(KeysPath("gigachat"), """
            {"name": "giga", "value": "token-0000000000000", "gigachat_key_config": {"credentials": "creds-0000000000000", "cert_file": "/etc/giga/client.pem", "scope": "GIGACHAT_API_PERS"}}
            """);
        var bedrock = await _http.PostAsync(KeysPath("bedrock"), """
            {
              "name": "bedrock-eu", "value": "",
              "bedrock_key_config": {
                "region": "eu-central-1", "session_token": "token-0000000000000", "project_id": "proj-123", "batch_role_arn": "arn:aws:iam::123456789012:role/batch",
                "endpoints": {"runtime": "https://bedrock-runtime.eu-central-1.amazonaws.com"},
                "batch_s3_config": {"buckets": [{"bucket_name": "acme-batch", "is_default": true}]}
              }
            }
            """);

        Assert.Equal(HttpStatusCode.OK, databricks.Status);
        Assert.Equal("http************************.net", databricks.Json["databricks_key_config"]!["workspace_url"]!["value"]!.GetValue<string>());
        Assert.Equal("secr************************0000", databricks.Json["databricks_key_config"]!["client_secret"]!["value"]!.GetValue<string>());
        Assert.Equal("ai_gateway", databricks.Json["databricks_key_config"]!["api_format"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, copilot.Status);
        Assert.Equal("******", copilot.Json["github_copilot_key_config"]!["app_id"]!["value"]!.GetValue<string>());
        Assert.Equal("98765432", _stub.GetStoredKeys("github_copilot")[0]["github_copilot_key_config"]!["installation_id"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, gigachat.Status);
        Assert.Contains("\"cert_file\":\"\\u003cREDACTED\\u003e\"", gigachat.Text, StringComparison.Ordinal);
        Assert.Equal("GIGACHAT_API_PERS", gigachat.Json["gigachat_key_config"]!["scope"]!.GetValue<string>());
        Assert.Equal("/etc/giga/client.pem", _stub.GetStoredKeys("gigachat")[0]["gigachat_key_config"]!["cert_file"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, bedrock.Status);
        var block = bedrock.Json["bedrock_key_config"]!;
        Assert.Equal("proj-123", block["project_id"]!["value"]!.GetValue<string>());
        Assert.Equal("arn:************************atch", block["batch_role_arn"]!["value"]!.GetValue<string>());
        Assert.Equal("toke************************0000", block["session_token"]!["value"]!.GetValue<string>());
        Json.AssertSameTree(JsonNode.Parse("""{"runtime": "https://bedrock-runtime.eu-central-1.amazonaws.com"}""")!, block["endpoints"]!);
        Json.AssertSameTree(JsonNode.Parse("""{"buckets": [{"bucket_name": "acme-batch", "is_default": true}]}""")!, block["batch_s3_config"]!);

        // A non-pointer secret the body left out is shown at its zero value, as Go emits it.
        Json.AssertSameTree(JsonNode.Parse("""{"value": ""}""")!, block["access_key"]!);
    }

    [Fact]
    public async Task Vertex_masks_all_four_secrets_including_the_region()
    {
        _stub.SetProvider("vertex", "{}");

        var created = await _http.PostAsync(KeysPath("vertex"), """
            {"name": "vertex-1", "vertex_key_config": {"project_id": "acme-prod-123", "project_number": "123456789012", "region": "us-central1", "auth_credentials": "{\"type\":\"service_account\"}", "force_single_region": true}}
            """);

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var block = created.Json["vertex_key_config"]!;
        Assert.Equal("acme************************-123", block["project_id"]!["value"]!.GetValue<string>());
        Assert.Equal("1234************************9012", block["project_number"]!["value"]!.GetValue<string>());
        Assert.Equal("us-c************************ral1", block["region"]!["value"]!.GetValue<string>());
        Assert.Equal("{\"ty************************nt\"}", block["auth_credentials"]!["value"]!.GetValue<string>());
        Assert.True(block["force_single_region"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Refresh_marks_enabled_keys_discovered_and_reads_them_back()
    {
        var provider = await _http.PostAsync("/api/providers/openai/refresh-models", null);

        Assert.Equal(HttpStatusCode.OK, provider.Status);
        Assert.Equal(2, provider.Json["total"]!.GetValue<int>());
        Assert.Equal("success", provider.Json["keys"]![0]!["status"]!.GetValue<string>());

        // openai-batch is disabled: the provider-wide refresh skips it; the per-key one does not.
        Assert.Equal("list_models_failed", provider.Json["keys"]![1]!["status"]!.GetValue<string>());
        var key = await _http.PostAsync($"/api/providers/openai/keys/{SeedKeys.OpenAIBatchId}/refresh-models", null);
        Assert.Equal(HttpStatusCode.OK, key.Status);
        Assert.Equal("success", key.Json["status"]!.GetValue<string>());
        Assert.Null(key.Json["description"]);

        var none = await _http.PostAsync("/api/providers/gemini/refresh-models", null);
        Assert.Equal(HttpStatusCode.OK, none.Status);
        Assert.Equal("{\"keys\":null,\"total\":0}\n", none.Text);
    }

    [Fact]
    public async Task Refresh_is_404_for_an_unknown_provider_or_key()
    {
        var provider = await _http.PostAsync("/api/providers/nope/refresh-models", null);
        var key = await _http.PostAsync("/api/providers/openai/keys/nope/refresh-models", null);

        Assert.Equal(HttpStatusCode.NotFound, provider.Status);
        Assert.Equal("Provider not found: not found", provider.ErrorMessage);
        Assert.Equal(HttpStatusCode.NotFound, key.Status);
        Assert.Equal(KeyNotFound, key.ErrorMessage);
    }

    [Fact]
    public async Task SimulateRefreshInProgress_answers_409_for_the_next_refreshes_of_that_provider()
    {
        _stub.SimulateRefreshInProgress("openai", 2);

        var notFound = await _http.PostAsync("/api/providers/openai/keys/nope/refresh-models", null);
        var otherProvider = await _http.PostAsync("/api/providers/azure/refresh-models", null);
        var first = await _http.PostAsync("/api/providers/openai/refresh-models", null);
        var second = await _http.PostAsync($"/api/providers/openai/keys/{SeedKeys.OpenAIProdId}/refresh-models", null);
        var third = await _http.PostAsync("/api/providers/openai/refresh-models", null);

        Assert.Equal(HttpStatusCode.NotFound, notFound.Status);
        Assert.Equal(HttpStatusCode.OK, otherProvider.Status);
        foreach (var busy in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.Conflict, busy.Status);
            Assert.Equal("model refresh already in progress for this provider", busy.ErrorMessage);
        }

        Assert.Equal(HttpStatusCode.OK, third.Status);
    }

    [Fact]
    public async Task A_dropped_create_response_is_an_exception_for_a_key_that_was_stored()
    {
        Assert.Equal(HttpStatusCode.OK, (await _http.GetPathAsync(KeysPath("openai"))).Status);
        _stub.ClearRequests();
        _stub.DropResponseNext(1);
        const string Body = """{"name": "openai-prod-2", "value": "sk-prod2-000000000000", "models": ["*"], "weight": 1}""";

        await Assert.ThrowsAsync<HttpRequestException>(() => _http.PostAsync(KeysPath("openai"), Body));

        // The gateway handled it: the key is stored, and SocketsHttpHandler did not resend the POST.
        Assert.Single(_stub.Requests);
        Assert.Equal("openai-prod-2", _stub.GetStoredKeys("openai")[2]["name"]!.GetValue<string>());

        // Retrying blindly is a 409: a client must re-read before retrying a create.
        var retried = await _http.PostAsync(KeysPath("openai"), Body);
        Assert.Equal(HttpStatusCode.Conflict, retried.Status);
        Assert.Equal(NameTaken, retried.ErrorMessage);
        Assert.Equal(3, _stub.GetStoredKeys("openai").Count);
    }

    [Fact]
    public async Task Key_routes_are_logged_and_take_injected_faults()
    {
        _stub.FailNext(1, HttpStatusCode.BadGateway);

        var failed = await _http.PostAsync(KeysPath("openai"), """{"name": "n", "value": "sk-0000000000000000"}""");
        var refresh = await _http.PostAsync("/api/providers/openai/refresh-models", null);

        Assert.Equal(HttpStatusCode.BadGateway, failed.Status);
        Assert.Equal(HttpStatusCode.OK, refresh.Status);
        Assert.Equal(2, _stub.GetStoredKeys("openai").Count);
        Assert.Equal(
            [("POST", "/api/providers/openai/keys"), ("POST", "/api/providers/openai/refresh-models")],
            _stub.Requests.Select(r => (r.Method, r.Path)));
        Assert.Null(_stub.Requests[1].Body);
    }

    [Fact]
    public async Task Key_routes_need_credentials_when_auth_is_on()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = "k" });
        using var anonymous = new StubHttp(stub);
        using var authorized = new StubHttp(stub, "Bearer k");

        var refused = await anonymous.GetPathAsync(KeysPath("openai"));
        var accepted = await authorized.GetPathAsync(KeysPath("openai"));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("Unauthorized", refused.ErrorMessage);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
    }

    [Fact]
    public async Task SetKey_replaces_by_id_in_place_and_Reset_reseeds_the_keys()
    {
        _stub.SetKey("openai", $$"""{"id": "{{SeedKeys.OpenAIProdId}}", "name": "replaced", "value": {"value": "sk-raw-0000000000", "ref": "env.RAW", "type": "env"} }""");
        _stub.SetKey("openai", """{"name": "appended", "value": "sk-raw-1111111111"}""");

        var stored = _stub.GetStoredKeys("openai");
        Assert.Equal(["replaced", "openai-batch", "appended"], stored.Select(k => k["name"]!.GetValue<string>()));
        Assert.Equal("sk-raw-0000000000", stored[0]["value"]!["value"]!.GetValue<string>());
        Assert.True(Guid.TryParse(stored[2]["id"]!.GetValue<string>(), out _));
        Assert.Null(stored[2]["enabled"]);
        Assert.Throws<ArgumentException>(() => _stub.SetKey("nope", "{}"));
        Assert.Throws<ArgumentException>(() => _stub.SetKey("openai", """{"weight": "heavy"}"""));

        // Mutating a copy changes nothing.
        stored[1]["name"] = "mutated";
        Assert.Equal("openai-batch", _stub.GetStoredKeys("openai")[1]["name"]!.GetValue<string>());

        _stub.Reset();
        Assert.Equal(["openai-prod-1", "openai-batch"], _stub.GetStoredKeys("openai").Select(k => k["name"]!.GetValue<string>()));
        Assert.Empty(_stub.GetStoredKeys("nope"));
        var answer = await _http.GetPathAsync(KeyPath("openai", SeedKeys.OpenAIProdId));
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    [Theory]
    [InlineData("PUT", "/api/providers/openai/keys")]
    [InlineData("GET", "/api/providers/openai/refresh-models")]
    [InlineData("POST", "/api/providers/openai/keys/" + SeedKeys.OpenAIProdId)]
    public async Task Other_methods_are_405(string method, string path)
    {
        var answer = await _http.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
    }
}
