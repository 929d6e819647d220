using System.Net;
using RootCause.Agent.Aggregation;
using RootCause.Agent.Events;

namespace RootCause.Agent.Tests.Aggregation;

public sealed class EdgeTableTests
{
    private static readonly Endpoint Db = new(IPAddress.Parse("10.231.0.20"), 5432);
    private static readonly Endpoint Remote = new(IPAddress.Parse("93.184.216.34"), 443);

    [Fact]
    public void Endpoint_edges_are_named_at_the_end_and_merge_with_edges_already_named()
    {
        var edges = new EdgeTable();
        edges.ToEndpoint("catalog@node-1", Db).Connects += 2;
        edges.ToEndpoint("catalog@node-1", Db).Retransmits += 3;
        edges.ToEndpoint("catalog@node-1", Remote).ConnectFailures++;
        edges.Between("catalog@node-1", "catalog-db@node-1").Drops += 5;

        var samples = edges.Flush(e => e == Db ? "catalog-db@node-1" : e.ToString());

        var db = Assert.Single(samples, s => s.Destination == "catalog-db@node-1");
        Assert.Equal(("catalog@node-1", 2L, 3L, 5L), (db.SourceInstance, db.Connects, db.Retransmits, db.Drops));
        Assert.Equal(1, Assert.Single(samples, s => s.Destination == "93.184.216.34:443").ConnectFailures);
        Assert.Equal(2, samples.Count);
    }

    [Fact]
    public void A_flush_starts_a_new_interval()
    {
        var edges = new EdgeTable();
        edges.ToEndpoint("a@n", Db).Connects++;
        edges.Flush(e => e.ToString());
        Assert.Empty(edges.Flush(e => e.ToString()));
    }
}
