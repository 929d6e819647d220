using RootCause.Analysis;
using RootCause.Evaluation.PetShop;
using RootCause.Evaluation.PetShop.Scoring;

namespace RootCause.Evaluation.Tests.PetShop;

/// <summary>
/// The acceptance bar of `rootcause eval petshop`, kept by a test: top-1 recall at least the published
/// baseline's in each low/high-traffic × latency/availability cell, and more hits than it over all 52.
/// </summary>
public sealed class BaselineComparisonTests
{
    private static readonly string[] Groups = ["low_traffic", "high_traffic"];
    private static readonly string[] Metrics = ["latency", "availability"];

    [Fact]
    public void Top1_recall_matches_the_published_baseline_in_every_cell_and_beats_it_overall()
    {
        var path = RealDatasetTests.DatasetPath();
        if (path is null)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "../shared/datasets/petshop not found next to the repository");
            return;
        }

        var analyzer = new RootCauseAnalyzer(ShippedFaultTrees.Load(), PetShopEvaluationSettings.FiveMinuteOptions, TimeProvider.System);
        var result = new PetShopEvaluator(analyzer, PetShopEvaluationSettings.Default).Run(PetShopDataset.Load(path));

        var hits = 0;
        var baselineHits = 0.0;
        foreach (var group in Groups)
        {
            foreach (var metric in Metrics)
            {
                var row = result.Rows.Single(r => r.Group == group && r.Metric == metric);
                var published = PublishedBaseline.For(group, metric)!.Value.Top1;
                Assert.True(row.Top1.Hits >= Math.Round(published * row.Top1.Total), $"{group} {metric}: top-1 {row.Top1} below the published {published:0.000}");
                hits += row.Top1.Hits;
                baselineHits += Math.Round(published * row.Top1.Total);
            }
        }

        Assert.Equal(34, baselineHits);
        Assert.True(hits > baselineHits, $"overall top-1 {hits}/52 does not beat the published {baselineHits}/52");
    }
}
