using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests.Keys;

/// <summary>Key models: lossless round trips of every contract shape, defaults that never deny by accident, no secret in text.</summary>
public sealed class KeyModelTests
{
    public static TheoryData<string> KeyFixtures() => new(KeyJson.KeyFixtures);

    [Theory]
    [MemberData(nameof(KeyFixtures))]
    public void A_key_read_and_turned_into_an_update_writes_back_every_member_it_read_except_the_read_only_ones(string fixture)
    {
        var read = KeyJson.FixtureObject(fixture);

        var written = KeyJson.Write(KeyJson.Fixture(fixture).ToUpdate());

        Json.AssertSameTree(KeyJson.WithoutReadOnly(read), written);
    }

    [Fact]
    public void Every_block_of_the_contract_is_typed_and_its_secrets_and_unknown_members_are_kept()
    {
        var key = KeyJson.Fixture("key-every-block.json");

        Assert.Equal("every-block", key.Name);
        Assert.Equal(2.5, key.Weight);
        Assert.Equal("env.AWS_SECRET_ACCESS_KEY", key.BedrockKeyConfig!.SecretKey!.Reference);
        Assert.Equal("proj-1234", key.BedrockKeyConfig.ProjectId!.RevealValue());
        Assert.True(key.BedrockKeyConfig.ExtensionData!.ContainsKey("batch_s3_config"));
        Assert.Equal("env.VERTEX_CREDS", key.VertexKeyConfig!.AuthCredentials!.Reference);
        Assert.True(key.VertexKeyConfig.ForceSingleRegion);
        Assert.Equal("meta-llama/Llama-3.1-8B", key.VllmKeyConfig!.ModelName);
        Assert.True(key.ReplicateKeyConfig!.UseDeploymentsEndpoint);
        Assert.Equal("env.SGL_URL", key.SglKeyConfig!.Url!.Reference);
        Assert.Equal("ai_gateway", key.DatabricksKeyConfig!.ApiFormat);
        Assert.Equal(SecretValueKind.Vault, key.GitHubCopilotKeyConfig!.PrivateKey!.Kind);
        Assert.Equal("GIGACHAT_API_PERS", key.GigaChatKeyConfig!.Scope);
        Assert.True(key.GigaChatKeyConfig.CertFile!.LooksRedacted);
        Assert.NotNull(key.BedrockMantleKeyConfig!.Region);
        Assert.NotNull(key.OllamaKeyConfig!.Url);
        Assert.True(key.ExtensionData!.ContainsKey("future_key_member"));
        Assert.True(key.Aliases!["claude"].ExtensionData!.ContainsKey("future_alias_member"));
        Assert.Equal("us-west-2", key.Aliases["claude"].Region!.RevealValue());
    }

    [Fact]
    public void Aliases_are_written_back_in_the_form_they_were_read_and_a_changed_string_alias_becomes_an_object()
    {
        var update = KeyJson.Fixture("key-azure-aliases.json").ToUpdate();
        var aliases = KeyJson.Write(update)["aliases"]!.AsObject();

        Assert.Equal(JsonValueKind.String, aliases["gpt-4o"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Object, aliases["claude-sonnet"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Object, aliases["only-id-object"]!.GetValueKind()); // read as an object, stays one

        var changed = update with
        {
            Aliases = new Dictionary<string, KeyAlias>(update.Aliases!)
            {
                ["gpt-4o"] = update.Aliases!["gpt-4o"] with { ModelName = "gpt-4o" },
                ["new"] = KeyAlias.To("new-deployment"),
            },
        };
        var written = KeyJson.Write(changed)["aliases"]!.AsObject();
        Json.AssertSameTree(JsonNode.Parse("""{"model_id":"gpt4o-prod-deployment","model_name":"gpt-4o"}""")!, written["gpt-4o"]!);
        Assert.Equal("new-deployment", written["new"]!.GetValue<string>());
    }

    [Fact]
    public void A_new_key_allows_every_model_with_weight_one_and_says_none_only_when_asked()
    {
        var fresh = KeyJson.Write(new ProviderKeyUpdate { Name = "k", Value = SecretValue.Plain("sk-live-123456789") });
        var none = KeyJson.Write(new ProviderKeyUpdate { Name = "k", Models = KeyModels.None });

        // Management contract §3.4: an omitted models list denies every model and an omitted weight is 0.
        Json.AssertSameTree(JsonNode.Parse("""["*"]""")!, fresh["models"]!);
        Assert.Equal(1d, fresh["weight"]!.GetValue<double>());
        Json.AssertSameTree(JsonNode.Parse("[]")!, fresh["blacklisted_models"]!);
        Json.AssertSameTree(JsonNode.Parse("[]")!, none["models"]!);
    }

    [Fact]
    public void An_empty_model_list_is_refused_unless_named_KeyModels_None_or_read_that_way()
    {
        var accidental = new ProviderKeyUpdate { Name = "k", Models = [] };
        var missing = new ProviderKeyUpdate { Name = "k", Models = null };
        var readEmpty = KeyJson.Fixture("key-plain-string-era.json").ToUpdate(); // models: [] as stored

        Assert.Equal("models", Assert.Single(accidental.Validate()).Path);
        Assert.Contains("KeyModels.None", Assert.Single(accidental.Validate()).Message, StringComparison.Ordinal);
        var missingError = Assert.Single(missing.Validate());
        Assert.Equal(
            ("models", "is required: the gateway takes a missing list as 'no model may use this key'; use KeyModels.All, a list of models, or KeyModels.None"),
            (missingError.Path, missingError.Message));
        Assert.Empty(new ProviderKeyUpdate { Name = "k", Models = KeyModels.None }.Validate());
        Assert.DoesNotContain(readEmpty.Validate(), e => e.Path == "models");
    }

    [Fact]
    public void ToUpdate_is_a_deep_copy_so_editing_the_update_in_place_leaves_the_key_as_read()
    {
        var key = KeyJson.Fixture("key-every-block.json");
        var before = KeyJson.Write(key);

        var update = key.ToUpdate();
        update.ExtensionData!["future_key_member"] = System.Text.Json.JsonDocument.Parse("\"edited\"").RootElement.Clone();
        update.BedrockKeyConfig!.ExtensionData!.Remove("endpoints");
        update.Aliases!["claude"].ExtensionData!.Clear();

        Json.AssertSameTree(before, KeyJson.Write(key));
    }

    [Fact]
    public void A_key_and_its_update_show_no_secret_in_ToString()
    {
        var key = KeyJson.ReadKey("""{"id":"k1","name":"n","value":{"value":"sk-live-PLAINTEXT-123","type":"plain_text"},"azure_key_config":{"client_secret":"client-secret-PLAINTEXT"},"models":["*"],"weight":1}""");

        foreach (var text in new[] { key.ToString(), key.ToUpdate().ToString(), key.AzureKeyConfig!.ToString() })
        {
            Assert.DoesNotContain("PLAINTEXT", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_key_diff_names_the_changed_fields_and_hides_every_secret()
    {
        var key = KeyJson.Fixture("key-every-block.json");
        var changed = key.ToUpdate() with
        {
            Weight = 3,
            Value = SecretValue.Plain("sk-live-NEWSECRET-1"),
            BedrockKeyConfig = key.BedrockKeyConfig! with { AccessKey = SecretValue.Plain("AKIANEWSECRET") },
        };

        var diff = ProviderConfigDiff.Between(key.ToUpdate(), changed);

        Assert.Equal(["value", "weight", "bedrock_key_config.access_key"], diff.Changes.Select(c => c.Path));
        Assert.Equal("2.5", diff.Changes[1].OldValue);
        Assert.DoesNotContain("NEWSECRET", diff.ToString(), StringComparison.Ordinal);
        Assert.True(ProviderConfigDiff.Between(key, key.ToUpdate()).IsEmpty);
    }
}
