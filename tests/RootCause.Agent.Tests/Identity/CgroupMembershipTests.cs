using RootCause.Agent.Identity;

namespace RootCause.Agent.Tests.Identity;

public sealed class CgroupMembershipTests
{
    [Fact]
    public void A_hybrid_hosts_lines_give_each_v1_controller_its_own_path()
    {
        // This machine's layout: cpu and cpuacct are separate hierarchies, v2 holds nothing.
        var membership = CgroupMembership.Parse([
            "9:name=systemd:/", "4:memory:/rclab/catalog", "2:cpuacct:/rclab/catalog", "1:cpu:/rclab/catalog-quota", "0::/",
        ]);
        Assert.Equal(new CgroupMembership("/", "/rclab/catalog", "/rclab/catalog-quota", "/rclab/catalog"), membership);
    }

    [Fact]
    public void Co_mounted_cpu_and_cpuacct_share_one_path()
    {
        var membership = CgroupMembership.Parse(["6:cpu,cpuacct:/docker/abc", "5:memory:/docker/abc"]);
        Assert.Equal(new CgroupMembership(null, "/docker/abc", "/docker/abc", "/docker/abc"), membership);
    }

    [Fact]
    public void A_v2_only_host_has_just_the_unified_path()
    {
        var membership = CgroupMembership.Parse(["0::/rclab/gateway"]);
        Assert.Equal((new CgroupMembership("/rclab/gateway", null, null, null), false), (membership, membership!.IsRoot));
    }

    [Fact]
    public void Garbage_lines_are_skipped_and_nothing_usable_is_null()
    {
        Assert.Null(CgroupMembership.Parse(["", "garbage", "3:cpuset:/x", "1:cpu:relative"]));
        Assert.True(CgroupMembership.Parse(["0::/", "1:cpu:/"])!.IsRoot);
    }
}
