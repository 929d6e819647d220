using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RootCause.Lab;
using RootCause.Lab.Runs;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause lab run | record | cleanup`: real incidents end to end — a small shop in network namespaces,
/// the eBPF agent, real faults, the real Prometheus → Alertmanager → RootCause alert chain — scored.
/// </summary>
internal static class LabCommand
{
    /// <summary>Exit code when the scores are below the asked minimums.</summary>
    public const int BelowMinimum = 3;

    /// <summary>Exit code when a scenario ended without an answer (its alert never fired, its report never came, its fault would not apply).</summary>
    public const int Unanswered = 4;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create() => new("lab", "The live incident lab (root): a shop in network namespaces, real faults, the real alert chain")
    {
        RunCommand("run", "Inject every fault class in turn and score RootCause's reports", record: false),
        RunCommand("record", "Like run, and keep each scenario as an incident bundle", record: true),
        CleanupCommand(),
    };

    private static Command RunCommand(string name, string description, bool record)
    {
        var faults = new Option<string[]>("--fault") { Description = "A fault to inject (repeatable; default: every one): " + string.Join(", ", LabFaultCatalog.All.Select(f => f.Name)), AllowMultipleArgumentsPerToken = false };
        var repeat = new Option<int>("--repeat") { Description = "Run every fault this many times, on a different target each time", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (scenarios, ac1, ac3, classAccuracy) on stdout" };
        var minAc1 = new Option<double>("--min-ac1") { Description = "Exit 3 when AC@1 is below this" };
        var minAc3 = new Option<double>("--min-ac3") { Description = "Exit 3 when AC@3 is below this" };
        var minClass = new Option<double>("--min-class") { Description = "Exit 3 when the fault-class accuracy is below this" };
        var output = new Option<DirectoryInfo>("--out") { Description = "Where to write the incident bundles", Required = record };
        var command = new Command(name, description) { faults, repeat, json, minAc1, minAc3, minClass };
        if (record)
        {
            command.Add(output);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var names = parse.GetValue(faults) ?? [];
            if (names.FirstOrDefault(n => LabFaultCatalog.All.All(f => f.Name != n)) is { } unknown)
            {
                await Console.Error.WriteLineAsync($"rootcause lab: unknown fault \"{unknown}\"; faults: {string.Join(", ", LabFaultCatalog.All.Select(f => f.Name))}").ConfigureAwait(false);
                return 2;
            }

            if (parse.GetValue(repeat) < 1)
            {
                await Console.Error.WriteLineAsync("rootcause lab: --repeat must be at least 1").ConfigureAwait(false);
                return 2;
            }

            if (LabPreconditions.Problem() is { } problem)
            {
                await Console.Error.WriteLineAsync($"rootcause lab: {problem}").ConfigureAwait(false);
                return 2;
            }

            var recorder = record ? new LabRecorder(parse.GetValue(output)!.FullName) : null;
            var session = new LabSession(new Progress<string>(line => Console.Error.WriteLine($"[lab] {line}")))
            {
                OnReport = recorder is null ? null : recorder.RecordAsync,
            };
            LabRunResult result;
            try
            {
                result = await session.RunAsync(LabScenario.Plan(names, parse.GetValue(repeat)), cancellationToken).ConfigureAwait(false);
            }
            catch (LabException e)
            {
                await Console.Error.WriteLineAsync($"rootcause lab: {e.Message}").ConfigureAwait(false);
                return 1;
            }

            await Console.Out.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(result, Indented) : Table(result)).ConfigureAwait(false);
            if (session.TeardownProblems.Count > 0)
            {
                return 1;
            }

            if (result.Scenarios.FirstOrDefault(r => r.Error is not null) is { } unanswered)
            {
                await Console.Error.WriteLineAsync($"rootcause lab: {unanswered.Fault} on {unanswered.Target}: {unanswered.Error}").ConfigureAwait(false);
                return Unanswered;
            }

            return result.Ac1 < parse.GetValue(minAc1) || result.Ac3 < parse.GetValue(minAc3) || result.ClassAccuracy < parse.GetValue(minClass) ? BelowMinimum : 0;
        });
        return command;
    }

    private static Command CleanupCommand()
    {
        var command = new Command("cleanup", "Remove everything an interrupted lab run left (namespaces, links, nftables tables, qdiscs, cgroups, processes)");
        command.SetAction(async (_, cancellationToken) =>
        {
            var report = await LabCleanup.RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync(report.ToString()).ConfigureAwait(false);
            return report.IsClean ? 0 : 1;
        });
        return command;
    }

    /// <summary>The result as a reader scans it: one line per scenario, the scores last.</summary>
    public static string Table(LabRunResult result)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"fault",-16} {"target",-22} {"rank",4}  {"class (expected)",-40} {"fault→alert",11} {"alert→report",12}");
        foreach (var s in result.Scenarios)
        {
            var rank = s.Rank?.ToString(CultureInfo.InvariantCulture) ?? "-";
            var found = $"{s.FaultClass ?? "-"} ({s.ExpectedClass})";
            text.AppendLine(CultureInfo.InvariantCulture, $"{s.Fault,-16} {s.Target,-22} {rank,4}  {found,-40} {Seconds(s.SecondsFaultToAlert),11} {Seconds(s.SecondsAlertToReport),12}");
            if (s.Error is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {s.Error}");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"AC@1 {result.Ac1:0.00}  AC@3 {result.Ac3:0.00}  class accuracy {result.ClassAccuracy:0.00}  ({result.Scenarios.Count} scenarios)");
        return text.ToString();
    }

    private static string Seconds(double? seconds) => seconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"{s:0.0} s") : "-";
}
