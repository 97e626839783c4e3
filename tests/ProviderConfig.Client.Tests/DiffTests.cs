using System.Text.Json.Nodes;

namespace ProviderConfig.Client.Tests;

public sealed class DiffTests
{
    private static ProviderConfiguration Read(string fixture, Action<JsonObject>? edit = null)
    {
        var json = Fixtures.ReadObject(fixture);
        edit?.Invoke(json);
        return Json.ReadConfiguration(json.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Fixtures.ProviderNames), MemberType = typeof(Fixtures))]
    public void A_configuration_and_its_update_differ_exactly_where_the_update_was_changed(string fixture)
    {
        var configuration = Read(fixture);
        var retries = configuration.NetworkConfig.MaxRetries;
        var changed = configuration.ToUpdate() with
        {
            SendBackRawRequest = !configuration.SendBackRawRequest,
            NetworkConfig = configuration.NetworkConfig with { MaxRetries = retries + 1 },
        };

        var diff = ProviderConfigDiff.Between(configuration, changed);

        Assert.True(ProviderConfigDiff.Between(configuration, configuration.ToUpdate()).IsEmpty);
        Assert.Equal(
            [
                new ProviderConfigChange("network_config.max_retries", ProviderConfigChangeKind.Changed, $"{retries}", $"{retries + 1}"),
                new ProviderConfigChange("send_back_raw_request", ProviderConfigChangeKind.Changed, configuration.SendBackRawRequest ? "true" : "false", configuration.SendBackRawRequest ? "false" : "true"),
            ],
            diff.Changes);
    }

    [Fact]
    public void Typed_changes_show_as_paths_with_old_and_new_values()
    {
        var before = Read("get-azure-tuned-from-config-json.json");
        var after = before.ToUpdate() with
        {
            NetworkConfig = before.NetworkConfig with { MaxRetries = 5, BaseUrl = "https://azure.example.com" },
            SendBackRawResponse = false,
        };

        var diff = ProviderConfigDiff.Between(before, after);

        Assert.Equal(
            [
                new ProviderConfigChange("network_config.max_retries", ProviderConfigChangeKind.Changed, "3", "5"),
                new ProviderConfigChange("network_config.base_url", ProviderConfigChangeKind.Added, null, "\"https://azure.example.com\""),
                new ProviderConfigChange("send_back_raw_response", ProviderConfigChangeKind.Changed, "true", "false"),
            ],
            diff.Changes);
        Assert.Equal(
            "~ network_config.max_retries: 3 -> 5" + Environment.NewLine + "+ network_config.base_url: \"https://azure.example.com\"" + Environment.NewLine + "~ send_back_raw_response: true -> false",
            diff.ToString());
    }

    [Fact]
    public void Unknown_fields_are_compared_too()
    {
        var before = Read("get-custom-provider-keyless.json", j => j["custom_provider_config"]!["allowed_requests"]!["future_flag"] = false);
        var after = Read("get-custom-provider-keyless.json", j =>
        {
            j["custom_provider_config"]!["allowed_requests"]!["future_flag"] = true;
            j["network_config"]!["stream_throughput_guard"] = new JsonObject { ["probe_window_in_seconds"] = 10 };
        });

        var diff = ProviderConfigDiff.Between(before, after);

        Assert.Equal(["custom_provider_config.allowed_requests.future_flag", "network_config.stream_throughput_guard"], diff.Changes.Select(c => c.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Secrets_never_show_in_a_diff_only_that_they_changed_or_their_reference()
    {
        var before = Read("get-bedrock-with-proxy.json");
        var after = before.ToUpdate() with
        {
            ProxyConfig = before.ProxyConfig! with { Password = SecretValue.Plain("hunter2-new"), Username = SecretValue.FromEnvironment("PROXY_USER") },
        };

        var diff = ProviderConfigDiff.Between(before, after);
        var removed = ProviderConfigDiff.Between(before, after with { ProxyConfig = null });
        var added = ProviderConfigDiff.Between(after with { ProxyConfig = null }, after);

        Assert.Equal(
            ["~ proxy_config.username: \"(secret)\" -> \"env.PROXY_USER\"", "~ proxy_config.password: \"env.BEDROCK_PROXY_PASSWORD\" -> \"(secret)\""],
            diff.Changes.Select(c => c.ToString()));
        foreach (var text in new[] { diff.ToString(), removed.ToString(), added.ToString() })
        {
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("****", text, StringComparison.Ordinal);
            Assert.DoesNotContain("REDACTED", text, StringComparison.Ordinal);
        }

        Assert.Contains("\"password\":\"(secret)\"", added.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_hidden_secrets_still_show_as_a_change()
    {
        var before = Fixtures.ValidUpdate() with { ProxyConfig = new ProxyConfig { Type = ProxyType.Http, Password = SecretValue.Plain("a-secret") } };
        var after = before with { ProxyConfig = before.ProxyConfig! with { Password = SecretValue.Plain("b-secret") } };

        var change = Assert.Single(ProviderConfigDiff.Between(before, after).Changes);

        Assert.Equal("~ proxy_config.password: \"(secret)\" -> \"(secret, changed)\"", change.ToString());
    }
}
