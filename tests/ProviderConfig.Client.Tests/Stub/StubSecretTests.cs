using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>Secret masking, the masked-secret restore on PUT (contract 1.8) and the secret-field eras (1.4).</summary>
public sealed class StubSecretTests
{
    private static (BifrostStubServer Stub, StubHttp Http) Start(SecretValueShape shape = SecretValueShape.SecretVarObject)
    {
        var stub = BifrostStubServer.Start(new BifrostStubOptions { SecretShape = shape });
        return (stub, new StubHttp(stub));
    }

    [Fact]
    public async Task A_mask_sent_back_unchanged_keeps_the_stored_secret()
    {
        var (stub, http) = Start();
        using var _ = stub;
        using var __ = http;
        var body = StubPayloads.FromView((await http.GetAsync("bedrock")).Json);

        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("bedrock", body)).Status);

        var proxy = stub.GetStoredProvider("bedrock")!["proxy_config"]!;
        Assert.Equal(SeedProviderValues.BedrockProxyUrl, proxy["url"]!["value"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.BedrockPassword, proxy["password"]!["value"]!.GetValue<string>());
        Assert.Equal("env.BEDROCK_PROXY_PASSWORD", proxy["password"]!["ref"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.CaCertPem, proxy["ca_cert_pem"]!["value"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.CaCertPem, stub.GetStoredProvider("bedrock")!["network_config"]!["ca_cert_pem"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mask_copied_into_another_field_is_stored_literally()
    {
        var (stub, http) = Start();
        using var _ = stub;
        using var __ = http;
        var body = StubPayloads.FromView((await http.GetAsync("bedrock")).Json);

        // The password's mask is "what GET emits" for password, not for username: no restore, stored as sent.
        body["proxy_config"]!["username"] = body["proxy_config"]!["ca_cert_pem"]!.DeepClone();
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("bedrock", body)).Status);

        var stored = stub.GetStoredProvider("bedrock")!["proxy_config"]!;
        Assert.Equal("<REDACTED>", stored["username"]!["value"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.CaCertPem, stored["ca_cert_pem"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"<REDACTED>\"")]
    [InlineData("\"********\"")]
    [InlineData("""{"value": "<REDACTED>", "type": "plain_text"}""")]
    public async Task A_mask_in_a_different_shape_or_of_a_changed_secret_is_stored_literally(string password)
    {
        var (stub, http) = Start();
        using var _ = stub;
        using var __ = http;
        var body = StubPayloads.FromView((await http.GetAsync("bedrock")).Json);

        // GET shows {"value":"<REDACTED>","ref":"env.BEDROCK_PROXY_PASSWORD","type":"env"}; these differ from it.
        body["proxy_config"]!["password"] = JsonNode.Parse(password);
        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("bedrock", body)).Status);

        var stored = stub.GetStoredProvider("bedrock")!["proxy_config"]!["password"]!;
        Assert.Equal(JsonNode.Parse(password) is JsonObject o ? o["value"]!.GetValue<string>() : JsonNode.Parse(password)!.GetValue<string>(), stored["value"]!.GetValue<string>());
        Assert.Null(stored["ref"]);
    }

    [Fact]
    public async Task New_secrets_in_every_input_shape_are_stored_and_masked()
    {
        var (stub, http) = Start();
        using var _ = stub;
        using var __ = http;
        var body = StubPayloads.Minimal().With("proxy_config", JsonNode.Parse("""
            {
              "type": "socks5",
              "url": "socks5://egress.example:1080",
              "username": {"value": "svc-user-long", "env_var": "", "from_env": false},
              "password": {"value": "", "ref": "vault.secret/proxy#password", "type": "vault"},
              "ca_cert_pem": "env.PROXY_CA"
            }
            """));

        var answer = await http.PutAsync("openai", body);

        Assert.Equal(HttpStatusCode.OK, answer.Status);

        Json.AssertSameTree(JsonNode.Parse("""
            {
              "type": "socks5",
              "url": {"value": "sock************************1080", "type": "plain_text"},
              "username": {"value": "svc-************************long", "type": "plain_text"},
              "password": {"value": "", "ref": "vault.secret/proxy#password", "type": "vault"},
              "ca_cert_pem": {"value": "", "ref": "env.PROXY_CA", "type": "env"}
            }
            """)!, answer.Json["proxy_config"]!);
        Assert.Equal("svc-user-long", stub.GetStoredProvider("openai")!["proxy_config"]!["username"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("short", "*****")]
    [InlineData("-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----", "----************************----")]
    [InlineData("env.MY_CA", "env.MY_CA")]
    public async Task Network_ca_cert_pem_is_partially_masked_or_shown_as_its_reference(string pem, string shown)
    {
        var (stub, http) = Start();
        using var _ = stub;
        using var __ = http;

        var answer = await http.PutAsync("openai", StubPayloads.Minimal().Network("ca_cert_pem", pem));

        Assert.Equal(HttpStatusCode.OK, answer.Status);

        Assert.Equal(shown, answer.Json["network_config"]!["ca_cert_pem"]!.GetValue<string>());
        Assert.Equal(pem, stub.GetStoredProvider("openai")!["network_config"]!["ca_cert_pem"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_plain_string_era_shows_strings_and_clear_url_and_username()
    {
        var (stub, http) = Start(SecretValueShape.PlainString);
        using var _ = stub;
        using var __ = http;

        var proxy = (await http.GetAsync("bedrock")).Json["proxy_config"]!;

        Json.AssertSameTree(JsonNode.Parse("""
            {"type": "http", "url": "http://proxy.corp.example:3128", "username": "bifrost-proxy-svc",
             "password": "env.BEDROCK_PROXY_PASSWORD", "ca_cert_pem": "<REDACTED>"}
            """)!, proxy);
    }

    [Fact]
    public async Task The_plain_string_era_round_trip_stores_the_masked_proxy_CA_literally()
    {
        // Before PR #1930 no masked proxy secret was restored (contract 1.8); clear url/username and the reference round-trip.
        var (stub, http) = Start(SecretValueShape.PlainString);
        using var _ = stub;
        using var __ = http;
        var expected = stub.GetStoredProvider("bedrock")!["proxy_config"]!.DeepClone();
        expected["ca_cert_pem"]!["value"] = "<REDACTED>";

        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("bedrock", StubPayloads.FromView((await http.GetAsync("bedrock")).Json))).Status);

        Json.AssertSameTree(expected, stub.GetStoredProvider("bedrock")!["proxy_config"]!);
    }

    [Fact]
    public async Task The_EnvVar_era_shows_env_var_objects_and_restores_them()
    {
        var (stub, http) = Start(SecretValueShape.EnvVarObject);
        using var _ = stub;
        using var __ = http;
        var view = (await http.GetAsync("bedrock")).Json;

        Json.AssertSameTree(JsonNode.Parse("""
            {"type": "http",
             "url": {"value": "http://proxy.corp.example:3128", "env_var": "", "from_env": false},
             "username": {"value": "bifrost-proxy-svc", "env_var": "", "from_env": false},
             "password": {"value": "<REDACTED>", "env_var": "env.BEDROCK_PROXY_PASSWORD", "from_env": true},
             "ca_cert_pem": {"value": "<REDACTED>", "env_var": "", "from_env": false}}
            """)!, view["proxy_config"]!);

        Assert.Equal(HttpStatusCode.OK, (await http.PutAsync("bedrock", StubPayloads.FromView(view))).Status);

        var stored = stub.GetStoredProvider("bedrock")!["proxy_config"]!;
        Assert.Equal(SeedProviderValues.BedrockPassword, stored["password"]!["value"]!.GetValue<string>());
        Assert.Equal(SeedProviderValues.CaCertPem, stored["ca_cert_pem"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Empty_secrets_stay_empty()
    {
        var (stub, http) = Start();
        using var _ = stub;
        using var __ = http;

        var answer = await http.PutAsync("openai", StubPayloads.Minimal().With("proxy_config", JsonNode.Parse("""{"type": "http", "url": "", "password": ""}""")));

        Assert.Equal(HttpStatusCode.OK, answer.Status);

        Assert.Equal("", answer.Json["proxy_config"]!["url"]!["value"]!.GetValue<string>());
        Assert.Equal("", answer.Json["proxy_config"]!["password"]!["value"]!.GetValue<string>());
        Assert.Null(answer.Json["proxy_config"]!["username"]);
    }
}
