using ProviderConfig.Client.Declarative;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests.Declarative;

/// <summary>The desired-state library: the file format, secret comparison, and an apply that writes only planned fields.</summary>
public sealed class DesiredStateTests : IAsyncDisposable
{
    private const string ApiKey = "iac-lib-key-13";
    private readonly BifrostStubServer _stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = ApiKey, SeedDefaultProviders = false });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    private DisposableProviderConfigClient Client() => ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = _stub.BaseAddress, ApiKey = ApiKey });

    [Fact]
    public void Comments_trailing_commas_and_unknown_members_survive_a_load_and_save()
    {
        const string json = """
            {
              // a comment
              "version_from_the_future": { "a": 1 },
              "providers": [
                {
                  "name": "openai",
                  "future_block": [1, 2],
                  "keys": [ { "name": "k1", "value": "env.K1", "future_key_member": true, }, ],
                },
              ],
            }
            """;

        var state = DesiredState.Parse(json);
        var saved = state.ToJson();
        var again = DesiredState.Parse(saved);

        Assert.Contains("version_from_the_future", saved);
        Assert.Contains("future_block", saved);
        Assert.Contains("future_key_member", saved);
        Assert.Equal("env.K1", again.Providers[0].Keys[0].Value!.Reference);
        Assert.Equal(saved, again.ToJson());
    }

    [Fact]
    public async Task Apply_writes_only_the_planned_fields_onto_a_fresh_read()
    {
        var client = Client();
        await client.CreateProviderAsync(ProviderName.OpenAI, new ProviderUpdate { NetworkConfig = new NetworkConfig { MaxRetries = 1 } }, Ct);
        var exported = Assert.Single((await DesiredStatePlanner.ExportAsync(client, Ct)).Providers);
        var desired = new DesiredState { Providers = [exported with { NetworkConfig = exported.NetworkConfig with { MaxRetries = 3 } }] };

        var plan = await DesiredStatePlanner.PlanAsync(client, desired, cancellationToken: Ct);
        var step = Assert.Single(plan.Steps);
        Assert.Equal("network_config.max_retries", Assert.Single(step.Changes).Path);

        // Someone else changes another field between plan and apply: the apply must not undo it.
        await client.UpdateProviderAsync(ProviderName.OpenAI, u => u with { SendBackRawRequest = true }, Ct);
        var result = await DesiredStatePlanner.ApplyAsync(client, plan, cancellationToken: Ct);

        Assert.True(result.Succeeded, result.ToString());
        var after = await client.GetProviderAsync(ProviderName.OpenAI, Ct);
        Assert.Equal(3, after.NetworkConfig.MaxRetries);
        Assert.True(after.SendBackRawRequest);
    }

    [Fact]
    public async Task A_plain_secret_is_planned_as_set_unless_skipped_and_never_printed()
    {
        var client = Client();
        await client.CreateProviderAsync(ProviderName.OpenAI, new ProviderUpdate(), Ct);
        await client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "k", Value = SecretValue.Plain("sk-old-secret-0123456789") }, Ct);
        var exported = Assert.Single((await DesiredStatePlanner.ExportAsync(client, Ct)).Providers);
        var desired = new DesiredState
        {
            Providers = [exported with { Keys = [exported.Keys[0] with { Value = SecretValue.Plain("sk-new-secret-9876543210") }] }],
        };

        var plan = await DesiredStatePlanner.PlanAsync(client, desired, cancellationToken: Ct);
        var skipped = await DesiredStatePlanner.PlanAsync(client, desired, new PlanOptions { SkipUnknowableSecrets = true }, Ct);

        var change = Assert.Single(Assert.Single(plan.Steps).Changes);
        Assert.Equal("value", change.Path);
        Assert.DoesNotContain("sk-new", plan.ToString());
        Assert.DoesNotContain("sk-new", plan.ToJson());
        Assert.True(skipped.IsEmpty, skipped.ToString());
    }

    [Fact]
    public async Task Apply_stops_at_the_first_failure_and_says_what_was_not_done()
    {
        var client = Client();
        var desired = new DesiredState
        {
            Providers =
            [
                new DesiredProvider { Name = ProviderName.OpenAI, Keys = [new ProviderKeyUpdate { Name = "dup", Value = SecretValue.FromEnvironment("A") }] },
                new DesiredProvider { Name = ProviderName.Groq },
            ],
        };
        var plan = await DesiredStatePlanner.PlanAsync(client, desired, cancellationToken: Ct);
        await client.CreateProviderAsync(ProviderName.Anthropic, new ProviderUpdate(), Ct);
        await client.CreateKeyAsync(ProviderName.Anthropic, new ProviderKeyUpdate { Name = "dup", Value = SecretValue.FromEnvironment("B") }, Ct); // takes the name first

        var result = await DesiredStatePlanner.ApplyAsync(client, plan, cancellationToken: Ct);

        Assert.False(result.Succeeded);
        Assert.Single(result.Completed);
        Assert.Equal("dup", result.Failed!.KeyName);
        Assert.Equal(ProviderName.Groq, Assert.Single(result.NotAttempted).Provider);
        Assert.Contains("not done:", result.ToString());
    }
}
