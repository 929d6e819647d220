using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Identity;

public sealed class IdentityCacheTests
{
    private readonly CountingProcesses processes = new();
    private readonly IdentityCache cache;

    public IdentityCacheTests()
    {
        cache = new IdentityCache(new ServiceResolver("n1", ServiceMapping.Empty, NoPods.Instance), processes);
    }

    [Fact]
    public void A_pid_is_read_from_proc_once_and_again_when_it_is_reused_under_another_comm()
    {
        cache.Resolve(10, "web");
        cache.Resolve(10, "web");
        var reused = cache.Resolve(10, "worker");

        Assert.Equal(2, processes.Reads);
        Assert.Equal("worker@n1", reused.Instance);
    }

    [Fact]
    public void A_listener_on_a_well_known_port_gives_its_instance_a_kind_while_the_instance_lives()
    {
        var db = cache.Resolve(10, "db-engine");
        Assert.Equal(ServiceKind.Service, cache.KindOf(db));

        cache.NoteListener(db, 5432);
        cache.Retain(new HashSet<int> { 10 });
        Assert.Equal(ServiceKind.Database, cache.KindOf(cache.Resolve(11, "db-engine")));

        cache.Retain(new HashSet<int>());
        Assert.Equal((0, ServiceKind.Service), (cache.Count, cache.KindOf(db)));
    }

    [Fact]
    public void A_programs_kind_wins_over_its_port()
    {
        var redis = cache.Resolve(10, "redis-server");
        cache.NoteListener(redis, 5432);
        Assert.Equal(ServiceKind.Cache, cache.KindOf(redis));
    }

    [Fact]
    public void The_protocol_a_listener_answers_in_wins_over_its_port_while_the_instance_lives()
    {
        // A cache on PostgreSQL's port: what it answers in says what it is.
        var kv = cache.Resolve(10, "kv-engine");
        cache.NoteListener(kv, 5432);
        cache.NoteProtocol(kv, ServiceKind.Cache);
        Assert.Equal(ServiceKind.Cache, cache.KindOf(kv));

        cache.Retain(new HashSet<int>());
        Assert.Equal(ServiceKind.Service, cache.KindOf(kv));
    }

    [Fact]
    public void Only_resolved_pids_are_known()
    {
        Assert.False(cache.TryGet(10, out _));
        cache.Resolve(10, "web");
        Assert.True(cache.TryGet(10, out var web));
        Assert.Equal("web@n1", web.Instance);
    }

    private sealed class CountingProcesses : IProcessSource
    {
        public int Reads { get; private set; }

        public ProcessInfo Describe(int pid, string comm)
        {
            Reads++;
            return new ProcessInfo(pid, comm, [], null);
        }
    }
}
