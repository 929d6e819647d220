using System.Globalization;
using RootCause.Analysis;
using RootCause.Bundles;
using RootCause.Contracts;
using RootCause.Evaluation.PetShop.Scoring;
using RootCause.Evaluation.Scoring;
using RootCause.Topology;

namespace RootCause.Evaluation.PetShop;

/// <summary>
/// Runs the PetShop protocol against a <see cref="RootCauseAnalyzer"/>: one analysis per issue (train and test,
/// all four scenarios) and analyses at regular times over the normal data for specificity.
/// </summary>
/// <param name="analyzer">The analyzer under test.</param>
/// <param name="settings">Protocol settings.</param>
/// <param name="log">Progress lines, if wanted.</param>
/// <param name="bundles">Receives every issue as the incident bundle the analyzer was given (e.g. to write it out).</param>
public sealed class PetShopEvaluator(RootCauseAnalyzer analyzer, PetShopEvaluationSettings settings, Action<string>? log = null, Action<string, IncidentBundle>? bundles = null)
{
    private const long Step = PetShopMapping.StepSeconds;

    /// <summary>PetShop names the culprit component, not the kind of fault.</summary>
    private const string UnknownFaultClass = "unknown";

    public PetShopEvaluationResult Run(PetShopDataset dataset, CancellationToken cancellationToken = default)
    {
        var issues = new List<IssueOutcome>();
        var checks = new List<SpecificityCheck>();
        foreach (var scenario in dataset.Scenarios)
        {
            var declared = PetShopMapping.Topology(scenario.Graph);
            var normal = scenario.Normal ?? Borrowed(dataset, scenario);
            foreach (var issue in scenario.Issues)
            {
                cancellationToken.ThrowIfCancellationRequested();
                log?.Invoke($"analysing {issue.Id}");
                issues.Add(AnalyzeIssue(scenario, declared, normal, issue));
            }

            if (scenario.Normal is not null)
            {
                checks.AddRange(CheckSpecificity(scenario, declared, scenario.Normal, cancellationToken));
            }
        }

        return new PetShopEvaluationResult(dataset.Root, analyzer.Options, settings, issues, checks);
    }

    private MetricTable? Borrowed(PetShopDataset dataset, PetShopScenario scenario) =>
        settings.TemporalNormalFrom is { } from && scenario.Name.StartsWith("temporal", StringComparison.Ordinal)
            ? dataset.Scenarios.FirstOrDefault(s => s.Name == from)?.Normal
            : null;

    /// <summary>
    /// The issue's rows are aligned to 300 s boundaries; the last normal rows are moved in time to end right
    /// before the issue's first row, so the analyzer sees one timeline: baseline from normal operation, then
    /// the issue.
    /// </summary>
    internal IssueOutcome AnalyzeIssue(PetShopScenario scenario, TopologyGraph declared, MetricTable? normal, PetShopIssue issue)
    {
        var options = analyzer.Options;
        var shift = PetShopMapping.AlignmentShift(issue.Metrics);
        var symptom = PetShopMapping.Symptom(issue.Target, shift);
        var window = AnalysisWindow.For(symptom, options);
        var batches = new List<MetricBatch>();
        if (normal is not null && normal.RowCount > 0 && issue.Metrics.RowCount > 0)
        {
            var needed = (int)Math.Min(normal.RowCount, Math.Ceiling((options.Baseline + options.Lookback + options.After).TotalSeconds / Step) + 2);
            var slice = normal.Slice(normal.RowCount - needed, needed);
            var firstIssueRow = issue.Metrics.Timestamps[0] + shift;
            batches.AddRange(PetShopMapping.Batches(slice, firstIssueRow - Step - slice.Timestamps[^1]));
        }

        batches.AddRange(PetShopMapping.Batches(issue.Metrics, shift));
        var truth = PetShopMapping.ResolveComponent(scenario.Graph, issue.Target.RootCauseNode);

        // Every issue becomes an incident bundle; the analyzer reads the bundle, the truth stays beside it.
        var bundle = IncidentBundle.Create(
            $"PetShop {issue.Id}: {issue.Target.Node} {issue.Target.Metric} ({issue.Target.Statistic}); baseline spliced from normal data",
            BundleTopology.From(declared),
            InWindow(scenario.Graph, batches, window),
            symptom,
            new GroundTruth(EntityKind.Service, truth ?? issue.Target.RootCauseNode, UnknownFaultClass));
        bundles?.Invoke(issue.Id, bundle);
        var (report, graph, error) = Analyze(bundle.ToSnapshot(), symptom);
        return new IssueOutcome(
            issue.Scenario,
            issue.Split,
            issue.Name,
            issue.Target.Node,
            issue.Target.Metric,
            issue.Target.RootCauseNode,
            truth,
            report is null ? [] : RankedServices.Services(report, graph),
            report?.Outcome,
            report is null ? [] : report.RootCauses.OrderBy(c => c.Rank).Take(3).Select(Describe).ToArray(),
            error);
    }

    /// <summary>Analyses every <see cref="PetShopEvaluationSettings.SpecificityEvery"/> over normal data, once a full baseline is behind.</summary>
    internal IEnumerable<SpecificityCheck> CheckSpecificity(PetShopScenario scenario, TopologyGraph declared, MetricTable normal, CancellationToken cancellationToken)
    {
        if (normal.RowCount == 0)
        {
            yield break;
        }

        var options = analyzer.Options;
        var shift = PetShopMapping.AlignmentShift(normal);
        var batches = PetShopMapping.Batches(normal, shift);
        var first = DateTimeOffset.FromUnixTimeSeconds(normal.Timestamps[0] + shift);
        var end = DateTimeOffset.FromUnixTimeSeconds(normal.Timestamps[^1] + shift + Step);
        var targets = scenario.Issues.Select(i => i.Target).DistinctBy(t => (t.Node, t.Metric, t.Statistic)).OrderBy(t => t.Node, StringComparer.Ordinal).ThenBy(t => t.Metric, StringComparer.Ordinal);
        foreach (var target in targets)
        {
            // Alerts land inside an interval; put them mid-interval, as in the issues.
            for (var at = first + options.Baseline + options.Lookback + TimeSpan.FromSeconds(Step / 2); at + options.After <= end; at += settings.SpecificityEvery)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var symptom = PetShopMapping.Symptom(target with { Timestamp = at.ToUnixTimeSeconds() }, 0);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture, $"normal data {scenario.Name} {target.Metric} at {at:u}"));
                var (report, _, error) = Analyze(Snapshot(declared, InWindow(scenario.Graph, batches, AnalysisWindow.For(symptom, options))), symptom);
                yield return new SpecificityCheck(scenario.Name, target.Node, target.Metric, at, report?.Outcome, report?.RootCauses.Count ?? 0, error);
            }
        }
    }

    /// <summary>
    /// The batches of the window. Components that are not in this scenario's graph (normal data borrowed from
    /// another scenario) are left out.
    /// </summary>
    private static MetricBatch[] InWindow(PetShopGraph graph, IReadOnlyList<MetricBatch> batches, TimeWindow window) =>
        batches.Where(b => window.Contains(b.IntervalStart) && graph.Contains(b.Golden.Count > 0 ? b.Golden[0].Service : b.Instances[0].Service)).ToArray();

    /// <summary>Like the store's snapshot: declared topology plus what the batches show.</summary>
    private static TelemetrySnapshot Snapshot(TopologyGraph declared, MetricBatch[] batches)
    {
        var builder = new TopologyBuilder().Add(declared);
        foreach (var b in batches)
        {
            builder.Add(b);
        }

        return new TelemetrySnapshot(builder.Build(), batches);
    }

    private (RootCauseReport? Report, TopologyGraph Graph, string? Error) Analyze(TelemetrySnapshot snapshot, Symptom symptom)
    {
        try
        {
            return (analyzer.Analyze(Guid.NewGuid(), symptom, snapshot), snapshot.Graph, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failing analysis is a result to report, not a reason to lose the other 67.
            return (null, snapshot.Graph, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string Describe(RankedCause cause) =>
        string.Create(CultureInfo.InvariantCulture, $"{cause.Entity} [{cause.FaultClass}] {cause.Score:0.00}");
}
