using RootCause.Analysis.FaultTrees;
using RootCause.Contracts;

namespace RootCause.Analysis.Tests.FaultTrees;

public sealed class FaultTreeClassificationTests
{
    private static readonly EntityRef Cart = new(EntityKind.Service, "cart");

    private static FaultTreeSet Load(params (string Path, string Text)[] files)
    {
        var result = FaultTreeSet.Parse(files);
        Assert.Empty(result.Errors);
        return result.Set!;
    }

    private static CandidateEvidence Evidence(ServiceKind? kind, params (EvidenceScope Scope, string Metric, double Severity)[] anomalies) =>
        new(Cart, kind, [.. anomalies.Select(a => new ScopedAnomaly(a.Scope, new AnomalyEvidence(Cart, a.Metric, Direction.Up, a.Severity, DateTimeOffset.UnixEpoch, 1, 2)))]);

    [Fact]
    public void The_first_matching_branch_wins_and_its_path_names_what_held()
    {
        var set = Load(Fixtures.Read("testdata/combinators.good.yaml"));

        var classification = set.Classify(Evidence(ServiceKind.Service, (EvidenceScope.Network, "net_drops", 6), (EvidenceScope.Self, "latency_mean", 20)));

        Assert.Equal(new[] { "network net_drops up (severity ≥ 5.5)" }, classification.ConditionPath);
        Assert.Equal(("network_loss", "Packet loss", "Check the links.", "combinators"), (classification.FaultClass, classification.Title, classification.Advice, classification.Tree));
    }

    [Fact]
    public void An_anomaly_below_min_severity_does_not_count()
    {
        var set = Load(Fixtures.Read("testdata/combinators.good.yaml"));

        var classification = set.Classify(Evidence(ServiceKind.Service, (EvidenceScope.Network, "net_drops", 5), (EvidenceScope.Self, "latency_mean", 20)));

        Assert.Equal("slow_service", classification.FaultClass);
        Assert.Equal(["self latency_mean up and no downstream latency_mean up"], classification.ConditionPath);
    }

    [Fact]
    public void A_branch_whose_sub_branches_do_not_match_and_has_no_class_falls_through_to_its_siblings()
    {
        var set = Load(Fixtures.Read("testdata/combinators.good.yaml"));

        var database = set.Classify(Evidence(ServiceKind.Database, (EvidenceScope.Self, "latency_p99", 20)));
        var databaseWithOnlyMeanLatency = set.Classify(Evidence(ServiceKind.Database, (EvidenceScope.Self, "latency_mean", 20)));

        Assert.Equal(["kind is service and service_kind is database", "self latency_p99 up"], database.ConditionPath);
        Assert.Equal("slow_database", database.FaultClass);
        Assert.Equal("slow_service", databaseWithOnlyMeanLatency.FaultClass);
    }

    [Fact]
    public void A_catch_all_reaches_the_built_in_inconclusive_class()
    {
        var set = Load(Fixtures.Read("testdata/combinators.good.yaml"));

        var classification = set.Classify(Evidence(ServiceKind.Service, (EvidenceScope.Self, "latency_mean", 20), (EvidenceScope.Downstream, "latency_mean", 30)));

        Assert.Equal(("inconclusive", "Inconclusive"), (classification.FaultClass, classification.Title));
        Assert.Equal(["otherwise"], classification.ConditionPath);
    }

    [Fact]
    public void Nothing_matching_is_inconclusive_with_an_empty_path()
    {
        var set = Load(Fixtures.Read("testdata/minimal.good.yaml"));

        var classification = set.Classify(Evidence(null, (EvidenceScope.Self, "error_rate", 20)));

        Assert.Equal(("inconclusive", "minimal"), (classification.FaultClass, classification.Tree));
        Assert.Empty(classification.ConditionPath);
    }

    [Fact]
    public void A_later_tree_classifies_what_the_earlier_one_left_inconclusive()
    {
        var errors = ("errors.yaml", """
            tree: errors
            classes:
              error_burst:
                title: Error burst
                advice: Roll back.
            branches:
              - when:
                  anomaly: { scope: self, metric: error_rate, direction: up }
                class: error_burst
            """);
        var set = Load(Fixtures.Read("testdata/minimal.good.yaml"), errors);

        var onlyErrors = set.Classify(Evidence(ServiceKind.Service, (EvidenceScope.Self, "error_rate", 20)));
        var both = set.Classify(Evidence(ServiceKind.Service, (EvidenceScope.Self, "error_rate", 20), (EvidenceScope.Self, "latency_p99", 9)));

        Assert.Equal(("error_burst", "errors"), (onlyErrors.FaultClass, onlyErrors.Tree));
        Assert.Equal(("slow_service", "minimal"), (both.FaultClass, both.Tree));
    }
}
