using System.Net;
using ProviderConfig.Client;
#if EMBEDDED_STUB
using ProviderConfig.Client.Declarative;
using ProviderConfig.Client.Testing;
#endif

namespace ProviderConfig.Sample;

/// <summary>What a platform engineer does with the SDK, step by step.</summary>
internal static class Walkthrough
{
    /// <summary>The tuning the walkthrough proposes: retries and concurrency, changed with <c>with</c>.</summary>
    private static ProviderUpdate Tune(ProviderUpdate u) => u with
    {
        NetworkConfig = u.NetworkConfig with
        {
            MaxRetries = 3,
            RetryBackoffInitial = TimeSpan.FromMilliseconds(500),
            RetryBackoffMax = TimeSpan.FromSeconds(8),
        },
        ConcurrencyAndBufferSize = u.ConcurrencyAndBufferSize with { Concurrency = Math.Min(200, u.ConcurrencyAndBufferSize.BufferSize) },
    };

#if EMBEDDED_STUB
    public static async Task RunAgainstStubAsync(IProviderConfigClient client, BifrostStubServer stub)
    {
        Step("1. Read a provider (the gateway masks its secrets; the SDK never prints them)");
        var bedrock = await client.GetProviderAsync(ProviderName.Bedrock);
        Print(bedrock);

        Step("2. Tune retries and concurrency: the diff before applying");
        var proposed = Tune(bedrock.ToUpdate());
        Console.WriteLine(Indent(ProviderConfigDiff.Between(bedrock, proposed).ToString()));

        Step("3. Apply it as a read-modify-write (re-reads first; refuses to overwrite a concurrent change)");
        var stored = await client.UpdateProviderAsync(ProviderName.Bedrock, Tune);
        Console.WriteLine($"   stored: max_retries={stored.NetworkConfig.MaxRetries}, backoff={Ms(stored.NetworkConfig.RetryBackoffInitial)}..{Ms(stored.NetworkConfig.RetryBackoffMax)}, concurrency={stored.ConcurrencyAndBufferSize.Concurrency}");

        Step("4. Read it back: the proxy secrets were sent back masked and the gateway kept the real ones");
        var after = await client.GetProviderAsync(ProviderName.Bedrock);
        Console.WriteLine(Indent(ProviderConfigDiff.Between(bedrock, after).ToString()));

        Step("5. What errors look like");
        await Show(() => client.GetProviderAsync("OpenAI"));   // names are case-sensitive
        await Show(() => client.UpdateProviderAsync(ProviderName.OpenAI, u => u with
        {
            NetworkConfig = u.NetworkConfig with { RetryBackoffInitial = TimeSpan.FromMilliseconds(50) },
            ConcurrencyAndBufferSize = u.ConcurrencyAndBufferSize with { Concurrency = 0 },
        }));
        var copied = bedrock.ToUpdate();
        await Show(() => client.UpdateProviderAsync("bedrock-eu", copied));   // masks copied to another provider

        Step("6. A transient failure that recovers (the stub answers 503 twice; the SDK retries with the gateway's backoff)");
        stub.FailNext(2, HttpStatusCode.ServiceUnavailable);
        var recovered = await client.GetProviderAsync(ProviderName.OpenAI);
        Console.WriteLine($"   then succeeded: {recovered.Name} is {recovered.ProviderStatus}");

        await ManageAsync(client);
        await ConfigurationAsCodeAsync(client);
    }

    /// <summary>Configuration as code: export the gateway as a desired state, change it, plan, apply, plan again.</summary>
    private static async Task ConfigurationAsCodeAsync(IProviderConfigClient client)
    {
        Step("14. Configuration as code: export the gateway as a desired state (what `bifrost-providers export` writes)");
        var state = await DesiredStatePlanner.ExportAsync(client);
        Console.WriteLine($"   {state.Providers.Count} providers; masked plain secrets (keep here, cannot create elsewhere): {state.FindMaskedSecrets().Count}");

        Step("15. Ask for more retries on openai in the desired state, then plan (secrets never printed)");
        var desired = new DesiredState
        {
            Providers = [.. state.Providers.Select(p => p.Name == ProviderName.OpenAI ? p with { NetworkConfig = p.NetworkConfig with { MaxRetries = p.NetworkConfig.MaxRetries + 1 } } : p)],
        };
        var plan = await DesiredStatePlanner.PlanAsync(client, desired);
        Console.WriteLine(Indent(plan.ToString()));

        Step("16. Apply it (read-modify-write of exactly the planned fields), then plan again: nothing to do");
        var result = await DesiredStatePlanner.ApplyAsync(client, plan, step => Console.WriteLine($"   applied: {step.Title}"));
        Console.WriteLine(Indent(result.ToString()));
        Console.WriteLine(Indent((await DesiredStatePlanner.PlanAsync(client, desired)).Summary));
    }

    /// <summary>Provisioning: a custom provider with a key, a rotation, a model change, the lists, and cleanup.</summary>
    private static async Task ManageAsync(IProviderConfigClient client)
    {
        ProviderName acme = "acme-llm";

        Step("7. Create a custom provider (OpenAI-compatible); blocks left unset get the gateway's defaults");
        var created = await client.CreateProviderAsync(acme, new ProviderUpdate
        {
            CustomProviderConfig = new CustomProviderConfig { BaseProviderType = "openai" },
            NetworkConfig = new NetworkConfig { BaseUrl = "https://llm.acme.example/v1", MaxRetries = 2 },
        });
        Console.WriteLine($"   {created.Name}: base={created.CustomProviderConfig?.BaseProviderType}, provider_status={created.ProviderStatus}");

        Step("8. Add a key (name unique across all providers; every model, weight 1 by default)");
        var key = await client.CreateKeyAsync(acme, new ProviderKeyUpdate
        {
            Name = "acme-prod-1",
            Value = SecretValue.Plain("sk-acme-0123456789abcdef"),
        });
        PrintKey(key);

        Step("9. Rotate its secret to an environment reference (the other members are sent back as read)");
        key = await client.UpdateKeyAsync(acme, key.Id, k => k with { Value = SecretValue.FromEnvironment("ACME_API_KEY") });
        PrintKey(key);

        Step("10. Restrict its models with a read-modify-write (the masked secret goes back untouched)");
        key = await client.UpdateKeyAsync(acme, key.Id, k => k with { Models = ["gpt-4o", "gpt-4o-mini"], Weight = 2 });
        PrintKey(key);

        Step("11. What the key traps look like");
        await Show(() => client.CreateKeyAsync(ProviderName.OpenAI, new ProviderKeyUpdate { Name = "acme-prod-1", Value = SecretValue.Plain("sk-other-0123456789") }));
        await Show(() => client.UpdateKeyAsync(acme, key.Id, k => k with { Models = [] }));
        var openAIKey = (await client.ListKeysAsync(ProviderName.OpenAI))[0];
        await Show(() => client.UpdateKeyAsync(acme, key.Id, k => k with { Value = openAIKey.Value }));

        Step("12. List providers and the new provider's keys");
        var providers = await client.ListProvidersAsync();
        Console.WriteLine($"   providers: {string.Join(", ", providers.Select(p => p.Name))}");
        foreach (var k in await client.ListKeysAsync(acme))
        {
            PrintKey(k);
        }

        Step("13. Delete the provider (its keys go with it); deleting it again is not an error");
        await client.DeleteProviderAsync(acme);
        await client.DeleteProviderAsync(acme);
        await Show(() => client.ListKeysAsync(acme));
    }

#endif

    public static async Task RunAgainstGatewayAsync(IProviderConfigClient client, ProviderName name, bool apply)
    {
        Step($"Provider '{name}'");
        var current = await client.GetProviderAsync(name);
        Print(current);

        Step("Proposed tuning (retries and concurrency)");
        var diff = ProviderConfigDiff.Between(current, Tune(current.ToUpdate()));
        Console.WriteLine(Indent(diff.ToString()));
        if (!apply || diff.IsEmpty)
        {
            Console.WriteLine(diff.IsEmpty ? "   nothing to change." : "   not applied (read-only run; pass --apply to write).");
            return;
        }

        var stored = await client.UpdateProviderAsync(name, Tune);
        Console.WriteLine($"   applied: max_retries={stored.NetworkConfig.MaxRetries}, concurrency={stored.ConcurrencyAndBufferSize.Concurrency}");
    }

    private static void Print(ProviderConfiguration p)
    {
        var n = p.NetworkConfig;
        Console.WriteLine($"   {p.Name}: provider_status={p.ProviderStatus?.Value ?? "?"}{(p.ConfigHash is null ? string.Empty : " (from config.json)")}");
        Console.WriteLine($"   network: timeout={Seconds(n.DefaultRequestTimeout)}, max_retries={n.MaxRetries}, backoff={Ms(n.RetryBackoffInitial)}..{Ms(n.RetryBackoffMax)}, ca_cert_pem={n.CaCertPem?.ToString() ?? "none"}");
        Console.WriteLine($"   concurrency={p.ConcurrencyAndBufferSize.Concurrency}, buffer_size={p.ConcurrencyAndBufferSize.BufferSize}");
        Console.WriteLine(p.ProxyConfig is { } proxy
            ? $"   proxy: {proxy.Type}, url={proxy.Url}, username={proxy.Username}, password={proxy.Password}"
            : "   proxy: none");
    }

    private static void PrintKey(ProviderKey k)
        => Console.WriteLine($"   key {k.Name} ({k.Id}): value={k.Value}, models=[{string.Join(", ", k.Models ?? [])}], weight={k.Weight}, enabled={k.Enabled?.ToString() ?? "default"}");

    private static async Task Show(Func<Task> call)
    {
        try
        {
            await call();
            Console.WriteLine("   (no error)");
        }
        catch (ProviderConfigException ex)
        {
            Console.WriteLine($"   {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static void Step(string title) => Console.WriteLine(Environment.NewLine + title);

    private static string Indent(string text) => "   " + text.Replace(Environment.NewLine, Environment.NewLine + "   ", StringComparison.Ordinal);

    private static string Ms(TimeSpan t) => t == TimeSpan.Zero ? "default" : $"{t.TotalMilliseconds:0} ms";

    private static string Seconds(TimeSpan t) => t == TimeSpan.Zero ? "default" : $"{t.TotalSeconds:0} s";
}
