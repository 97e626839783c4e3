using ProviderConfig.Client.Declarative;
using ProviderConfig.Client.Testing;
using ProviderConfig.Tool;

namespace ProviderConfig.Client.Tests.Declarative;

/// <summary>
/// The bifrost-providers tool run as a user runs it (argv in, exit code and output out) against two stub gateways, once
/// per secret era: export A, apply to an empty B, drift, prune, and masks that cannot travel.
/// </summary>
public sealed class ConfigurationAsCodeTests : IAsyncDisposable
{
    private const string ApiKey = "iac-test-key-13";
    private readonly List<BifrostStubServer> _stubs = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("iac-").FullName;

    public static TheoryData<SecretValueShape> Eras() => new(SecretValueShape.PlainString, SecretValueShape.EnvVarObject, SecretValueShape.SecretVarObject);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        foreach (var stub in _stubs)
        {
            await stub.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private (BifrostStubServer Stub, ProviderConfigClient Client) Start(SecretValueShape era)
    {
        var stub = BifrostStubServer.Start(new BifrostStubOptions { ApiKey = ApiKey, SecretShape = era, SeedDefaultProviders = false });
        _stubs.Add(stub);
        return (stub, ProviderConfigClient.Create(new ProviderConfigClientOptions { BaseAddress = stub.BaseAddress, ApiKey = ApiKey }));
    }

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var host = new CliHost { Environment = new Dictionary<string, string?> { ["BIFROST_API_KEY"] = ApiKey } };
        var exit = await BifrostProvidersCli.RunAsync(args, stdout, stderr, host, Ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Gateway A with env-referenced secrets only, so everything can be carried to another gateway.</summary>
    private static async Task ConfigureA(ProviderConfigClient a)
    {
        await a.CreateProviderAsync(ProviderName.OpenAI, new ProviderUpdate
        {
            NetworkConfig = new NetworkConfig { MaxRetries = 4, DefaultRequestTimeout = TimeSpan.FromSeconds(45) },
            ConcurrencyAndBufferSize = new ConcurrencyAndBufferSize { Concurrency = 8, BufferSize = 64 },
            ProxyConfig = new ProxyConfig { Type = ProxyType.Http, Url = SecretValue.FromEnvironment("PROXY_URL"), Password = SecretValue.FromEnvironment("PROXY_PASSWORD") },
            SendBackRawResponse = true,
        }, Ct);
        await a.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "openai-primary", Value = SecretValue.FromEnvironment("OPENAI_KEY"), Weight = 2, Models = ["gpt-4o"] }, Ct);
        await a.CreateProviderAsync(ProviderName.Anthropic, new ProviderUpdate(), Ct);
        await a.CreateKeyAsync(ProviderName.Anthropic, new ProviderKeyUpdate { Name = "anthropic-main", Value = SecretValue.FromEnvironment("ANTHROPIC_KEY") }, Ct);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task Export_from_A_apply_to_empty_B_then_drift_is_planned_by_field_and_applied_back(SecretValueShape era)
    {
        var (a, clientA) = Start(era);
        var (b, clientB) = Start(era);
        await ConfigureA(clientA);
        var file = Path.Combine(_dir, "gateway.json");

        var export = await Run("export", "--gateway", a.BaseAddress.ToString(), "--out", file);
        Assert.True(export.Exit == 0, export.Err);
        Assert.Contains("env.OPENAI_KEY", await File.ReadAllTextAsync(file, Ct));

        var first = await Run("plan", "--gateway", b.BaseAddress.ToString(), file);
        Assert.True(first.Exit == 2, first.Out + first.Err);
        Assert.Contains("+ create provider openai", first.Out);
        Assert.Contains("+ create key openai/openai-primary", first.Out);

        var apply = await Run("apply", "--gateway", b.BaseAddress.ToString(), file, "--yes");
        Assert.True(apply.Exit == 0, apply.Out + apply.Err);
        Assert.Contains("Apply complete", apply.Out);
        Assert.Equal(new[] { "anthropic", "openai" }, b.ProviderNames.Order(StringComparer.Ordinal));

        var clean = await Run("plan", "--gateway", b.BaseAddress.ToString(), file);
        Assert.True(clean.Exit == 0, clean.Out + clean.Err);
        Assert.Contains("No changes", clean.Out);

        // Behind the tool's back.
        await clientB.UpdateProviderAsync(ProviderName.OpenAI, u => u with { NetworkConfig = u.NetworkConfig with { MaxRetries = 9 } }, Ct);
        var key = Assert.Single(await clientB.ListKeysAsync(ProviderName.OpenAI, Ct));
        await clientB.UpdateKeyAsync(ProviderName.OpenAI, key.Id, k => k with { Weight = 5 }, Ct);

        var drift = await Run("plan", "--gateway", b.BaseAddress.ToString(), file);
        Assert.True(drift.Exit == 2, drift.Out + drift.Err);
        Assert.Contains("~ network_config.max_retries: 9 -> 4", drift.Out);
        Assert.Contains("~ weight: 5 -> 2", drift.Out);

        var json = await Run("plan", "--gateway", b.BaseAddress.ToString(), file, "--output", "json");
        Assert.Equal(2, json.Exit);
        using (var doc = System.Text.Json.JsonDocument.Parse(json.Out))
        {
            Assert.True(doc.RootElement.GetProperty("changes").GetBoolean());
            Assert.Equal(2, doc.RootElement.GetProperty("summary").GetProperty("update").GetInt32());
        }

        var fix = await Run("apply", "--gateway", b.BaseAddress.ToString(), file, "--yes");
        Assert.True(fix.Exit == 0, fix.Out + fix.Err);
        Assert.Equal(4, (await clientB.GetProviderAsync(ProviderName.OpenAI, Ct)).NetworkConfig.MaxRetries);

        var again = await Run("plan", "--gateway", b.BaseAddress.ToString(), file);
        Assert.True(again.Exit == 0, again.Out + again.Err);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task Prune_deletes_only_with_prune(SecretValueShape era)
    {
        var (a, clientA) = Start(era);
        await ConfigureA(clientA);
        var file = Path.Combine(_dir, "gateway.json");
        Assert.Equal(0, (await Run("export", "--gateway", a.BaseAddress.ToString(), "--out", file)).Exit);

        await clientA.CreateProviderAsync(ProviderName.Groq, new ProviderUpdate(), Ct);
        await clientA.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "openai-extra", Value = SecretValue.FromEnvironment("EXTRA") }, Ct);

        var plain = await Run("plan", "--gateway", a.BaseAddress.ToString(), file);
        Assert.True(plain.Exit == 0, plain.Out + plain.Err);
        var applyWithout = await Run("apply", "--gateway", a.BaseAddress.ToString(), file, "--yes");
        Assert.Equal(0, applyWithout.Exit);
        Assert.Contains("groq", a.ProviderNames);

        var pruned = await Run("plan", "--gateway", a.BaseAddress.ToString(), file, "--prune");
        Assert.True(pruned.Exit == 2, pruned.Out + pruned.Err);
        Assert.Contains("- delete provider groq", pruned.Out);
        Assert.Contains("- delete key openai/openai-extra", pruned.Out);
        Assert.DoesNotContain("delete provider openai", pruned.Out);

        var apply = await Run("apply", "--gateway", a.BaseAddress.ToString(), file, "--prune", "--yes");
        Assert.True(apply.Exit == 0, apply.Out + apply.Err);
        Assert.DoesNotContain("groq", a.ProviderNames);
        Assert.Equal(new[] { "openai-primary" }, (await clientA.ListKeysAsync(ProviderName.OpenAI, Ct)).Select(k => k.Name));
        Assert.Equal(0, (await Run("plan", "--gateway", a.BaseAddress.ToString(), file, "--prune")).Exit);
    }

    [Theory]
    [MemberData(nameof(Eras))]
    public async Task A_masked_plain_secret_keeps_on_its_gateway_but_cannot_create_a_key_elsewhere(SecretValueShape era)
    {
        var (a, clientA) = Start(era);
        var (b, _) = Start(era);
        await clientA.CreateProviderAsync(ProviderName.OpenAI, new ProviderUpdate(), Ct);
        await clientA.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "plain-key", Value = SecretValue.Plain("sk-plain-0123456789abcdef0123") }, Ct);
        var file = Path.Combine(_dir, "gateway.json");

        var export = await Run("export", "--gateway", a.BaseAddress.ToString(), "--out", file);
        Assert.Equal(0, export.Exit);
        Assert.Contains("provider 'openai' key 'plain-key': value", export.Err);
        Assert.DoesNotContain("sk-plain-0123456789abcdef0123", await File.ReadAllTextAsync(file, Ct));

        var same = await Run("plan", "--gateway", a.BaseAddress.ToString(), file);
        Assert.True(same.Exit == 0, same.Out + same.Err); // the mask means "keep" where it was read

        var elsewhere = await Run("apply", "--gateway", b.BaseAddress.ToString(), file, "--yes");
        Assert.Equal(1, elsewhere.Exit);
        Assert.Contains("error: provider 'openai' key 'plain-key': value is a masked secret", elsewhere.Err);
        Assert.DoesNotContain("   at ", elsewhere.Err);
        Assert.Empty(b.ProviderNames);
    }

    [Fact]
    public async Task A_bad_file_is_one_line_with_path_and_line()
    {
        var (a, _) = Start(SecretValueShape.SecretVarObject);
        var file = Path.Combine(_dir, "bad.json");
        await File.WriteAllTextAsync(file, "{\n  // comment\n  \"providers\": [\n    { \"name\": \"openai\", \"send_back_raw_request\": \"yes\" },\n  ]\n}\n", Ct);

        var (exit, _, err) = await Run("plan", "--gateway", a.BaseAddress.ToString(), file);

        Assert.Equal(1, exit);
        Assert.Contains(file + ": line 4", err);
        Assert.Contains("send_back_raw_request", err);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public async Task An_unknown_provider_and_a_missing_name_are_reported()
    {
        var (a, _) = Start(SecretValueShape.SecretVarObject);
        var file = Path.Combine(_dir, "unknown.json");
        await File.WriteAllTextAsync(file, """{ "providers": [ { "name": "acme-nowhere" } ] }""", Ct);
        var unknown = await Run("plan", "--gateway", a.BaseAddress.ToString(), file);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("error: provider 'acme-nowhere': unknown provider", unknown.Err);

        await File.WriteAllTextAsync(file, """{ "providers": [ { "keys": [] } ] }""", Ct);
        var nameless = await Run("plan", "--gateway", a.BaseAddress.ToString(), file);
        Assert.Equal(1, nameless.Exit);
        Assert.Contains("providers[0]: has no \"name\"", nameless.Err);
    }

    [Fact]
    public async Task Apply_without_yes_and_without_a_terminal_refuses_and_changes_nothing()
    {
        var (a, _) = Start(SecretValueShape.SecretVarObject);
        var file = Path.Combine(_dir, "one.json");
        await File.WriteAllTextAsync(file, """{ "providers": [ { "name": "openai" } ] }""", Ct);

        var (exit, output, err) = await Run("apply", "--gateway", a.BaseAddress.ToString(), file);

        Assert.Equal(1, exit);
        Assert.Contains("+ create provider openai", output);
        Assert.Contains("pass --yes", err);
        Assert.Empty(a.ProviderNames);
    }

    [Fact]
    public async Task Missing_arguments_and_gateway_errors_exit_1()
    {
        Assert.Equal(1, (await Run("plan")).Exit);
        var (exit, _, err) = await Run("plan", "--gateway", "not a url", "x.json");
        Assert.Equal(1, exit);
        Assert.Contains("--gateway", err);
    }

    [Fact]
    public async Task Help_names_the_program_bifrost_providers_as_installed()
    {
        // The tool's own assembly, run as `dotnet tool install` runs it (a separate process), not the in-process entry
        // point: the name in the usage line comes from the program that was started.
        var tool = Path.Combine(AppContext.BaseDirectory, "bifrost-providers.dll");
        Assert.True(File.Exists(tool), $"{tool} is missing: the test project references the tool, whose assembly is named after its command");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", tool, "--help" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("bifrost-providers [command] [options]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ProviderConfig.Tool", output, StringComparison.Ordinal);
    }
}
