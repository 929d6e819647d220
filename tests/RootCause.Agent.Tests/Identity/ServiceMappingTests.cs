using RootCause.Agent.Identity;
using RootCause.Contracts;

namespace RootCause.Agent.Tests.Identity;

public sealed class ServiceMappingTests
{
    private static ProcessInfo InCgroup(string path, string comm = "x") => new(1, comm, [], path);

    [Fact]
    public void The_labs_mapping_file_reads_with_kinds_and_without()
    {
        var mapping = ServiceMapping.Parse(
            "gateway cgroup=rclab/gateway\ncatalog-db cgroup=rclab/catalog-db kind=database\ncart-cache cgroup=rclab/cart-cache kind=cache\n", "lab.map");

        Assert.Equal(
            [
                new ServiceMappingRule("gateway", "cgroup", "rclab/gateway"),
                new ServiceMappingRule("catalog-db", "cgroup", "rclab/catalog-db", ServiceKind.Database),
                new ServiceMappingRule("cart-cache", "cgroup", "rclab/cart-cache", ServiceKind.Cache),
            ],
            mapping.Rules);
    }

    [Fact]
    public void A_command_line_value_keeps_its_spaces_and_the_kind_is_the_last_word()
    {
        var rule = Assert.Single(ServiceMapping.Parse("queue cmdline=--broker --port 5672  kind=queue   # the broker", "m").Rules);
        Assert.Equal(("cmdline", "--broker --port 5672", ServiceKind.Queue), (rule.Key, rule.Value, rule.Kind));
    }

    [Theory]
    [InlineData("db cgroup=rclab/db kind=databse", "m.map:2: kind must be one of service, database, cache, queue, external, got \"databse\"")]
    [InlineData("db cgroup=rclab/db kind=", "m.map:2: kind must be one of service, database, cache, queue, external, got \"\"")]
    [InlineData("db kind=database", "m.map:2: key must be one of comm, cmdline, cgroup with a value, got \"kind\"")]
    [InlineData("db", "m.map:2: expected \"<service> <key>=<value> [kind=<kind>]\", got \"db\"")]
    [InlineData("db cgroup=/", "m.map:2: a cgroup value names path segments (\"rclab/cart\"), got \"/\"")]
    [InlineData("db port=5432", "m.map:2: key must be one of comm, cmdline, cgroup with a value, got \"port\"")]
    public void Errors_name_the_file_and_line(string line, string message) =>
        Assert.Equal(message, Assert.Throws<FormatException>(() => ServiceMapping.Parse("ok comm=a\n" + line + "\n", "m.map")).Message);

    [Theory]
    [InlineData("/rclab/cart", true)]
    [InlineData("/rclab/cart/worker", true)]
    [InlineData("/system.slice/rclab/cart", true)]
    [InlineData("/rclab/cart-cache", false)]
    [InlineData("/rclab/shopping-cart", false)]
    [InlineData("/xrclab/cart", false)]
    public void A_cgroup_rule_matches_whole_path_segments(string path, bool matches) =>
        Assert.Equal(matches, new ServiceMappingRule("cart", "cgroup", "rclab/cart").Matches(InCgroup(path)));

    [Fact]
    public void Cart_and_cart_cache_do_not_capture_each_other_whatever_their_order()
    {
        var mapping = ServiceMapping.Parse("cart cgroup=rclab/cart\ncart-cache cgroup=rclab/cart-cache kind=cache\n", "m");
        Assert.Equal("cart-cache", mapping.Match(InCgroup("/rclab/cart-cache"))!.Service);
        Assert.Equal("cart", mapping.Match(InCgroup("/rclab/cart"))!.Service);
    }
}
