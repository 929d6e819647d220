using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using RootCause.Server.Hosting;

namespace RootCause.Server.Cli;

/// <summary>`rootcause serve`: runs the analyzer host until Ctrl+C or SIGTERM.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen (semicolon-separated)",
            DefaultValueFactory = _ => "http://127.0.0.1:8080",
        };
        var faultTrees = new Option<DirectoryInfo?>("--fault-trees")
        {
            Description = "Fault-tree directory (default: $ROOTCAUSE_HOME/fault-trees, else fault-trees beside the binary)",
        };
        var maxBody = new Option<long>("--max-body-bytes")
        {
            Description = "Largest accepted request body",
            DefaultValueFactory = _ => RootCauseHostOptions.DefaultMaxRequestBodyBytes,
        };

        var command = new Command("serve", "Run the analyzer service (webhooks, API, report pages)") { urls, faultTrees, maxBody };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(faultTrees)?.FullName ?? FaultTreeDirectory.Default();
            var loaded = FaultTreeDirectory.Load(directory);
            if (!loaded.Succeeded)
            {
                await Console.Error.WriteLineAsync($"rootcause: the fault trees in {directory} do not load; not starting.").ConfigureAwait(false);
                foreach (var error in loaded.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
                }

                return 1;
            }

            var app = RootCauseHost.Build(new RootCauseHostOptions
            {
                Urls = parse.GetValue(urls)!,
                FaultTrees = loaded.Set,
                MaxRequestBodyBytes = parse.GetValue(maxBody),
            });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"rootcause: listening on {string.Join(", ", app.Urls)} with fault trees from {directory}").ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
