using RootCause.Evaluation.PetShop;

namespace RootCause.Evaluation.Tests.PetShop;

/// <summary>Reads the real PetShop copy at ../shared/datasets/petshop relative to the repository root.</summary>
public sealed class RealDatasetTests
{
    internal static string? DatasetPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "datasets", "petshop"));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }

    [Fact]
    public void The_real_dataset_has_68_issues_52_with_normal_data_and_every_truth_is_a_graph_component()
    {
        var path = DatasetPath();
        if (path is null)
        {
            // The shared dataset is outside the repository; CI must have it, a bare checkout may not.
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", "../shared/datasets/petshop not found next to the repository");
            return;
        }

        var dataset = PetShopDataset.Load(path);

        var byName = dataset.Scenarios.ToDictionary(s => s.Name);
        Assert.Equal(42, byName["low_traffic"].Graph.Components.Count);
        Assert.Equal(44, byName["high_traffic"].Graph.Components.Count);
        Assert.Equal(41, byName["temporal_traffic1"].Graph.Components.Count);
        Assert.Equal(41, byName["temporal_traffic2"].Graph.Components.Count);
        Assert.Equal((18, 8), Splits(byName["low_traffic"]));
        Assert.Equal((18, 8), Splits(byName["high_traffic"]));
        Assert.Equal((6, 2), Splits(byName["temporal_traffic1"]));
        Assert.Equal((6, 2), Splits(byName["temporal_traffic2"]));
        Assert.Equal(68, dataset.Scenarios.Sum(s => s.Issues.Count));
        Assert.Equal(52, dataset.Scenarios.Where(s => s.Normal is not null).Sum(s => s.Issues.Count));
        Assert.Equal(589, byName["low_traffic"].Normal!.RowCount);
        Assert.Null(byName["temporal_traffic1"].Normal);
        Assert.Equal(14, byName["low_traffic"].Issues.Count(i => i.Target.Metric == "latency"));
        Assert.Equal(12, byName["high_traffic"].Issues.Count(i => i.Target.Metric == "availability"));

        foreach (var scenario in dataset.Scenarios)
        {
            Assert.Contains(scenario.Graph.Calls, c => c.Caller == "PetSite" && c.Callee == "PetSearch_AWS::ECS::Fargate");
            foreach (var issue in scenario.Issues)
            {
                Assert.Equal("PetSite", issue.Target.Node);
                Assert.Equal(5, issue.Metrics.RowCount);
                Assert.Equal(issue.Target.RootCauseNode, PetShopMapping.ResolveComponent(scenario.Graph, issue.Target.RootCauseNode));
                Assert.True(scenario.Graph.Components.ToHashSet().SetEquals(issue.Metrics.Nodes), issue.Id);
            }
        }
    }

    private static (int Test, int Train) Splits(PetShopScenario scenario) =>
        (scenario.Issues.Count(i => i.Split == "test"), scenario.Issues.Count(i => i.Split == "train"));
}
