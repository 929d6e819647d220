using System.CommandLine;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Simulation;

namespace RootCause.Server.Cli;

/// <summary>`rootcause simulate`: generates an incident, writes it as a bundle and/or replays it to a server.</summary>
internal static class SimulateCommand
{
    /// <summary>Largest POST body: under the server's default 1 MiB request limit.</summary>
    private const int MaxPostBytes = 900_000;

    public static Command Create()
    {
        var services = new Option<int>("--services") { Description = "Number of services (at least 5)", DefaultValueFactory = _ => 20 };
        var instances = new Option<int>("--instances") { Description = "Instances per service", DefaultValueFactory = _ => 3 };
        var nodes = new Option<int>("--nodes") { Description = "Number of nodes", DefaultValueFactory = _ => 8 };
        var fault = new Option<string>("--fault") { Description = "Fault class: " + string.Join(", ", FaultClasses.All), DefaultValueFactory = _ => FaultClasses.SlowDatabase };
        var target = new Option<string?>("--target") { Description = "Service, instance, node or \"srcInstance -> dstInstance\"; default: picked by seed" };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same incident", DefaultValueFactory = _ => 7 };
        var intensity = new Option<double>("--intensity") { Description = "Fault strength (1 = clear incident)", DefaultValueFactory = _ => 1.0 };
        var output = new Option<string?>("--out") { Description = "Bundle path (.json or .json.gz); default incident-<fault>-<seed>.json.gz unless --server is given" };
        var server = new Option<string?>("--server") { Description = "RootCause server URL: post the batches, then the Alertmanager webhook" };
        var command = new Command("simulate", "Simulate a microservice incident and write it as a bundle or send it to a server")
        {
            services, instances, nodes, fault, target, seed, intensity, output, server,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var faultId = parseResult.GetValue(fault);
            if (!FaultClasses.TryParse(faultId, out var kind))
            {
                await Console.Error.WriteLineAsync($"unknown fault \"{faultId}\"; expected one of {string.Join(", ", FaultClasses.All)}").ConfigureAwait(false);
                return 1;
            }

            var options = new ScenarioOptions
            {
                Services = parseResult.GetValue(services),
                InstancesPerService = parseResult.GetValue(instances),
                Nodes = parseResult.GetValue(nodes),
                Fault = kind,
                Target = parseResult.GetValue(target),
                Seed = parseResult.GetValue(seed),
                Intensity = parseResult.GetValue(intensity),
            };
            return await RunAsync(options, parseResult.GetValue(output), parseResult.GetValue(server), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(ScenarioOptions options, string? output, string? server, CancellationToken cancellationToken)
    {
        ScenarioResult result;
        try
        {
            result = Scenario.Create(options);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        var fault = result.Fault!;
        Console.WriteLine($"fault:   {fault.FaultClass} at {fault.Target} from {Time(fault.Onset)} for {fault.Duration.TotalMinutes:0} min");
        Console.WriteLine($"system:  {options.Services} services, {result.Topology.Instances.Count} instances, {options.Nodes} nodes, {result.Batches.Count} batches");
        if (result.Symptom is not { } symptom)
        {
            await Console.Error.WriteLineAsync($"no alert: {result.EntryService} stayed under its thresholds (p99 {result.Thresholds.LatencyP99Seconds * 1000:0} ms, errors {result.Thresholds.ErrorRate:P1}); try another --target or a higher --intensity").ConfigureAwait(false);
            return 2;
        }

        Console.WriteLine($"symptom: {symptom.Service} {symptom.Kpi} ({symptom.AlertName}) at {Time(symptom.At)}");
        output ??= server is null ? string.Create(CultureInfo.InvariantCulture, $"incident-{fault.FaultClass}-{options.Seed}.json.gz") : null;
        if (output is not null)
        {
            try
            {
                BundleWriter.Write(result.ToBundle(), output);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"cannot write {output}: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            Console.WriteLine($"bundle:  {Path.GetFullPath(output)}");
        }

        return server is null ? 0 : await SendAsync(result, server, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> SendAsync(ScenarioResult result, string server, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"--server must be an http(s) URL, was \"{server}\"").ConfigureAwait(false);
            return 1;
        }

        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            var stored = await HostProbe.BatchCountAsync(http, cancellationToken).ConfigureAwait(false);
            var posts = 0;
            foreach (var chunk in Chunks(result.Batches))
            {
                posts++;
                using var body = new ByteArrayContent(chunk);
                body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("api/v1/batches", body, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                    await Console.Error.WriteLineAsync($"POST api/v1/batches: {(int)response.StatusCode} {text}").ConfigureAwait(false);
                    return 1;
                }
            }

            Console.WriteLine($"sent:    {result.Batches.Count} batches in {posts} posts to {new Uri(baseUri, "api/v1/batches")}");

            // Intake goes through the bus; the alert must not overtake the data it is about.
            await HostProbe.WaitForBatchesAsync(http, stored + result.Batches.Count, cancellationToken).ConfigureAwait(false);
            using var alert = new StringContent(result.Webhook!.ToJson(), Encoding.UTF8, "application/json");
            using var answer = await http.PostAsync("api/v1/alerts/alertmanager", alert, cancellationToken).ConfigureAwait(false);
            var reply = await answer.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"alert:   {(int)answer.StatusCode} {answer.ReasonPhrase}");
            Console.WriteLine(reply);
            return answer.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"cannot reach {baseUri}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (TimeoutException e)
        {
            await Console.Error.WriteLineAsync($"{baseUri}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"{baseUri} did not answer in time").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>JSON arrays of whole batches, each body below <see cref="MaxPostBytes"/> unless one batch alone exceeds it.</summary>
    private static IEnumerable<byte[]> Chunks(IReadOnlyList<MetricBatch> batches)
    {
        using var body = new MemoryStream();
        foreach (var batch in batches)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(batch, WireJson.Options);
            if (body.Length > 0 && body.Length + json.Length + 2 > MaxPostBytes)
            {
                body.WriteByte((byte)']');
                yield return body.ToArray();
                body.SetLength(0);
            }

            body.WriteByte(body.Length == 0 ? (byte)'[' : (byte)',');
            body.Write(json);
        }

        if (body.Length > 0)
        {
            body.WriteByte((byte)']');
            yield return body.ToArray();
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
