using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Identity;

public sealed class ServiceResolverTests
{
    private static ServiceResolver Resolver(ServiceMapping? mapping = null) => new("n1", mapping ?? ServiceMapping.Empty, NoPods.Instance);

    [Fact]
    public void Runtimes_are_named_after_the_program_they_run()
    {
        Assert.Equal("Shop.Api", ServiceResolver.ProcessName(new ProcessInfo(1, "dotnet", ["dotnet", "exec", "--depsfile", "x.json", "/app/Shop.Api.dll"], null)));
        Assert.Equal("billing", ServiceResolver.ProcessName(new ProcessInfo(1, "java", ["java", "-Xmx1g", "-jar", "/srv/billing.jar"], null)));
        Assert.Equal("http.server", ServiceResolver.ProcessName(new ProcessInfo(1, "python3", ["python3", "-m", "http.server", "8080"], null)));
        Assert.Equal("nginx", ServiceResolver.ProcessName(new ProcessInfo(1, "nginx", ["nginx: worker process"], null)));
    }

    [Fact]
    public void Mapping_file_wins_over_the_process_name_and_first_match_wins()
    {
        var mapping = ServiceMapping.Parse("# services\ncheckout cmdline=--port 8080\nother comm=nginx\n", "map.txt");
        var id = Resolver(mapping).Resolve(new ProcessInfo(7, "nginx", ["nginx", "--port 8080"], null));
        Assert.Equal(new ServiceIdentity("checkout", "checkout@n1", "mapping"), id);
    }

    [Fact]
    public void Mapping_file_errors_name_the_line()
    {
        var error = Assert.Throws<FormatException>(() => ServiceMapping.Parse("ok comm=a\n\nbad port=80\n", "map.txt"));
        Assert.StartsWith("map.txt:3:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Container_processes_are_instances_of_their_container()
    {
        const string Id = "4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";
        var id = Resolver().Resolve(new ProcessInfo(9, "redis-server", [], "/system.slice/docker-" + Id + ".scope"));
        Assert.Equal(new ServiceIdentity("redis-server", "redis-server@n1:4f1a2b3c4d5e", "container", ServiceKind.Cache), id);
    }

    [Theory]
    [InlineData("/kubepods/burstable/pod0a1b2c3d-1111-2222-3333-444455556666/abc", "0a1b2c3d-1111-2222-3333-444455556666")]
    [InlineData("/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-pod0a1b2c3d_1111_2222_3333_444455556666.slice/cri-containerd-x.scope", "0a1b2c3d-1111-2222-3333-444455556666")]
    [InlineData("/user.slice/session-1.scope", null)]
    public void Pod_uids_are_read_from_both_cgroup_drivers(string path, string? uid) => Assert.Equal(uid, CgroupPath.PodUid(path));

    [Fact]
    public void Hybrid_hosts_use_the_v1_path_when_the_v2_path_is_the_root()
    {
        Assert.Equal("/docker/abc", CgroupPath.Choose(["12:memory:/docker/abc", "1:name=systemd:/x", "0::/"]));
        Assert.Equal("/kubepods/x", CgroupPath.Choose(["0::/kubepods/x"]));
    }

    private const string PodUid = "6f1c2a9e-3b4d-4e5f-8a7b-0c1d2e3f4a5b";
    private const string PodSlice = "pod6f1c2a9e_3b4d_4e5f_8a7b_0c1d2e3f4a5b.slice";
    private static readonly string ContainerHex = string.Concat(Enumerable.Repeat("c0ffee00", 8));

    public static TheoryData<string> KubernetesCgroupPaths() => new()
    {
        // systemd driver (cgroup v2 and v1 hierarchies alike), one per runtime
        $"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-{PodSlice}/cri-containerd-{ContainerHex}.scope",
        $"/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-{PodSlice}/docker-{ContainerHex}.scope",
        $"/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-{PodSlice}/crio-{ContainerHex}.scope",
        $"/kubepods.slice/kubepods-{PodSlice}/cri-containerd-{ContainerHex}.scope", // Guaranteed QoS: no QoS slice
        // cgroupfs driver
        $"/kubepods/burstable/pod{PodUid}/{ContainerHex}",
        $"/kubepods/pod{PodUid}/{ContainerHex}",
        $"/kubepods/besteffort/pod{PodUid}/{ContainerHex}/",
    };

    [Theory]
    [MemberData(nameof(KubernetesCgroupPaths))]
    public void Pod_uid_and_container_id_come_from_every_kubepods_layout(string path)
    {
        Assert.Equal(PodUid, CgroupPath.PodUid(path));
        Assert.Equal(ContainerHex, CgroupPath.ContainerId(path));
    }

    [Fact]
    public void The_v1_kubepods_path_is_chosen_on_a_hybrid_host()
    {
        var path = CgroupPath.Choose([
            "12:pids:/kubepods/burstable/pod" + PodUid + "/" + ContainerHex,
            "5:memory:/kubepods/burstable/pod" + PodUid + "/" + ContainerHex,
            "0::/",
        ]);
        Assert.Equal(PodUid, CgroupPath.PodUid(path));
    }

    [Theory]
    [MemberData(nameof(KubernetesCgroupPaths))]
    public async Task Pods_from_the_recorded_list_name_the_service_and_instance(string path)
    {
        var pods = new PodDirectory(new FixturePodListSource().Then("kubelet-pods.json"));
        await pods.RefreshAsync(CancellationToken.None);
        var resolver = new ServiceResolver("n1", ServiceMapping.Empty, pods);

        var id = resolver.Resolve(new ProcessInfo(41, "checkout-svc", ["/app/checkout-svc"], path));

        Assert.Equal(new ServiceIdentity("checkout", "shop/checkout-7d9f8b6c5d-x2x9q", "kubernetes"), id);
    }

    [Fact]
    public async Task A_pod_missing_from_the_list_falls_back_to_its_container_and_the_mapping_file_still_wins()
    {
        var pods = new PodDirectory(new FixturePodListSource().Then("apiserver-pods-after-rollout.json"));
        await pods.RefreshAsync(CancellationToken.None);
        var path = $"/kubepods/burstable/pod{PodUid}/{ContainerHex}";

        var unknownPod = new ServiceResolver("n1", ServiceMapping.Empty, pods).Resolve(new ProcessInfo(41, "checkout-svc", [], path));
        var mapped = new ServiceResolver("n1", ServiceMapping.Parse("billing cgroup=kubepods", "m"), pods).Resolve(new ProcessInfo(41, "checkout-svc", [], path));

        Assert.Equal(("checkout-svc", "container"), (unknownPod.Service, unknownPod.Rule));
        Assert.Equal(("billing", "mapping"), (mapped.Service, mapped.Rule));
    }
}
