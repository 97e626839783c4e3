using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ProviderConfig.Client;
using ProviderConfig.Client.Declarative;

namespace ProviderConfig.Tool;

/// <summary>
/// <c>bifrost-providers</c>: export a gateway's providers and keys as a desired-state file, plan the changes a file
/// asks for (exit 0: none, 2: changes, 1: error) and apply them.
/// </summary>
internal static class BifrostProvidersCli
{
    public const int ExitOk = 0;
    public const int ExitError = 1;
    public const int ExitChanges = 2;

    /// <summary>Runs the tool as <c>bifrost-providers args...</c> would, writing to the given writers.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CliHost? host = null, CancellationToken cancellationToken = default)
    {
        host ??= new CliHost();
        var gateway = new Option<string?>("--gateway") { Description = "The gateway's base address, e.g. https://bifrost.example.com (or ProviderConfig__BaseAddress)." };
        var apiKey = new Option<string?>("--api-key") { Description = "The management API key (default: BIFROST_API_KEY, or ProviderConfig__ApiKey)." };
        var prune = new Option<bool>("--prune") { Description = "Also delete providers, and keys of listed providers, that the file does not list." };
        var skipSecrets = new Option<bool>("--skip-unknowable-secrets") { Description = "Treat plain secrets in the file as unchanged where the gateway has a value (it masks them, so they cannot be compared)." };
        var output = new Option<string>("--output") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking." };
        var outFile = new Option<string>("--out", "-o") { Description = "The desired-state file to write.", Required = true };
        var file = new Argument<string>("FILE") { Description = "The desired-state file (JSON; comments and trailing commas allowed)." };

        var export = new Command("export", "Write the gateway's providers and keys as a desired-state file.") { gateway, apiKey, outFile };
        export.SetAction((result, ct) => Guard(stderr, () => ExportAsync(Client(result.GetValue(gateway), result.GetValue(apiKey), host), result.GetValue(outFile)!, stdout, stderr, ct)));

        var plan = new Command("plan", "Show what apply would change. Exit 0: nothing to do; 2: changes; 1: error.") { gateway, apiKey, prune, skipSecrets, output, file };
        plan.SetAction((result, ct) => Guard(stderr, () => PlanAsync(
            Client(result.GetValue(gateway), result.GetValue(apiKey), host),
            result.GetValue(file)!,
            new PlanOptions { Prune = result.GetValue(prune), SkipUnknowableSecrets = result.GetValue(skipSecrets) },
            result.GetValue(output) == "json",
            stdout,
            ct)));

        var apply = new Command("apply", "Show the plan, ask, and apply it.") { gateway, apiKey, prune, skipSecrets, yes, file };
        apply.SetAction((result, ct) => Guard(stderr, () => ApplyAsync(
            Client(result.GetValue(gateway), result.GetValue(apiKey), host),
            result.GetValue(file)!,
            new PlanOptions { Prune = result.GetValue(prune), SkipUnknowableSecrets = result.GetValue(skipSecrets) },
            result.GetValue(yes),
            host,
            stdout,
            stderr,
            ct)));

        var root = new RootCommand("Bifrost gateway providers and keys as code: export, plan, apply.") { export, plan, apply };
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ExportAsync(IProviderConfigClient client, string path, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var state = await DesiredStatePlanner.ExportAsync(client, ct).ConfigureAwait(false);
        await state.SaveFileAsync(path, ct).ConfigureAwait(false);
        var keys = state.Providers.Sum(static p => p.Keys.Count);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {state.Providers.Count} provider(s) and {keys} key(s) to {path}.")).ConfigureAwait(false);
        var masked = state.FindMaskedSecrets();
        if (masked.Count > 0)
        {
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"warning: {masked.Count} secret(s) are stored as plain text on this gateway and were exported as its masks. A mask means \"keep\" on this gateway only; replace each with a reference (\"env.NAME\") before the file can create them on another gateway:")).ConfigureAwait(false);
            foreach (var line in masked)
            {
                await stderr.WriteLineAsync("  " + line).ConfigureAwait(false);
            }
        }

        return ExitOk;
    }

    private static async Task<int> PlanAsync(IProviderConfigClient client, string path, PlanOptions options, bool json, TextWriter stdout, CancellationToken ct)
    {
        var desired = await DesiredState.LoadFileAsync(path, ct).ConfigureAwait(false);
        var plan = await DesiredStatePlanner.PlanAsync(client, desired, options, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync(json ? plan.ToJson() : plan.ToString()).ConfigureAwait(false);
        return plan.IsEmpty ? ExitOk : ExitChanges;
    }

    private static async Task<int> ApplyAsync(IProviderConfigClient client, string path, PlanOptions options, bool yes, CliHost host, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var desired = await DesiredState.LoadFileAsync(path, ct).ConfigureAwait(false);
        var plan = await DesiredStatePlanner.PlanAsync(client, desired, options, ct).ConfigureAwait(false);
        await stdout.WriteLineAsync(plan.ToString()).ConfigureAwait(false);
        if (plan.IsEmpty)
        {
            return ExitOk;
        }

        if (!yes)
        {
            if (!host.IsInteractive || host.Input is null)
            {
                await stderr.WriteLineAsync("error: not applying: stdin is not a terminal, so there is no one to confirm; pass --yes to apply without asking.").ConfigureAwait(false);
                return ExitError;
            }

            await stdout.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Apply these {plan.Steps.Count} step(s)? Only 'yes' is accepted: ")).ConfigureAwait(false);
            await stdout.FlushAsync(ct).ConfigureAwait(false);
            var answer = await host.Input.ReadLineAsync(ct).ConfigureAwait(false);
            if (!string.Equals(answer?.Trim(), "yes", StringComparison.Ordinal))
            {
                await stderr.WriteLineAsync("error: apply cancelled; nothing was changed.").ConfigureAwait(false);
                return ExitError;
            }
        }

        var result = await DesiredStatePlanner.ApplyAsync(client, plan, step => stdout.WriteLine("applied: " + step.Title), ct).ConfigureAwait(false);
        await stdout.WriteLineAsync(result.ToString()).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await stderr.WriteLineAsync($"error: {result.Failed!.Title}: {OneLine(result.Error!.Message)}").ConfigureAwait(false);
            return ExitError;
        }

        return ExitOk;
    }

    private static IProviderConfigClient Client(string? gateway, string? apiKey, CliHost host)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(host.Environment
                .Where(static v => v.Key.StartsWith("ProviderConfig__", StringComparison.OrdinalIgnoreCase))
                .Select(static v => new KeyValuePair<string, string?>(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
        var options = new ProviderConfigClientOptions();
        configuration.GetSection("ProviderConfig").Bind(options);
        if (gateway is not null)
        {
            options.BaseAddress = Uri.TryCreate(gateway, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                ? uri
                : throw new CliException($"--gateway '{gateway}' is not an http(s) address such as https://bifrost.example.com");
        }

        if (options.BaseAddress is null)
        {
            throw new CliException("no gateway: pass --gateway URL (or set ProviderConfig__BaseAddress)");
        }

        apiKey ??= host.Environment.TryGetValue("BIFROST_API_KEY", out var fromEnv) && !string.IsNullOrEmpty(fromEnv) ? fromEnv : null;
        if (apiKey is not null)
        {
            options.ApiKey = apiKey;
        }

        return host.ClientFactory?.Invoke(options) ?? ProviderConfigClient.Create(options);
    }

    /// <summary>Every failure is one clear line on stderr and exit code 1, never a stack trace.</summary>
    private static async Task<int> Guard(TextWriter stderr, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (DesiredStateException ex)
        {
            foreach (var problem in ex.Problems)
            {
                await stderr.WriteLineAsync("error: " + OneLine(problem)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is CliException or ProviderConfigException or OptionsValidationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            await stderr.WriteLineAsync("error: " + OneLine(ex.Message)).ConfigureAwait(false);
        }

        return ExitError;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
