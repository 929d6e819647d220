using RootCause.Contracts;
using RootCause.Lab.Runs;

namespace RootCause.Lab.Tests.Runs;

public sealed class CauseMatcherTests
{
    private static readonly Dictionary<string, string> Services = new(StringComparer.Ordinal)
    {
        ["checkout@lab"] = "checkout",
        ["payment@lab"] = "payment",
        ["10.231.0.13"] = "checkout",
        ["10.231.0.14:8080"] = "payment",
    };

    private static string? ServiceOf(string name) => Services.GetValueOrDefault(name);

    private static RootCauseReport Report(params EntityRef[] entities) => new(
        Guid.NewGuid(),
        new Symptom("gateway", Kpis.Latency, null, DateTimeOffset.UnixEpoch, "alertmanager"),
        AnalysisOutcome.RootCauseFound,
        "",
        entities.Select((e, i) => new RankedCause(i + 1, e, 1.0 / (i + 1), "slow_service", "Slow service", [], [], null)).ToArray(),
        [],
        new DrillDownResult(Kpis.Latency, [], ""),
        new TimeWindow(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_service_fault_is_found_through_one_of_its_instances()
    {
        var report = Report(new EntityRef(EntityKind.Service, "gateway"), new EntityRef(EntityKind.Instance, "payment@lab"));

        Assert.Equal(2, CauseMatcher.Find(report, ExpectedEntity.OfService("payment"), ServiceOf)!.Rank);
    }

    [Fact]
    public void A_link_fault_is_found_through_a_network_edge_named_by_address_in_either_direction()
    {
        var report = Report(new EntityRef(EntityKind.Service, "payment"), new EntityRef(EntityKind.NetworkEdge, "10.231.0.13 -> payment@lab"));

        Assert.Equal(2, CauseMatcher.Find(report, ExpectedEntity.OfLink("checkout", "payment"), ServiceOf)!.Rank);
        Assert.Equal(2, CauseMatcher.Find(report, ExpectedEntity.OfLink("payment", "checkout"), ServiceOf)!.Rank);
    }

    [Fact]
    public void A_service_is_not_a_link_and_a_link_is_not_a_service()
    {
        var report = Report(new EntityRef(EntityKind.Service, "payment"), new EntityRef(EntityKind.NetworkEdge, "checkout@lab -> payment@lab"));

        Assert.Null(CauseMatcher.Find(Report(new EntityRef(EntityKind.Service, "payment")), ExpectedEntity.OfLink("checkout", "payment"), ServiceOf));
        Assert.Null(CauseMatcher.Find(Report(new EntityRef(EntityKind.NetworkEdge, "checkout@lab -> payment@lab")), ExpectedEntity.OfService("payment"), ServiceOf));
        Assert.Equal(1, CauseMatcher.Find(report, ExpectedEntity.OfService("payment"), ServiceOf)!.Rank);
    }

    [Fact]
    public void Scores_count_ranks_and_classes_over_all_scenarios()
    {
        var result = LabRunResult.Score([Row(1, "slow_service"), Row(3, "slow_service"), Row(null, "slow_service"), Row(1, "error_burst"), Row(5, "slow_service")]);

        Assert.Equal(0.4, result.Ac1);
        Assert.Equal(0.6, result.Ac3);
        // The right class on an entity that is not the injected one is no hit.
        Assert.Equal(0.6, result.ClassAccuracy);
    }

    private static ScenarioResult Row(int? rank, string? found) => new("f", "t", "service t", rank, found, "slow_service", 1, 1, null);
}
