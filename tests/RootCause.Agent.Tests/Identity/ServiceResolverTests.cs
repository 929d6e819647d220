using RootCause.Agent.Identity;

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
        Assert.Equal(new ServiceIdentity("checkout", "checkout@n1:7", "mapping"), id);
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
        Assert.Equal(new ServiceIdentity("redis-server", "redis-server@n1:4f1a2b3c4d5e", "container"), id);
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
}
