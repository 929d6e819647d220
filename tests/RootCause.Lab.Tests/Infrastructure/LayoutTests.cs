namespace RootCause.Lab.Tests.Infrastructure;

public sealed class LayoutTests
{
    [Fact]
    public void Every_member_has_its_own_address_namespace_and_host_link_within_the_interface_name_limit()
    {
        Assert.Equal(LabLayout.Members.Count, LabLayout.Members.Select(m => m.Address).Distinct().Count());
        Assert.Equal(LabLayout.Members.Count, LabLayout.Members.Select(m => m.HostLink).Append(LabLayout.BridgeName).Distinct().Count() - 1);
        Assert.All(LabLayout.Members, m => Assert.InRange(m.HostLink.Length, 1, 15));
        Assert.All(LabLayout.Members, m => Assert.StartsWith("rclab", m.HostLink, StringComparison.Ordinal));
        Assert.Equal("rclab-catalogdb", LabLayout.CatalogDb.HostLink);
        Assert.Equal("rclab-cartcache", LabLayout.CartCache.HostLink);
        Assert.Equal("rclab-checkout", LabLayout.Checkout.HostLink);
        Assert.Equal("rclab-catalog-db", LabLayout.CatalogDb.Namespace);
        Assert.Equal("rclab/catalog-db", LabLayout.CatalogDb.Cgroup);
    }

    [Fact]
    public void A_link_is_read_in_any_of_its_spellings_and_an_unknown_call_names_the_real_ones()
    {
        Assert.Equal(LabLayout.Link("checkout -> payment"), LabLayout.Link("checkout->payment"));
        Assert.Equal(LabLayout.Link("checkout -> payment"), LabLayout.Link("checkout → payment"));
        Assert.Equal("checkout -> payment", LabLayout.Link("checkout->payment").ToString());

        var error = Assert.Throws<ArgumentException>(() => LabLayout.Link("payment -> gateway"));
        Assert.StartsWith("payment does not call gateway; links: load -> gateway, gateway -> catalog", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LabLayout.Member("billing"));
    }

    [Fact]
    public void The_mapping_file_puts_the_data_stores_before_the_services_whose_cgroup_names_they_contain()
    {
        var lines = AgentMappingFile.Render().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();

        Assert.Equal(LabLayout.Members.Count, lines.Length);
        Assert.Contains("catalog-db cgroup=rclab/catalog-db kind=database", lines);
        Assert.Contains("cart-cache cgroup=rclab/cart-cache kind=cache", lines);
        Assert.Contains("gateway cgroup=rclab/gateway", lines);

        // First match wins and matching is by substring: "rclab/cart" must not catch cart-cache's processes.
        foreach (var member in LabLayout.Members)
        {
            var first = lines.First(l => $"/{member.Cgroup}".Contains(l.Split(' ')[1]["cgroup=".Length..], StringComparison.Ordinal));
            Assert.StartsWith(member.Name + " ", first, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_role_gets_the_upstreams_and_data_store_of_the_contract()
    {
        Assert.Equal(
            ["svc.dll", "--role", "gateway", "--control", "c.json", "--listen", "10.231.0.10:8080",
             "--upstream", "catalog=http://10.231.0.11:8080", "--upstream", "cart=http://10.231.0.12:8080", "--upstream", "checkout=http://10.231.0.13:8080"],
            ServiceCommands.Arguments(LabLayout.Gateway, "svc.dll", "c.json", 20));
        Assert.Equal(
            ["svc.dll", "--role", "checkout", "--control", "c.json", "--listen", "10.231.0.13:8080",
             "--upstream", "cart=http://10.231.0.12:8080", "--upstream", "payment=http://10.231.0.14:8080"],
            ServiceCommands.Arguments(LabLayout.Checkout, "svc.dll", "c.json", 20));
        Assert.Equal(
            ["svc.dll", "--role", "catalog", "--control", "c.json", "--listen", "10.231.0.11:8080",
             "--postgres", "Host=10.231.0.20;Port=5432;Username=catalog;Password=catalog;Database=shop"],
            ServiceCommands.Arguments(LabLayout.Catalog, "svc.dll", "c.json", 20));
        Assert.Equal(
            ["svc.dll", "--role", "cart", "--control", "c.json", "--listen", "10.231.0.12:8080", "--redis", "10.231.0.21:6379"],
            ServiceCommands.Arguments(LabLayout.Cart, "svc.dll", "c.json", 20));
        Assert.Equal(
            ["svc.dll", "--role", "load", "--control", "c.json", "--target", "http://10.231.0.10:8080", "--rate", "12.5"],
            ServiceCommands.Arguments(LabLayout.Load, "svc.dll", "c.json", 12.5));
    }

    [Fact]
    public void Every_fault_of_the_catalogue_names_targets_that_exist_and_repeats_take_them_in_turn()
    {
        Assert.Equal(
            ["packet_loss", "link_latency", "cpu_saturation", "memory_pressure", "slow_database", "error_burst", "service_down", "slow_service"],
            LabFaultCatalog.All.Select(f => f.Name));
        foreach (var fault in LabFaultCatalog.All)
        {
            Assert.NotEmpty(fault.Targets);
            foreach (var target in fault.Targets)
            {
                var name = fault.TargetsLinks ? LabLayout.Link(target).ToString() : LabLayout.Member(target).Name;
                Assert.Equal(target, name);
            }
        }

        Assert.Equal("connection_failures", LabFaultCatalog.Get("service_down").ExpectedClass);
        Assert.Equal(["gateway -> cart", "gateway -> catalog", "catalog -> catalog-db"], Enumerable.Range(0, 3).Select(r => LabFaultCatalog.TargetFor("packet_loss", r)));
        Assert.Equal("catalog-db", LabFaultCatalog.TargetFor("slow_database", 2));
        Assert.Throws<ArgumentException>(() => LabFaultCatalog.Get("disk_full"));
    }
}
