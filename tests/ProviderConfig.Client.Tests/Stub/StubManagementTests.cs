using System.Net;
using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Stub;

/// <summary>
/// The SDK's management operations against the stub gateway, once per secret era (the era also decides the gateway's
/// restore and delete rules): a key's whole life, masks, retry-safe writes, names, keyless providers, cascades.
/// Expectations come from the management contract (§2-§3, §10), checked on the stub's stored (unmasked) state.
/// </summary>
public sealed class StubManagementTests : IAsyncDisposable
{
    private const string ApiKey = "stub-management-key-51";
    private readonly List<BifrostStubServer> _stubs = [];

    public static TheoryData<SecretValueShape> Eras() => new(SecretValueShape.PlainString, SecretValueShape.EnvVarObject, SecretValueShape.SecretVarObject);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var stub in _stubs)
        {
            await stub.DisposeAsync();
        }
    }

    private (BifrostStubServer Stub, ProviderConfigClient Client) Start(SecretValueShape era)
    {
        var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = ApiKey, SecretShape = era });
        _stubs.Add(stub);
        var client = ProviderConfigClient.Create(new ProviderConfigClientOptions
        {
            BaseAddress = stub.BaseAddress,
            ApiKey = ApiKey,
            Retry = new RetryOptions { MaxRetries = 3, RetryBackoffInitial = TimeSpan.FromMilliseconds(1), RetryBackoffMax = TimeSpan.FromMilliseconds(5) },
        });
        return (stub, client);
    }

    private static JsonObject Stored(BifrostStubServer stub, string provider, string keyId)
        => Assert.Single(stub.GetStoredKeys(provider), k => k["id"]!.GetValue<string>() == keyId);

    private static string StoredValue(JsonNode? secret) => secret switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject obj => obj["ref"]?.GetValue<string>() is { Length: > 0 } reference ? reference
            : obj["env_var"]?.GetValue<string>() is { Length: > 0 } envVar ? envVar
            : obj["value"]!.GetValue<string>(),
        _ => throw new InvalidOperationException("no secret"),
    };

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_key_is_created_listed_read_updated_with_its_secret_kept_rotated_and_deleted(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        const string secret = "sk-acme-life-0123456789abcdef";

        var created = await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "life-1", Value = SecretValue.Plain(secret) }, Ct);
        Assert.Equal(secret, StoredValue(Stored(stub, "openai", created.Id)["value"]));
        Assert.NotEqual(secret, created.Value!.RevealValue()); // masked on the way back
        Assert.Contains(await client.ListKeysAsync(ProviderName.OpenAI, Ct), k => k.Id == created.Id && k.Name == "life-1");

        var read = await client.GetKeyAsync(ProviderName.OpenAI, created.Id, Ct);
        var updated = await client.UpdateKeyAsync(ProviderName.OpenAI, read.Id, read.ToUpdate() with { Weight = 3, Models = ["gpt-4o"] }, Ct);
        var stored = Stored(stub, "openai", created.Id);
        Assert.Equal(secret, StoredValue(stored["value"]));           // the mask went back to its own field: kept
        Assert.Equal(3, stored["weight"]!.GetValue<double>());
        Assert.Equal(["gpt-4o"], updated.Models!);

        var rotated = await client.UpdateKeyAsync(ProviderName.OpenAI, created.Id, k => k with { Value = SecretValue.FromEnvironment("ACME_LIFE_KEY") }, Ct);
        Assert.Equal("env.ACME_LIFE_KEY", StoredValue(Stored(stub, "openai", created.Id)["value"]));
        Assert.Equal(3, rotated.Weight); // the read-modify-write kept what it did not change

        var deleted = await client.DeleteKeyAsync(ProviderName.OpenAI, created.Id, Ct);
        Assert.Equal("life-1", deleted.Name);
        Assert.DoesNotContain(stub.GetStoredKeys("openai"), k => k["id"]!.GetValue<string>() == created.Id);
        await Assert.ThrowsAsync<ProviderKeyNotFoundException>(() => client.GetKeyAsync(ProviderName.OpenAI, created.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_mask_copied_from_another_key_is_refused_and_nothing_reaches_the_gateway(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        var a = await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "mask-a", Value = SecretValue.Plain("sk-aaaa-0123456789abcdef") }, Ct);
        var b = await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "mask-b", Value = SecretValue.Plain("sk-bbbb-0123456789abcdef") }, Ct);
        stub.ClearRequests();

        var error = await Assert.ThrowsAsync<ProviderConfigValidationException>(() =>
            client.UpdateKeyAsync(ProviderName.OpenAI, b.Id, k => k with { Value = a.Value }, Ct));

        Assert.Equal("value", Assert.Single(error.Errors).Path);
        Assert.All(stub.Requests, r => Assert.Equal("GET", r.Method)); // the read only
        Assert.Equal("sk-bbbb-0123456789abcdef", StoredValue(Stored(stub, "openai", b.Id)["value"]));
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_key_create_whose_answer_is_lost_stores_one_key_and_reports_success(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        var before = stub.GetStoredKeys("openai").Count;
        stub.DropResponseNext(1);

        var created = await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "dropped-1", Value = SecretValue.Plain("sk-drop-0123456789abcdef") }, Ct);

        Assert.Equal(before + 1, stub.GetStoredKeys("openai").Count);
        Assert.Equal("dropped-1", Stored(stub, "openai", created.Id)["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_provider_create_whose_answer_is_lost_reports_success(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        stub.DropResponseNext(1);

        var created = await client.CreateProviderAsync("acme-dropped", new ProviderUpdate { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "openai" } }, Ct);

        Assert.Equal("acme-dropped", created.Name.Value);
        Assert.Contains("acme-dropped", stub.ProviderNames);
        await Assert.ThrowsAsync<ProviderAlreadyExistsException>(() =>
            client.CreateProviderAsync("acme-dropped", new ProviderUpdate { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "anthropic" } }, Ct));
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_key_delete_whose_answer_is_lost_succeeds_but_a_second_delete_is_a_404(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        var key = await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "gone-1", Value = SecretValue.Plain("sk-gone-0123456789abcdef") }, Ct);
        using var losing = new LoseFirstAnswerHandler(HttpMethod.Delete) { InnerHandler = new SocketsHttpHandler() };
        using var lossy = ProviderConfigClient.Create(
            new ProviderConfigClientOptions { BaseAddress = stub.BaseAddress, ApiKey = ApiKey, Retry = new RetryOptions { MaxRetries = 2, RetryBackoffInitial = TimeSpan.FromMilliseconds(1), RetryBackoffMax = TimeSpan.FromMilliseconds(5) } },
            losing);
        stub.ClearRequests();

        var deleted = await lossy.DeleteKeyAsync(ProviderName.OpenAI, key.Id, Ct);

        Assert.Equal("gone-1", deleted.Name);
        Assert.Equal(["GET", "DELETE", "DELETE"], stub.Requests.Select(r => r.Method)); // the replay met the gateway's 404
        Assert.DoesNotContain(stub.GetStoredKeys("openai"), k => k["id"]!.GetValue<string>() == key.Id);
        await Assert.ThrowsAsync<ProviderKeyNotFoundException>(() => client.DeleteKeyAsync(ProviderName.OpenAI, key.Id, Ct));
    }

    /// <summary>Sends the first request of one method to the server, lets the server act on it, and loses its answer.</summary>
    private sealed class LoseFirstAnswerHandler(HttpMethod method) : DelegatingHandler
    {
        private int _lost;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == method && Interlocked.Exchange(ref _lost, 1) == 0)
            {
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection was closed before the answer arrived (simulated).");
            }

            return response;
        }
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task Key_names_are_unique_across_providers_on_create_and_rename(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "shared-name", Value = SecretValue.Plain("sk-name-0123456789abcdef") }, Ct);
        var other = await client.CreateKeyAsync("azure", new ProviderKeyUpdate
        {
            Name = "azure-2",
            Value = SecretValue.Plain("az-0123456789abcdef"),
            AzureKeyConfig = new AzureKeyConfig { Endpoint = SecretValue.Plain("https://acme.openai.azure.com") },
        }, Ct);

        var onCreate = await Assert.ThrowsAsync<ProviderKeyNameTakenException>(() =>
            client.CreateKeyAsync("azure", new ProviderKeyUpdate { Name = "shared-name", Value = SecretValue.Plain("az-9876543210abcdef"), AzureKeyConfig = new AzureKeyConfig { Endpoint = SecretValue.Plain("https://acme.openai.azure.com") } }, Ct));
        var onRename = await Assert.ThrowsAsync<ProviderKeyNameTakenException>(() =>
            client.UpdateKeyAsync("azure", other.Id, k => k with { Name = "shared-name" }, Ct));

        Assert.Contains("unique across all providers", onCreate.Message, StringComparison.Ordinal);
        Assert.Equal("shared-name", onRename.KeyName);
        Assert.Equal("azure-2", Stored(stub, "azure", other.Id)["name"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_keyless_provider_refuses_keys_with_the_gateways_message(SecretValueShape era)
    {
        var (stub, client) = Start(era);

        var error = await Assert.ThrowsAsync<ProviderConfigApiException>(() =>
            client.CreateKeyAsync("acme-llm-gateway", new ProviderKeyUpdate { Name = "keyless-1", Value = SecretValue.Plain("sk-less-0123456789") }, Ct));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Cannot add keys to a keyless provider", error.ServerMessage);
        Assert.Empty(stub.GetStoredKeys("acme-llm-gateway"));
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task Deleting_a_provider_removes_its_keys_and_a_second_delete_is_not_an_error(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        await client.CreateProviderAsync("acme-cascade", new ProviderUpdate { CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "openai" } }, Ct);
        await client.CreateKeyAsync("acme-cascade", new ProviderKeyUpdate { Name = "cascade-1", Value = SecretValue.Plain("sk-casc-0123456789abcdef") }, Ct);
        Assert.Single(await client.ListKeysAsync("acme-cascade", Ct));

        await client.DeleteProviderAsync("acme-cascade", Ct);
        await client.DeleteProviderAsync("acme-cascade", Ct); // 200 on the newest era, 404 on older ones: both "gone"

        Assert.DoesNotContain("acme-cascade", stub.ProviderNames);
        Assert.Empty(stub.GetStoredKeys("acme-cascade"));
        await Assert.ThrowsAsync<ProviderNotFoundException>(() => client.ListKeysAsync("acme-cascade", Ct));
        var names = (await client.ListProvidersAsync(Ct)).Select(p => p.Name.Value).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        // The name is free again for a key: names of deleted keys do not linger.
        await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "cascade-1", Value = SecretValue.Plain("sk-casc-0123456789abcdef") }, Ct);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_refresh_already_in_progress_is_retried_until_it_is_not(SecretValueShape era)
    {
        var (stub, client) = Start(era);
        stub.SimulateRefreshInProgress("openai", 2);

        var keys = await client.RefreshModelsAsync(ProviderName.OpenAI, Ct);

        Assert.Equal(stub.GetStoredKeys("openai").Count, keys.Count);
        Assert.Equal(3, stub.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/refresh-models", StringComparison.Ordinal)));
    }
}
