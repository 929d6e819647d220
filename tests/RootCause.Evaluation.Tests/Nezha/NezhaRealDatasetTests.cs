using RootCause.Analysis;
using RootCause.Contracts;
using RootCause.Evaluation.Nezha;

namespace RootCause.Evaluation.Tests.Nezha;

/// <summary>Reads the real Nezha copy at ../shared/datasets/nezha relative to the repository root and runs the protocol over it.</summary>
public sealed class NezhaRealDatasetTests
{
    [Fact]
    public void Both_days_read_with_24_ob_and_28_tt_faults_on_pods_that_have_metrics()
    {
        if (NezhaDatasetLocator.FindOrFailInCi() is not { } path)
        {
            return;
        }

        var dataset = NezhaDataset.Load(path);

        var ob = dataset.Days.Single(d => d.System == NezhaSystem.OnlineBoutique);
        var tt = dataset.Days.Single(d => d.System == NezhaSystem.TrainTicket);
        Assert.Equal(("2022-08-22", 24, 10), (ob.Name, ob.Faults.Count, ob.Pods.Count));
        Assert.Equal(("2023-01-29", 28, 46), (tt.Name, tt.Faults.Count, tt.Pods.Count));
        Assert.Equal(new DateTimeOffset(2022, 8, 22, 7, 9, 43, TimeSpan.Zero), ob.Faults.Single(f => f.InjectTime == "2022-08-22 07:10:43").At);
        Assert.All(tt.Faults, f => Assert.Equal(f.InjectTime, f.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(24, tt.Faults.Count(f => Math.Abs(f.InjectTimestamp - f.At.ToUnixTimeSeconds()) > 7 * 3600));
        Assert.Equal(["cpu_consumed", "cpu_contention", "exception", "network_delay", "return"], ob.Faults.Select(f => f.Type).Distinct().Order());
        Assert.Equal(14, ob.EdgeLatency!.Edges.Count);
        Assert.Contains(tt.Graph.Calls, c => c.Caller == "ts-ui-dashboard" && c.Callee == "ts-gateway-service");
    }

    [Fact]
    public void The_facts_the_mapping_rests_on_hold_in_every_row()
    {
        if (NezhaDatasetLocator.FindOrFailInCi() is not { } path)
        {
            return;
        }

        var dataset = NezhaDataset.Load(path);

        foreach (var day in dataset.Days)
        {
            // front_service.csv is the entry pod's own latency (p90-p99 equal in every row) plus p50.
            var entry = day.Pods.Single(p => p.Service == day.System.EntryService);
            Assert.Equal(entry.Table.Minutes, day.Front.Minutes);
            for (var r = 0; r < entry.Table.RowCount; r++)
            {
                Assert.True(!double.IsNaN(NezhaMapping.Entry(day, entry.Table, r).MedianSeconds), $"{day.Name} row {entry.Table.Lines[r]}");
            }

            // PodSuccessRate(%) is 0 throughout: the mapping must not read it.
            Assert.All(day.Pods, p => Assert.All(Enumerable.Range(0, p.Table.RowCount), r => Assert.Equal(0, p.Table.Value(r, PodMetricColumns.SuccessRate))));
            Assert.All(NezhaMapping.Batches(day), b => Assert.Null(MetricBatchValidator.Problem(b)));
        }

        // OB's dependency.csv hosts: services on one address share their node series in every row.
        var ob = dataset.Days.Single(d => d.System == NezhaSystem.OnlineBoutique);
        Assert.Equal("33.33.33.227", ob.Graph.Hosts["checkoutservice"]);
        Assert.Equal("33.33.33.227", ob.Graph.Hosts["currencyservice"]);
        var checkout = ob.Pods.Single(p => p.Service == "checkoutservice").Table;
        var currency = ob.Pods.Single(p => p.Service == "currencyservice").Table;
        Assert.All(Enumerable.Range(0, checkout.RowCount), r => Assert.Equal(checkout.Value(r, PodMetricColumns.NodeCpuUsageRate), currency.Value(r, PodMetricColumns.NodeCpuUsageRate)));
    }

    [Fact]
    public void The_evaluator_analyses_every_fault_end_to_end_without_an_error()
    {
        if (NezhaDatasetLocator.FindOrFailInCi() is not { } path)
        {
            return;
        }

        var analyzer = new RootCauseAnalyzer(ShippedFaultTrees.Load(), NezhaEvaluationSettings.OneMinuteOptions, TimeProvider.System);

        var result = new NezhaEvaluator(analyzer, NezhaEvaluationSettings.Default).Run(NezhaDataset.Load(path));

        Assert.Equal(52, result.Faults.Count);
        Assert.All(result.Faults, f => Assert.Null(f.Error));
        Assert.All(result.Faults, f => Assert.NotNull(f.Outcome));
        Assert.All(result.Faults, f => Assert.NotEmpty(f.Trivial));
        Assert.Equal(3, result.Faults[0].HistoryIntervals); // OB's first fault, 03:53:54, has data from 03:50 on
        Assert.Equal(30, result.Faults.Max(f => f.HistoryIntervals));
        Assert.Equal(["OB all", "TT all"], result.Rows.Where(r => r.FaultType == NezhaScoreTable.AllTypes).Select(r => $"{r.System} {r.FaultType}"));
        Assert.Equal(52, result.Rows.Where(r => r.FaultType == NezhaScoreTable.AllTypes).Sum(r => r.Faults));
    }
}
