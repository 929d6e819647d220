using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Identity;

/// <summary>An instance is a service on a node (or a pod, or a container), never a pid.</summary>
public sealed class StableInstanceTests
{
    private static readonly CgroupMembership CatalogDb = new("/", "/rclab/catalog-db", "/rclab/catalog-db", "/rclab/catalog-db");

    private static ProcessInfo Postgres(int pid, string title) => new(pid, "postgres", [title], "/rclab/catalog-db", CatalogDb);

    [Fact]
    public void Every_process_of_a_mapped_service_on_a_node_is_one_instance_and_its_resources_come_from_its_cgroup()
    {
        var resolver = new ServiceResolver("node-1", ServiceMapping.Parse("catalog-db cgroup=rclab/catalog-db kind=database", "m"), NoPods.Instance);

        var postmaster = resolver.Resolve(Postgres(100, "/usr/lib/postgresql/15/bin/postgres"));
        var backend = resolver.Resolve(Postgres(4711, "postgres: shop catalog 10.231.0.11(51000) idle"));
        var restarted = resolver.Resolve(Postgres(9001, "/usr/lib/postgresql/15/bin/postgres"));

        Assert.Equal(postmaster, backend);
        Assert.Equal(postmaster, restarted);
        Assert.Equal(("catalog-db@node-1", CatalogDb), (postmaster.Instance, postmaster.ResourceCgroup));
    }

    [Fact]
    public void A_mapping_rule_on_the_command_name_keeps_per_process_resources()
    {
        var resolver = new ServiceResolver("node-1", ServiceMapping.Parse("orders comm=orders-svc", "m"), NoPods.Instance);
        var identity = resolver.Resolve(new ProcessInfo(7, "orders-svc", [], "/rclab/orders", CatalogDb));
        Assert.Equal(("orders@node-1", null), (identity.Instance, identity.ResourceCgroup));
    }

    [Fact]
    public void Short_lived_clients_fold_into_one_instance_per_command_and_node()
    {
        var resolver = new ServiceResolver("node-1", ServiceMapping.Empty, NoPods.Instance);
        var instances = Enumerable.Range(3000, 50).Select(pid => resolver.Resolve(new ProcessInfo(pid, "curl", [], null)).Instance).Distinct();
        Assert.Equal(["curl@node-1"], instances);
    }

    [Fact]
    public void Containers_keep_their_own_instances_and_read_their_own_cgroup()
    {
        const string Id = "4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
        var cgroup = new CgroupMembership("/system.slice/docker-" + Id + ".scope", null, null, null);
        var identity = new ServiceResolver("node-1", ServiceMapping.Empty, NoPods.Instance)
            .Resolve(new ProcessInfo(9, "orders", [], cgroup.Unified, cgroup));
        Assert.Equal(("orders@node-1:4f1a2b3c4d5e", cgroup), (identity.Instance, identity.ResourceCgroup));
    }

    [Fact]
    public async Task A_pods_instance_reads_the_pod_level_cgroup_that_holds_all_its_containers()
    {
        const string Pod = "/kubepods/burstable/pod6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b";
        var container = Pod + "/" + string.Concat(Enumerable.Repeat("c0ffee00", 8));
        var pods = new PodDirectory(new FixturePodListSource().Then("kubelet-pods.json"));
        await pods.RefreshAsync(CancellationToken.None);

        var identity = new ServiceResolver("node-1", ServiceMapping.Empty, pods)
            .Resolve(new ProcessInfo(41, "checkout-svc", [], container, new CgroupMembership("/", container, container, container)));

        Assert.Equal(("shop/checkout-7d9f8b6c5d-x2x9q", new CgroupMembership("/", Pod, Pod, Pod)), (identity.Instance, identity.ResourceCgroup));
    }

    [Fact]
    public void A_process_in_the_root_cgroup_has_no_cgroup_resources()
    {
        var root = new CgroupMembership("/", "/", "/", "/");
        var identity = new ServiceResolver("node-1", ServiceMapping.Parse("x cgroup=rclab/x", "m"), NoPods.Instance)
            .Resolve(new ProcessInfo(1, "x", [], "/rclab/x", root));
        Assert.Equal(("mapping", null), (identity.Rule, identity.ResourceCgroup));
    }
}
