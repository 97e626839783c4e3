using System.Net;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>The 403 of an API key without the write scope and the 500 of auth without an admin password (contract 3.2, 3.3).</summary>
public sealed class StubAuthScopeTests
{
    private const string ReadOnly = "read-only-key-71c2";
    private const string Full = "full-key-a01f";

    [Fact]
    public async Task A_read_only_api_key_reads_but_every_write_is_403()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Full, ReadOnlyApiKey = ReadOnly });
        using var http = new StubHttp(stub, "Bearer " + ReadOnly);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("openai")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetPathAsync("/api/providers")).Status);
        Assert.Equal(HttpStatusCode.OK, (await http.GetPathAsync(StubHttp.KeysPath("openai"))).Status);

        var writes = new[]
        {
            await http.PutAsync("openai", StubPayloads.Minimal()),
            await http.PostAsync("/api/providers", StubPayloads.Minimal().With("provider", "anthropic")),
            await http.DeleteAsync("/api/providers/openai"),
            await http.PostAsync(StubHttp.KeysPath("openai"), "{}"),
            await http.PostAsync("/api/providers/openai/refresh-models", null),
        };
        foreach (var write in writes)
        {
            Assert.Equal(HttpStatusCode.Forbidden, write.Status);
            Assert.Equal(StubAuthentication.Forbidden, write.ErrorMessage);
        }

        // Nothing was written: the provider is still there, untouched.
        Assert.NotNull(stub.GetStoredProvider("openai"));
        Assert.Null(stub.GetStoredProvider("anthropic"));

        // The full key on the same stub still writes.
        var write2 = await http.SendAsync(HttpMethod.Put, "/api/providers/openai", StubPayloads.Minimal().ToJsonString(), "Bearer " + Full);
        Assert.Equal(HttpStatusCode.OK, write2.Status);
    }

    [Fact]
    public async Task A_wrong_key_is_still_401_with_a_read_only_key_configured()
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { ReadOnlyApiKey = ReadOnly });
        using var http = new StubHttp(stub, "Bearer nope");

        var answer = await http.PutAsync("openai", StubPayloads.Minimal());

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Unauthorized", answer.ErrorMessage);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("GET", "Basic YWRtaW46eA==")]
    [InlineData("PUT", "Bearer " + Full)]
    public async Task Auth_on_without_an_admin_password_is_500_for_every_request(string method, string? authorization)
    {
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { AuthWithoutAdminPassword = true, ApiKey = Full });
        using var http = new StubHttp(stub);

        var answer = await http.SendAsync(new HttpMethod(method), "/api/providers/openai", method == "PUT" ? StubPayloads.Minimal().ToJsonString() : null, authorization);

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Equal("Authentication not properly configured", answer.ErrorMessage);
        Assert.Equal(500, answer.Json["status_code"]!.GetValue<int>());
    }
}
