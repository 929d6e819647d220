using System.Globalization;
using RootCause.Analysis;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Evaluation.Scoring;
using RootCause.Topology;

namespace RootCause.Evaluation.Nezha;

/// <summary>
/// Runs the Nezha protocol: one analysis per injected fault, the alert on the entry service's latency at the
/// injection time, with the <see cref="NezhaEvaluationSettings.History"/> before it and the incident window cut
/// before the next injection; and beside it the trivial rule (<see cref="LargestDeviationRule"/>) on the same fault.
/// </summary>
/// <param name="analyzer">The analyzer under test.</param>
/// <param name="settings">Protocol settings.</param>
/// <param name="log">Progress lines, if wanted.</param>
/// <param name="bundles">Receives every fault as the incident bundle the analyzer was given (e.g. to write it out).</param>
public sealed class NezhaEvaluator(RootCauseAnalyzer analyzer, NezhaEvaluationSettings settings, Action<string>? log = null, Action<string, IncidentBundle>? bundles = null)
{
    private static readonly TimeSpan Step = NezhaTime.Step;

    public NezhaEvaluationResult Run(NezhaDataset dataset, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<NezhaFaultOutcome>();
        foreach (var day in dataset.Days)
        {
            var declared = BundleTopology.From(NezhaMapping.Topology(day));
            var batches = NezhaMapping.Batches(day);
            for (var i = 0; i < day.Faults.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var fault = day.Faults[i];
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"analysing {day.System.Code} {fault.At:yyyy-MM-dd HH:mm:ss} {fault.Type} on {fault.Pod}"));
                outcomes.Add(AnalyzeFault(day, declared, batches, fault, i + 1 < day.Faults.Count ? day.Faults[i + 1].At : null));
            }
        }

        return new NezhaEvaluationResult(dataset.Root, analyzer.Options, settings, outcomes);
    }

    /// <summary>
    /// The analysis gets the intervals from <see cref="NezhaEvaluationSettings.History"/> before the injection's
    /// minute to <see cref="AnalyzerOptions.After"/> after it, none at or after the next injection's minute.
    /// </summary>
    /// <param name="next">When the next fault of the day was injected, if any.</param>
    internal NezhaFaultOutcome AnalyzeFault(NezhaDay day, BundleTopology declared, IReadOnlyList<MetricBatch> batches, NezhaFault fault, DateTimeOffset? next)
    {
        var injection = NezhaTime.FloorToMinute(fault.At);
        var start = injection - settings.History;
        var end = Cut(injection + analyzer.Options.After + Step, next);
        var selected = batches.Where(b => b.IntervalStart >= start && b.IntervalStart < end).ToArray();
        var history = selected.Where(b => b.IntervalStart < injection).Select(b => b.IntervalStart).Distinct().Count();
        var symptom = NezhaMapping.Symptom(day, fault);
        var id = string.Create(CultureInfo.InvariantCulture, $"{day.Name}-{fault.At:HHmmss}-{fault.Service}");

        // Every fault becomes an incident bundle; the analyzer reads the bundle, the truth stays beside it.
        var bundle = IncidentBundle.Create(
            string.Create(CultureInfo.InvariantCulture, $"Nezha {day.System.Code} {day.Name}: {fault.Type} injected into {fault.Pod} at {fault.At:HH:mm:ss} UTC; alert on {day.System.EntryService} latency at the injection time"),
            declared,
            selected,
            symptom,
            new GroundTruth(EntityKind.Service, fault.Service, NezhaMapping.FaultClassOf(fault.Type), fault.At));
        bundles?.Invoke(id, bundle);
        var (report, graph, error) = Analyze(bundle.ToSnapshot(), symptom);
        return new NezhaFaultOutcome(
            day.System.Code,
            day.Name,
            fault,
            history,
            report is null ? [] : RankedServices.Services(report, graph),
            report?.Outcome,
            report is null ? [] : [.. report.RootCauses.OrderBy(c => c.Rank).Take(3).Select(Describe)],
            error,
            Trivial(day, fault, next));
    }

    /// <summary>The trivial rule over every pod's own series: the same history, a window of <see cref="NezhaEvaluationSettings.TrivialWindow"/> from the injection's minute.</summary>
    internal IReadOnlyList<ServiceDeviation> Trivial(NezhaDay day, NezhaFault fault, DateTimeOffset? next)
    {
        var injection = NezhaTime.FloorToMinute(fault.At);
        var start = injection - settings.History;
        var end = Cut(injection + settings.TrivialWindow, next);
        var series = new List<(string, string, IReadOnlyList<double>, IReadOnlyList<double>)>();
        foreach (var pod in day.Pods)
        {
            var table = pod.Table;
            var past = Enumerable.Range(0, table.RowCount).Where(r => table.Minutes[r] >= start && table.Minutes[r] < injection).ToArray();
            var window = Enumerable.Range(0, table.RowCount).Where(r => table.Minutes[r] >= injection && table.Minutes[r] < end).ToArray();
            foreach (var column in PodMetricColumns.PodSeries)
            {
                series.Add((pod.Service, $"{pod.Pod} {column}", past.Select(r => table.Value(r, column)).ToArray(), window.Select(r => table.Value(r, column)).ToArray()));
            }
        }

        return LargestDeviationRule.Rank(series);
    }

    /// <summary>An interval end no later than the next injection's minute: a row of that minute may already show the next fault.</summary>
    private static DateTimeOffset Cut(DateTimeOffset end, DateTimeOffset? next) =>
        next is { } n && NezhaTime.FloorToMinute(n) < end ? NezhaTime.FloorToMinute(n) : end;

    private (RootCauseReport? Report, TopologyGraph Graph, string? Error) Analyze(TelemetrySnapshot snapshot, Symptom symptom)
    {
        try
        {
            return (analyzer.Analyze(Guid.NewGuid(), symptom, snapshot), snapshot.Graph, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failing analysis is a result to report, not a reason to lose the other 51.
            return (null, snapshot.Graph, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string Describe(RankedCause cause) =>
        string.Create(CultureInfo.InvariantCulture, $"{cause.Entity} [{cause.FaultClass}] {cause.Score:0.00}");
}
