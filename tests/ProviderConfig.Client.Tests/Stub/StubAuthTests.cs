using System.Net;
using System.Text;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>Authentication as the gateway's middleware does it (contract 3.3).</summary>
public sealed class StubAuthTests
{
    private const string Key = "stub-key-5d0c";
    private const string User = "admin";
    private const string Password = "p@ss:word";

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Without_credentials_configured_auth_is_off()
    {
        using var stub = BifrostStubServer.Start();
        using var http = new StubHttp(stub);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("openai")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(HttpMethod.Get, "/api/providers/openai", null, "Bearer anything")).Status);
    }

    [Theory]
    [InlineData("Bearer " + Key, true)]
    [InlineData("Bearer wrong", false)]
    [InlineData("bearer " + Key, false)]
    [InlineData("Bearer  " + Key, false)]
    [InlineData("BEARER " + Key, false)]
    [InlineData(Key, false)]
    [InlineData(null, false)]
    public async Task A_Bearer_key_is_checked_strictly(string? authorization, bool accepted)
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Key });
        using var http = new StubHttp(stub);

        var answer = await http.SendAsync(HttpMethod.Get, "/api/providers/openai", null, authorization);

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, answer.Status);
    }

    [Theory]
    [InlineData("Basic", User + ":" + Password, true)]
    [InlineData("Bearer", User + ":" + Password, true)]
    [InlineData("Basic", User + ":wrong", false)]
    [InlineData("basic", User + ":" + Password, false)]
    public async Task Basic_and_legacy_Bearer_base64_credentials(string scheme, string credentials, bool accepted)
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { Username = User, Password = Password });
        using var http = new StubHttp(stub);

        var answer = await http.SendAsync(HttpMethod.Get, "/api/providers/openai", null, $"{scheme} {Base64(credentials)}");

        Assert.Equal(accepted ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, answer.Status);
    }

    [Fact]
    public async Task A_401_has_the_fixture_body_and_comes_before_any_handler_logic()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Key });
        using var http = new StubHttp(stub);

        var get = await http.GetAsync("no-such-provider");
        var put = await http.PutAsync("openai", "{ not json");

        Assert.Equal(HttpStatusCode.Unauthorized, get.Status);
        Json.AssertSameTree(Fixtures.ReadObject("errors/error-401-unauthorized.json"), get.Json);
        Assert.Equal(HttpStatusCode.Unauthorized, put.Status);
        Assert.Equal("application/json", get.ContentType?.MediaType);
    }
}
