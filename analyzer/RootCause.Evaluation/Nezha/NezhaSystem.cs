namespace RootCause.Evaluation.Nezha;

/// <summary>
/// One of the two benchmark systems of Nezha's data and what its day folders hold. A day folder's system is
/// told by its call-graph file: OB writes dependency.csv, TT call_edges.csv.
/// </summary>
/// <param name="Code">"OB" or "TT", as the paper names them.</param>
/// <param name="Name">The system's full name.</param>
/// <param name="EntryService">The service that takes user traffic: the alert is raised on it.</param>
/// <param name="GraphFile">The call-graph file in metric/.</param>
/// <param name="GraphHeader">Its header: caller column, callee column and, for OB, a weight.</param>
/// <param name="EntrySuccessRateIsReal">
/// Whether front_service.csv's SuccessRate(%) can be used. The datasets README: only OB's is real; TT's is 0
/// in every row, like every pod's PodSuccessRate(%).
/// </param>
/// <param name="HasEdgeLatency">Whether source_50.csv (caller-side median latency per call edge) exists.</param>
public sealed record NezhaSystem(string Code, string Name, string EntryService, string GraphFile, IReadOnlyList<string> GraphHeader, bool EntrySuccessRateIsReal, bool HasEdgeLatency)
{
    public static NezhaSystem OnlineBoutique { get; } = new("OB", "Online Boutique", "frontend", "dependency.csv", ["Source", "Target", "Weight"], EntrySuccessRateIsReal: true, HasEdgeLatency: true);

    public static NezhaSystem TrainTicket { get; } = new("TT", "Train Ticket", "ts-ui-dashboard", "call_edges.csv", ["caller", "callee"], EntrySuccessRateIsReal: false, HasEdgeLatency: false);

    public static IReadOnlyList<NezhaSystem> All { get; } = [OnlineBoutique, TrainTicket];

    /// <summary>The system whose call-graph file <paramref name="metricFolder"/> holds.</summary>
    /// <exception cref="DatasetFormatException">Neither or both graph files are there.</exception>
    public static NezhaSystem Of(string metricFolder)
    {
        var present = All.Where(s => File.Exists(Path.Combine(metricFolder, s.GraphFile))).ToArray();
        return present.Length == 1
            ? present[0]
            : throw new DatasetFormatException(metricFolder, 0, $"expected exactly one call-graph file ({string.Join(" or ", All.Select(s => s.GraphFile))}), found {present.Length}");
    }
}
