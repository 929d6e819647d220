namespace RootCause.Evaluation.PetShop.Scoring;

/// <summary>
/// The published PetShop baseline, quoted as the reference our figures sit beside: the dataset repository's
/// MAD-score graph traversal with threshold 5, top-1 / top-3 recall. Source: shared/datasets/README.md,
/// petshop section (amazon-science/petshop-root-cause-analysis). Only published figures live here; ours are
/// always computed.
/// </summary>
public static class PublishedBaseline
{
    public const string Citation = "published baseline: MAD-score graph traversal, threshold 5 (shared/datasets/README.md, petshop section)";

    private static readonly Dictionary<(string Group, string Metric), (double Top1, double Top3)> Figures = new()
    {
        [("low_traffic", "latency")] = (0.571, 0.571),
        [("low_traffic", "availability")] = (0.833, 1.0),
        [("high_traffic", "latency")] = (0.571, 0.786),
        [("high_traffic", "availability")] = (0.667, 1.0),
        [("temporal", "latency")] = (1.0, 1.0),
        [("temporal", "availability")] = (0.750, 1.0),
    };

    public static (double Top1, double Top3)? For(string group, string metric) =>
        Figures.TryGetValue((group, metric), out var f) ? f : null;
}
