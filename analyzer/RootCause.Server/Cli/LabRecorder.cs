using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Lab;
using RootCause.Server.Telemetry;

namespace RootCause.Server.Cli;

/// <summary>
/// `rootcause lab record`: keeps each scenario as an incident bundle — what the service held over the
/// analysed window, the alert, and the injected fault as ground truth — so that the analyzer can be improved
/// offline on real lab data.
/// </summary>
internal sealed class LabRecorder(string directory)
{
    private int count;

    public async Task RecordAsync(LabHost host, LabFault fault, RootCauseReport report, CancellationToken cancellationToken)
    {
        var telemetry = host.Services.GetRequiredService<ITelemetryStore>();
        var snapshot = await telemetry.SnapshotAsync(report.Window, cancellationToken).ConfigureAwait(false);
        var batches = snapshot.Intervals.SelectMany(i => i.Batches).ToArray();
        var truth = new GroundTruth(
            fault.Expected.IsLink ? EntityKind.NetworkEdge : EntityKind.Service,
            fault.Expected.IsLink
                ? snapshot.Graph.NetworkEdgesBetween(fault.Expected.LinkSource!, fault.Expected.Service).FirstOrDefault()?.Name ?? fault.ExpectedEntityName
                : fault.Expected.Service,
            fault.ExpectedClass,
            fault.AppliedAt);
        var bundle = IncidentBundle.Create(
            $"RootCause lab: {fault.Description}; recorded by `rootcause lab record`",
            BundleTopology.From(snapshot.Graph),
            batches,
            report.Symptom,
            truth);
        Directory.CreateDirectory(directory);
        count++;
        var name = $"{count.ToString("00", CultureInfo.InvariantCulture)}-{fault.Name}-{Slug(fault.Target)}.json.gz";
        BundleWriter.Write(bundle, Path.Combine(directory, name));
    }

    private static string Slug(string target) =>
        string.Concat(target.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Replace("---", "-to-", StringComparison.Ordinal).Trim('-');
}
