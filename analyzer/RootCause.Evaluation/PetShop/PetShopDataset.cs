namespace RootCause.Evaluation.PetShop;

/// <summary>
/// The PetShop dataset (amazon-science/petshop-root-cause-analysis, CC-BY-4.0) read from
/// &lt;root&gt;/dataset/&lt;scenario&gt;/: graph.csv, noissue/metrics.csv, {train,test}/issue_N/{metrics.csv,target.json}.
/// </summary>
public sealed record PetShopDataset(string Root, IReadOnlyList<PetShopScenario> Scenarios)
{
    public static IReadOnlyList<string> ScenarioNames { get; } = ["low_traffic", "high_traffic", "temporal_traffic1", "temporal_traffic2"];

    private static readonly string[] Splits = ["train", "test"];

    /// <summary>Reads every scenario; <paramref name="root"/> may be the dataset folder or its parent.</summary>
    /// <exception cref="DatasetFormatException">A file is missing or malformed.</exception>
    public static PetShopDataset Load(string root)
    {
        var dataset = Directory.Exists(Path.Combine(root, "dataset")) ? Path.Combine(root, "dataset") : root;
        var scenarios = new List<PetShopScenario>();
        foreach (var name in ScenarioNames)
        {
            var dir = Path.Combine(dataset, name);
            if (!Directory.Exists(dir))
            {
                throw new DatasetFormatException(dir, 0, "scenario folder not found");
            }

            scenarios.Add(LoadScenario(name, dir));
        }

        return new PetShopDataset(dataset, scenarios);
    }

    internal static PetShopScenario LoadScenario(string name, string dir)
    {
        var graph = GraphReader.Read(Path.Combine(dir, "graph.csv"));
        var normalPath = Path.Combine(dir, "noissue", "metrics.csv");
        var normal = File.Exists(normalPath) ? MetricsReader.Read(normalPath) : null;
        var issues = new List<PetShopIssue>();
        foreach (var split in Splits)
        {
            var splitDir = Path.Combine(dir, split);
            if (!Directory.Exists(splitDir))
            {
                continue;
            }

            var issueDirs = Directory.GetDirectories(splitDir)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .OrderBy(d => IssueNumber(d))
                .ThenBy(d => d, StringComparer.Ordinal);
            foreach (var issueDir in issueDirs)
            {
                var metrics = MetricsReader.Read(Path.Combine(issueDir, "metrics.csv"));
                var targetPath = Path.Combine(issueDir, "target.json");
                var target = TargetReader.Read(targetPath);
                if (!graph.Contains(target.Node))
                {
                    throw new DatasetFormatException(targetPath, 1, $"target node '{target.Node}' is not a component of {name}/graph.csv");
                }

                issues.Add(new PetShopIssue(name, split, Path.GetFileName(issueDir), metrics, target));
            }
        }

        return new PetShopScenario(name, graph, normal, issues);
    }

    private static int IssueNumber(string dir)
    {
        var name = Path.GetFileName(dir);
        return name.StartsWith("issue_", StringComparison.Ordinal) && int.TryParse(name.AsSpan(6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue;
    }
}
