using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ProviderConfig.Client.Benchmarks;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 serving the fixtures. The load driver runs it in a child process so the
/// client's allocation figures are the client's alone.
/// </summary>
public static class LoopbackServer
{
    /// <summary>Runs the server in this process until stdin closes; prints "listening on URL".</summary>
    public static async Task ServeAsync()
    {
        var small = Fixture.Bytes(Fixture.Small);
        var large = Fixture.Bytes(Fixture.Large);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapMethods("/api/providers/{provider}", ["GET", "PUT"], async (HttpContext context, string provider) =>
        {
            if (context.Request.Method == "PUT")
            {
                await context.Request.Body.CopyToAsync(Stream.Null);
            }

            var body = provider == Fixture.ProviderName(Fixture.Large) ? large : small;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine("listening on " + address);
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
    }

    /// <summary>Runs <paramref name="run"/> against <see cref="ServeAsync"/> in a child process, then stops the child.</summary>
    public static async Task WithChildAsync(Func<Uri, Task> run)
    {
        var (server, address) = StartChild();
        try
        {
            await run(address);
        }
        finally
        {
            server.StandardInput.Close();
            await server.WaitForExitAsync();
        }
    }

    /// <summary>Starts <see cref="ServeAsync"/> in a child process and returns it with its address.</summary>
    private static (Process Process, Uri Address) StartChild()
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(LoopbackServer).Assembly.Location);
        }

        info.ArgumentList.Add("serve");
        var process = Process.Start(info)!;
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the loopback server did not start");
        return (process, new Uri(line["listening on ".Length..].Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }
}
