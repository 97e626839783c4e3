using System.Text;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>The request log: what was sent, never the credential.</summary>
public sealed class StubRequestLogTests
{
    [Fact]
    public async Task Requests_are_logged_with_the_Authorization_scheme_only()
    {
        const string Key = "log-secret-9a41e7";
        using var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = Key, Username = "admin", Password = "hunter2-pw" });
        using var http = new StubHttp(stub);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:hunter2-pw"));

        await http.SendAsync(HttpMethod.Get, "/api/providers/openai", null, "Bearer " + Key);
        await http.SendAsync(HttpMethod.Put, "/api/providers/my%20llm", """{"concurrency_and_buffer_size":{"concurrency":1,"buffer_size":1}}""", "Basic " + basic);
        await http.SendAsync(HttpMethod.Get, "/api/providers/openai", null);

        var log = stub.Requests;
        Assert.Equal(3, log.Count);
        Assert.Equal(("GET", "/api/providers/openai", "Bearer", (string?)null), (log[0].Method, log[0].Path, log[0].AuthorizationScheme, log[0].Body));
        Assert.Equal(("PUT", "/api/providers/my%20llm", "Basic"), (log[1].Method, log[1].Path, log[1].AuthorizationScheme));
        Assert.Contains("\"concurrency\":1", log[1].Body, StringComparison.Ordinal);
        Assert.Equal("Basic", log[1].Headers["authorization"]);
        Assert.StartsWith("application/json", log[1].Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Null(log[2].AuthorizationScheme);
        Assert.True(log[0].ReceivedAt <= log[2].ReceivedAt);

        var everything = string.Join("\n", log.Select(r => string.Join(";", r.Headers.Select(h => h.Key + "=" + h.Value)) + r.Body + r));
        Assert.DoesNotContain(Key, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(basic, everything, StringComparison.Ordinal);

        stub.ClearRequests();
        Assert.Empty(stub.Requests);
    }
}
