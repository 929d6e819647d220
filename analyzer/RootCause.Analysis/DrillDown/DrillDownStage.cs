using System.Globalization;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.DrillDown;

/// <summary>
/// Stage 2: drills the alerted KPI of the alerted service down over operation, instance, node and caller,
/// comparing the incident intervals with the per-interval mean of the baseline.
/// </summary>
internal static class DrillDownStage
{
    public static readonly IReadOnlyList<string> Dimensions = ["operation", "instance", "node", "caller"];

    public static DrillDownResult Run(Symptom symptom, TelemetrySnapshot snapshot, IncidentFrame frame, int onset)
    {
        var leaves = new Dictionary<string, LeafTotals>(StringComparer.Ordinal);
        var incidentIntervals = frame.WindowEnd - onset;
        for (var t = 0; t < frame.WindowEnd; t++)
        {
            var real = t >= onset;
            if (!real && t >= frame.BaselineEnd)
            {
                continue;
            }

            foreach (var batch in snapshot.Intervals[t].Batches)
            {
                foreach (var g in batch.Golden)
                {
                    if (g.Service != symptom.Service || (symptom.Operation is not null && g.Operation != symptom.Operation))
                    {
                        continue;
                    }

                    var node = snapshot.Graph.Instance(g.Instance)?.Node ?? batch.Node;
                    var key = string.Join('\u001f', g.Operation, g.Instance, node, g.Caller);
                    if (!leaves.TryGetValue(key, out var totals))
                    {
                        leaves[key] = totals = new LeafTotals(new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            ["operation"] = g.Operation,
                            ["instance"] = g.Instance,
                            ["node"] = node,
                            ["caller"] = g.Caller,
                        });
                    }

                    var (num, den) = Measure(symptom.Kpi, g.Stats);
                    if (real)
                    {
                        totals.RealNum += num;
                        totals.RealDen += den;
                    }
                    else
                    {
                        totals.BaseNum += num;
                        totals.BaseDen += den;
                    }
                }
            }
        }

        // The forecast is the baseline's per-interval mean scaled to the number of incident intervals.
        var scale = (double)incidentIntervals / Math.Max(1, frame.BaselineEnd);
        var cube = leaves.Values.Select(l => new CubeLeaf(l.Dimensions, l.RealNum, l.BaseNum * scale, l.RealDen, l.BaseDen * scale)).ToList();
        var findings = DrillDownEngine.Localise(cube, Dimensions);
        return new DrillDownResult(symptom.Kpi, findings, Explain(symptom, findings));
    }

    private static (double Numerator, double Denominator) Measure(string kpi, RequestStats stats) => kpi switch
    {
        Kpis.ErrorRate => (stats.Errors, stats.Requests),
        Kpis.Throughput => (stats.Requests, 1),
        _ => (stats.LatencySumSeconds, stats.Requests),
    };

    private static string Explain(Symptom symptom, IReadOnlyList<DrillDownFinding> findings)
    {
        var what = symptom.Kpi switch
        {
            Kpis.ErrorRate => "Errors",
            Kpis.Throughput => "The traffic change",
            _ => "Slow requests",
        };
        if (findings.Count == 0)
        {
            return $"{what} of {symptom.Service} are not concentrated in a few operations, instances, nodes or callers: no combination of them stands out.";
        }

        var parts = findings.Select(f =>
            string.Join(" on ", Dimensions.Where(f.Dimensions.ContainsKey).Select(d => $"{d} {f.Dimensions[d]}"))
            + string.Create(CultureInfo.InvariantCulture, $" ({f.Score:P0} of the deviation)"));
        return $"{what} of {symptom.Service} come from {string.Join("; ", parts)}.";
    }

    private sealed class LeafTotals(IReadOnlyDictionary<string, string> dimensions)
    {
        public IReadOnlyDictionary<string, string> Dimensions { get; } = dimensions;

        public double RealNum { get; set; }

        public double RealDen { get; set; }

        public double BaseNum { get; set; }

        public double BaseDen { get; set; }
    }
}
