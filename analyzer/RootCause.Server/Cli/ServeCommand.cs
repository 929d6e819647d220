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
        var faultTrees = CliFaultTrees.Option();
        var maxBody = new Option<long>("--max-body-bytes")
        {
            Description = "Largest accepted request body",
            DefaultValueFactory = _ => RootCauseHostOptions.DefaultMaxRequestBodyBytes,
        };

        var command = new Command("serve", "Run the analyzer service (webhooks, API, report pages)") { urls, faultTrees, maxBody };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var trees = await CliFaultTrees.LoadOrReportAsync(parse.GetValue(faultTrees), "serve").ConfigureAwait(false);
            if (trees is null)
            {
                return 1;
            }

            var app = RootCauseHost.Build(new RootCauseHostOptions
            {
                Urls = parse.GetValue(urls)!,
                FaultTrees = trees,
                MaxRequestBodyBytes = parse.GetValue(maxBody),
            });
            await using (app.ConfigureAwait(false))
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"rootcause: listening on {string.Join(", ", app.Urls)} with fault trees {string.Join(", ", trees.TreeNames)}").ConfigureAwait(false);
                await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }
}
