using System.CommandLine;
using System.Text.Json;
using RootCause.Agent.Connections;
using RootCause.Agent.Identity;
using RootCause.Agent.Loading;
using RootCause.Agent.Pipeline;
using RootCause.Bundles;

namespace RootCause.Agent;

/// <summary>`rootcause-agent`: checks the machine, loads the probes, and ships one MetricBatch per interval.</summary>
internal static class AgentCommand
{
    public static RootCommand Create()
    {
        var server = new Option<string?>("--server") { Description = "URL of `rootcause serve`; batches go to <URL>/api/v1/batches" };
        var interval = new Option<double>("--interval") { Description = "Interval length in seconds", DefaultValueFactory = _ => 10 };
        var node = new Option<string?>("--node") { Description = "Node name (default: the host name)" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Service mapping file: lines \"<service> comm=|cmdline=|cgroup=<value>\"" };
        var stdout = new Option<bool>("--stdout") { Description = "Also write each batch as one JSON line to standard output" };
        var check = new Option<bool>("--check") { Description = "Run the startup checks, load and attach the probes, then exit" };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: until SIGINT/SIGTERM)" };

        var command = new RootCommand("RootCause eBPF agent: golden metrics and network-edge metrics of every TCP service on this node")
        {
            server, interval, node, mapping, stdout, check, duration,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var nodeName = parse.GetValue(node) ?? Environment.MachineName;
            Uri? serverUri = null;
            if (parse.GetValue(server) is { } text && (!Uri.TryCreate(text, UriKind.Absolute, out serverUri) || serverUri.Scheme is not ("http" or "https")))
            {
                await Console.Error.WriteLineAsync($"agent: --server must be an http(s) URL, got \"{text}\"").ConfigureAwait(false);
                return 2;
            }

            return await RunAsync(
                serverUri, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))), nodeName, parse.GetValue(mapping),
                parse.GetValue(stdout), parse.GetValue(check), parse.GetValue(duration), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(Uri? server, TimeSpan interval, string node, FileInfo? mappingFile, bool toStdout, bool checkOnly, double? duration, CancellationToken cancellationToken)
    {
        static void Log(string message) => Console.Error.WriteLine(message);

        var report = StartupChecks.Check(SystemFacts.Read(mountTracefs: true));
        foreach (var warning in report.Warnings)
        {
            Log("agent: warning: " + warning);
        }

        foreach (var problem in report.Errors)
        {
            Log("agent: " + problem);
        }

        if (!report.CanRun)
        {
            return 2;
        }

        ServiceMapping mapping;
        try
        {
            mapping = mappingFile is null ? ServiceMapping.Empty : ServiceMapping.Parse(await File.ReadAllTextAsync(mappingFile.FullName, cancellationToken).ConfigureAwait(false), mappingFile.FullName);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            Log("agent: " + e.Message);
            return 2;
        }

        if (server is null && !toStdout && !checkOnly)
        {
            Log("agent: nothing to send batches to: give --server URL (rootcause serve) or --stdout");
            return 2;
        }

        var queue = new BatchQueue(capacity: 360);
        var options = new AgentOptions("rootcause-agent@" + node, node, interval, TimeSpan.FromMilliseconds(50), Environment.ProcessId);
        var own = new OwnEndpoints();
        var processor = new EventProcessor(node, new ServiceResolver(node, mapping, NoPods.Instance), new ProcFsProcessSource(), own);
        using var engine = new AgentEngine(options, processor, TimeProvider.System, batch =>
        {
            if (toStdout)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(batch, BundleJson.Options));
            }

            if (server is not null)
            {
                queue.Add(batch);
            }
        }, Log);

        try
        {
            engine.Start();
        }
        catch (BpfLoadException e)
        {
            Log("agent: " + e.Message);
            if (e.LibBpfLog.Length > 0)
            {
                Log(e.LibBpfLog.TrimEnd());
            }

            return 3;
        }

        Log($"agent: {engine.Programs.Count} programs attached on node {node}; interval {interval.TotalSeconds:F0}s" +
            (server is null ? string.Empty : $"; shipping to {server}"));
        if (checkOnly)
        {
            return 0;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } seconds)
        {
            stop.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        using var handler = new SocketsHttpHandler { ConnectCallback = (context, token) => OwnConnection.ConnectAsync(context, own, token) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var shipping = server is null
            ? Task.CompletedTask
            : new HttpBatchShipper(http, server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/"), queue, Log).RunAsync(stop.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        queue.Complete();
        try
        {
            await shipping.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Log($"agent: stopped | {engine.Counters} | {engine.KernelCounters} | batches dropped={queue.Dropped}");
        return 0;
    }
}
