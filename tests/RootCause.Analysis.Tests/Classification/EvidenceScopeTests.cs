using RootCause.Analysis.Classification;
using RootCause.Analysis.Detection;
using RootCause.Analysis.FaultTrees;
using RootCause.Contracts;
using RootCause.Topology;

namespace RootCause.Analysis.Tests.Classification;

/// <summary>
/// The evidence scopes that fault-tree authors read about in fault-trees/README.md are the ones the
/// analyzer collects: every row of the README's scope table is checked against the collector, for each
/// kind of candidate, on a graph where every entity carries an anomaly.
/// </summary>
public sealed class EvidenceScopeTests
{
    // frontend -> orders -> db; orders-1 on n1 is reached at 10.0.0.2:80 and only reached (no edge of its own).
    private static readonly TopologyGraph Graph = new TopologyBuilder()
        .AddInstance("frontend-1", "frontend", "n0", "10.0.0.1:80")
        .AddInstance("orders-1", "orders", "n1", "10.0.0.2:80")
        .AddInstance("db-1", "db", "n2", "10.0.0.4:5432", ServiceKind.Database)
        .AddCall("frontend", "orders").AddCall("orders", "db")
        .AddNetworkEdge("frontend-1", "10.0.0.2:80")
        .Build();

    private static readonly string[] KindColumns = ["service", "instance", "node", "network edge"];

    private static readonly EntityRef[] Candidates =
    [
        new(EntityKind.Service, "orders"),
        new(EntityKind.Instance, "orders-1"),
        new(EntityKind.Node, "n1"),
        new(EntityKind.NetworkEdge, "frontend-1 -> 10.0.0.2:80"),
    ];

    public static TheoryData<string, string, string, string, string> ReadmeRows()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var row in ScopeTable())
        {
            data.Add(row[0], row[1], row[2], row[3], row[4]);
        }

        return data;
    }

    [Fact]
    public void The_readme_table_has_one_row_per_scope()
    {
        Assert.Equal(
            Enum.GetValues<EvidenceScope>().Select(Vocabulary.Word).Order(StringComparer.Ordinal),
            ScopeTable().Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ReadmeRows))]
    public void A_scope_holds_evidence_exactly_for_the_candidate_kinds_the_readme_gives_it(string scope, string service, string instance, string node, string edge)
    {
        var anomalies = new AnomalyMap(Everywhere().ToDictionary(a => a.Key));
        var collector = new EvidenceCollector(Graph, anomalies, [.. Enumerable.Range(0, 20).Select(i => DateTimeOffset.UnixEpoch.AddMinutes(i))]);
        string[] cells = [service, instance, node, edge];
        for (var k = 0; k < Candidates.Length; k++)
        {
            var evidence = collector.Collect(Candidates[k]);
            var held = evidence.Anomalies.Any(a => Vocabulary.Word(a.Scope) == scope);
            Assert.True(held == (cells[k] != "—"), $"scope `{scope}` for a {KindColumns[k]} candidate: README says \"{cells[k]}\", collector {(held ? "gives evidence" : "gives none")}");
        }
    }

    /// <summary>One anomaly on every entity of the graph: services, instances, nodes, call and network edges.</summary>
    private static IEnumerable<SeriesAnomaly> Everywhere()
    {
        IEnumerable<EntityRef> entities =
        [
            .. Graph.Services.Select(s => new EntityRef(EntityKind.Service, s.Name)),
            .. Graph.Instances.Select(i => new EntityRef(EntityKind.Instance, i.Name)),
            .. Graph.Nodes.Select(n => new EntityRef(EntityKind.Node, n)),
            .. Graph.Calls.Select(c => new EntityRef(EntityKind.CallEdge, c.Name)),
            .. Graph.NetworkEdges.Select(e => new EntityRef(EntityKind.NetworkEdge, e.Name)),
        ];
        return entities.Select(e => new SeriesAnomaly(new SeriesKey(e, Metric(e.Kind)), Direction.Up, 10, 12, 1, 5));
    }

    private static string Metric(EntityKind kind) => kind switch
    {
        EntityKind.Node => MetricCatalog.CpuUtilization,
        EntityKind.NetworkEdge => MetricCatalog.Retransmits,
        _ => MetricCatalog.LatencyP99,
    };

    /// <summary>The rows of the scope table in fault-trees/README.md: scope, then one cell per candidate kind.</summary>
    private static List<string[]> ScopeTable()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot(), "fault-trees", "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| scope | service candidate |", StringComparison.Ordinal));
        Assert.True(header >= 0, "fault-trees/README.md lost its scope table");
        return readme.Skip(header + 2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray())
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RootCause.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no RootCause.sln above " + AppContext.BaseDirectory);
    }
}
