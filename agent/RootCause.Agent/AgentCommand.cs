using System.CommandLine;
using System.Text.Json;
using RootCause.Agent.Connections;
using RootCause.Agent.Events;
using RootCause.Agent.Identity;
using RootCause.Agent.Loading;
using RootCause.Agent.Pipeline;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using RootCause.Agent.Telemetry;
using RootCause.Contracts;

namespace RootCause.Agent;

/// <summary>`rootcause-agent`: checks the machine, loads the probes, and ships one MetricBatch per interval.</summary>
internal static class AgentCommand
{
    public static RootCommand Create()
    {
        var server = new Option<string?>("--server") { Description = "URL of `rootcause serve`; batches go to <URL>/api/v1/batches" };
        var interval = new Option<double>("--interval") { Description = "Interval length in seconds; intervals are aligned to wall-clock multiples of it (the partial first one is not sent)", DefaultValueFactory = _ => 10 };
        var node = new Option<string?>("--node") { Description = "Node name (default: the host name)" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Service mapping file: lines \"<service> comm=|cmdline=|cgroup=<value> [kind=service|database|cache|queue|external]\"" };
        var stdout = new Option<bool>("--stdout") { Description = "Also write each batch as one JSON line to standard output" };
        var check = new Option<bool>("--check") { Description = "Run the startup checks, load and attach the probes, then exit" };
        var duration = new Option<double?>("--duration") { Description = "Stop after this many seconds (default: until SIGINT/SIGTERM)" };
        var kubelet = new Option<bool>("--kubelet") { Description = "Name pods from the kubelet's pod list (https://<node>:10250/pods); off by default" };
        var kubeApi = new Option<string?>("--kube-api") { Description = "Name pods from the API server's pod list of this node (e.g. https://kubernetes.default.svc)" };
        var kubeToken = new Option<string?>("--kube-token") { Description = "Bearer token file for the pod list (default: the service account's, when present)" };
        var kubeCa = new Option<string?>("--kube-ca") { Description = "CA certificate (PEM) that signs the kubelet's or API server's certificate (default: the service account's, when present)" };
        var kubeRefresh = new Option<double>("--kube-refresh") { Description = "Seconds between pod list refreshes", DefaultValueFactory = _ => 30 };
        var otlp = new Option<Uri?>("--otlp-endpoint") { Description = "Export the agent's own metrics (records, parse failures, lost events, queue depth…) over OTLP to this collector" };

        var command = new RootCommand("RootCause eBPF agent: golden metrics and network-edge metrics of every TCP service on this node")
        {
            server, interval, node, mapping, stdout, check, duration, kubelet, kubeApi, kubeToken, kubeCa, kubeRefresh, otlp,
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

            Uri? podsUri = null;
            if (parse.GetValue(kubeApi) is { } api)
            {
                if (!Uri.TryCreate(api, UriKind.Absolute, out var apiUri) || apiUri.Scheme is not ("http" or "https"))
                {
                    await Console.Error.WriteLineAsync($"agent: --kube-api must be an http(s) URL, got \"{api}\"").ConfigureAwait(false);
                    return 2;
                }

                podsUri = HttpPodListSource.ApiServerUri(apiUri, nodeName);
            }
            else if (parse.GetValue(kubelet))
            {
                podsUri = HttpPodListSource.KubeletUri(nodeName);
            }

            // Files the operator names must exist; the service account's are used only when mounted.
            foreach (var given in new[] { parse.GetValue(kubeToken), parse.GetValue(kubeCa) })
            {
                if (podsUri is not null && given is not null && !File.Exists(given))
                {
                    await Console.Error.WriteLineAsync($"agent: {given} does not exist").ConfigureAwait(false);
                    return 2;
                }
            }

            var kubernetes = podsUri is null
                ? null
                : new KubernetesOptions(
                    podsUri,
                    parse.GetValue(kubeToken) ?? ExistingFile(ServiceAccountToken),
                    parse.GetValue(kubeCa) ?? ExistingFile(ServiceAccountCa),
                    TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(kubeRefresh))));
            return await RunAsync(
                serverUri, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(interval))), nodeName, parse.GetValue(mapping),
                parse.GetValue(stdout), parse.GetValue(check), parse.GetValue(duration), kubernetes, parse.GetValue(otlp), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private const string ServiceAccountToken = "/var/run/secrets/kubernetes.io/serviceaccount/token";
    private const string ServiceAccountCa = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt";

    private static string? ExistingFile(string? path) => path is not null && File.Exists(path) ? path : null;

    private static async Task<int> RunAsync(
        Uri? server, TimeSpan interval, string node, FileInfo? mappingFile, bool toStdout, bool checkOnly, double? duration, KubernetesOptions? kubernetes,
        Uri? otlpEndpoint, CancellationToken cancellationToken)
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
        using var podSource = kubernetes is null ? null : CreatePodSource(kubernetes, Log);
        if (kubernetes is not null && podSource is null)
        {
            return 2;
        }

        var pods = podSource is null ? null : new PodDirectory(podSource);
        var processor = new EventProcessor(node, new ServiceResolver(node, mapping, (IPodDirectory?)pods ?? NoPods.Instance), new ProcFsProcessSource(), own, DropReasonNames.Load());
        using var engine = new AgentEngine(options, processor, TimeProvider.System, batch =>
        {
            if (toStdout)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(batch, WireJson.Options));
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

        using var metrics = new AgentMetrics(processor.Counters, () => engine.KernelCounters, () => queue.Depth, () => queue.Dropped);
        using var meterProvider = otlpEndpoint is null
            ? null
            : Sdk.CreateMeterProviderBuilder().AddMeter(AgentMetrics.MeterName).AddOtlpExporter(o => o.Endpoint = otlpEndpoint).Build();
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

        var podRefresh = pods is null ? Task.CompletedTask : pods.RunAsync(kubernetes!.Refresh, TimeProvider.System, Log, stop.Token);
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
            await podRefresh.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        Log($"agent: stopped | {engine.Counters} | {engine.KernelCounters} | batches dropped={queue.Dropped}");
        return 0;
    }

    private static HttpPodListSource? CreatePodSource(KubernetesOptions kubernetes, Action<string> log)
    {
        try
        {
            var source = new HttpPodListSource(kubernetes.PodsUri, kubernetes.TokenFile, kubernetes.CaFile);
            log($"agent: Kubernetes pod list from {kubernetes.PodsUri} every {kubernetes.Refresh.TotalSeconds:F0}s" +
                (kubernetes.TokenFile is null ? "; no token file" : string.Empty) + (kubernetes.CaFile is null ? "; system CAs" : string.Empty));
            return source;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            log($"agent: cannot read the Kubernetes CA file {kubernetes.CaFile}: {e.Message}");
            return null;
        }
    }
}
