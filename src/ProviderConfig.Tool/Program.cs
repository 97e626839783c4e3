using ProviderConfig.Tool;

return await BifrostProvidersCli.RunAsync(args, Console.Out, Console.Error, CliHost.FromConsole()).ConfigureAwait(false);
