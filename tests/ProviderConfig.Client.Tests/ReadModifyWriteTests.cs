using System.Text.Json.Nodes;
using ProviderConfig.Client.Testing;

namespace ProviderConfig.Client.Tests;

/// <summary>
/// UpdateProviderAsync(provider, change) against the stateful stub, with a second writer that changes the provider
/// between the two reads (from inside the change function, which runs exactly there).
/// </summary>
public sealed class ReadModifyWriteTests : IAsyncDisposable
{
    private readonly BifrostStubServer _stub = BifrostStubServer.Start();
    private readonly ProviderConfigClient _client;

    public ReadModifyWriteTests()
    {
        _client = ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = _stub.BaseAddress, Retry = new RetryOptions { MaxRetries = 0 } });
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _stub.DisposeAsync();

    /// <summary>What a second writer does: changes one stored field of the provider directly on the "gateway".</summary>
    private void SecondWriterSets(string provider, string block, string field, JsonNode value)
    {
        var stored = _stub.GetStoredProvider(provider)!;
        stored[block]![field] = value;
        _stub.SetProvider(provider, stored.ToJsonString());
    }

    [Fact]
    public async Task A_change_is_applied_to_the_current_configuration_and_everything_else_is_kept()
    {
        var result = await _client.UpdateProviderAsync(ProviderName.Azure, u => u with
        {
            NetworkConfig = u.NetworkConfig with { MaxRetries = 5 },
            ConcurrencyAndBufferSize = u.ConcurrencyAndBufferSize with { Concurrency = 64 },
        }, Ct);

        Assert.Equal(5, result.NetworkConfig.MaxRetries);
        Assert.Equal(64, result.ConcurrencyAndBufferSize.Concurrency);
        var stored = _stub.GetStoredProvider("azure")!;
        Assert.Equal("platform", stored["network_config"]!["extra_headers"]!["X-Team"]!.GetValue<string>());
        Assert.Equal(500, stored["concurrency_and_buffer_size"]!["buffer_size"]!.GetValue<long>());
        Assert.True(stored["send_back_raw_response"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_second_writer_between_the_reads_is_not_overwritten_the_change_is_reapplied()
    {
        var calls = 0;

        await _client.UpdateProviderAsync(ProviderName.Azure, u =>
        {
            if (calls++ == 0)
            {
                SecondWriterSets("azure", "network_config", "max_retries", 7);
            }

            return u with { ConcurrencyAndBufferSize = u.ConcurrencyAndBufferSize with { Concurrency = 64 } };
        }, Ct);

        var stored = _stub.GetStoredProvider("azure")!;
        Assert.Equal(2, calls);
        Assert.Equal(7, stored["network_config"]!["max_retries"]!.GetValue<long>());
        Assert.Equal(64, stored["concurrency_and_buffer_size"]!["concurrency"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_writer_that_keeps_interfering_gets_a_conflict_and_nothing_is_written()
    {
        var calls = 0;

        var error = await Assert.ThrowsAsync<ProviderConfigConflictException>(() => _client.UpdateProviderAsync(ProviderName.Azure, u =>
        {
            SecondWriterSets("azure", "network_config", "max_retries", 10 + calls++);
            return u with { ConcurrencyAndBufferSize = u.ConcurrencyAndBufferSize with { Concurrency = 64 } };
        }, Ct));

        Assert.Equal(3, calls);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(["network_config.max_retries"], error.ChangedPaths);
        var stored = _stub.GetStoredProvider("azure")!;
        Assert.Equal(12, stored["network_config"]!["max_retries"]!.GetValue<long>());
        Assert.Equal(50, stored["concurrency_and_buffer_size"]!["concurrency"]!.GetValue<long>());
        Assert.DoesNotContain(_stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_change_that_edits_the_update_in_place_is_still_written()
    {
        _stub.ClearRequests();

        await _client.UpdateProviderAsync(ProviderName.Azure, u =>
        {
            u.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["future_field"] = System.Text.Json.JsonDocument.Parse("1").RootElement };
            u.NetworkConfig.ExtensionData = new Dictionary<string, System.Text.Json.JsonElement>();
            return u;
        }, Ct);

        Assert.Contains(_stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_change_that_changes_nothing_writes_nothing()
    {
        _stub.ClearRequests();

        var result = await _client.UpdateProviderAsync(ProviderName.OpenAI, u => u with { }, Ct);

        Assert.Equal(ProviderName.OpenAI, result.Name);
        Assert.Equal(["GET"], _stub.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task An_invalid_change_is_refused_before_the_write()
    {
        _stub.ClearRequests();

        var error = await Assert.ThrowsAsync<ProviderConfigValidationException>(() => _client.UpdateProviderAsync(
            ProviderName.OpenAI, u => u with { NetworkConfig = u.NetworkConfig with { RetryBackoffInitial = TimeSpan.FromMilliseconds(5) } }, Ct));

        Assert.Equal("network_config.retry_backoff_initial", Assert.Single(error.Errors).Path);
        Assert.DoesNotContain(_stub.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task A_missing_provider_is_a_not_found_error()
        => await Assert.ThrowsAsync<ProviderNotFoundException>(() => _client.UpdateProviderAsync("nope", u => u, Ct));
}
