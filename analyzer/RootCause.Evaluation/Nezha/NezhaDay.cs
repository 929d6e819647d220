namespace RootCause.Evaluation.Nezha;

/// <summary>
/// One day folder of Nezha's rca_data: &lt;day&gt;-fault_list.json and metric/ with a &lt;pod&gt;_metric.csv per pod,
/// front_service.csv, the call graph and, for OB, source_50.csv.
/// </summary>
/// <param name="Name">The folder's name, e.g. 2022-08-22.</param>
/// <param name="Faults">The faults in time order.</param>
/// <param name="Pods">Every pod's metrics, by pod name.</param>
/// <param name="Front">front_service.csv (see <see cref="FrontServiceReader"/>).</param>
/// <param name="EdgeLatency">source_50.csv; null where the system has none (TT).</param>
public sealed record NezhaDay(
    string Name,
    string Folder,
    NezhaSystem System,
    IReadOnlyList<NezhaFault> Faults,
    IReadOnlyList<PodMetrics> Pods,
    MinuteTable Front,
    NezhaCallGraph Graph,
    EdgeLatency? EdgeLatency)
{
    public const string MetricFolder = "metric";

    /// <summary>Every service: those of the pods, then those only the call graph names.</summary>
    public IReadOnlyList<string> Services => [.. Pods.Select(p => p.Service).Concat(Graph.Services).Distinct(StringComparer.Ordinal)];

    /// <exception cref="DatasetFormatException">A file is missing or malformed, or the files disagree (a fault on a pod without metrics).</exception>
    public static NezhaDay Load(string folder)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        var metric = Path.Combine(folder, MetricFolder);
        if (!Directory.Exists(metric))
        {
            throw new DatasetFormatException(metric, 0, "metric folder not found");
        }

        var system = NezhaSystem.Of(metric);
        var faultList = Path.Combine(folder, $"{name}-fault_list.json");
        var faults = FaultListReader.Read(faultList);
        var pods = Directory.EnumerateFiles(metric, "*" + PodMetricsReader.FileSuffix)
            .Order(StringComparer.Ordinal)
            .Select(PodMetricsReader.Read)
            .ToArray();
        if (pods.Length == 0)
        {
            throw new DatasetFormatException(metric, 0, $"no <pod>{PodMetricsReader.FileSuffix} files");
        }

        var graph = CallGraphReader.Read(Path.Combine(metric, system.GraphFile), system);
        var front = FrontServiceReader.Read(Path.Combine(metric, FrontServiceReader.FileName));
        var podNames = pods.Select(p => p.Pod).ToHashSet(StringComparer.Ordinal);
        foreach (var fault in faults.Where(f => !podNames.Contains(f.Pod)))
        {
            throw new DatasetFormatException(faultList, fault.Line, $"inject_pod {fault.Pod} has no {fault.Pod}{PodMetricsReader.FileSuffix} in {metric}");
        }

        if (!pods.Any(p => p.Service == system.EntryService))
        {
            throw new DatasetFormatException(metric, 0, $"no pod of the entry service {system.EntryService}");
        }

        var services = pods.Select(p => p.Service).Concat(graph.Services).ToHashSet(StringComparer.Ordinal);
        var edges = system.HasEdgeLatency ? EdgeLatencyReader.Read(Path.Combine(metric, EdgeLatencyReader.FileName), services) : null;
        return new NezhaDay(name, folder, system, faults, pods, front, graph, edges);
    }
}
