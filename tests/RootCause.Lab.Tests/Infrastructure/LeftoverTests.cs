using System.Globalization;

namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class LeftoverTests
{
    [LabHostFact]
    public async Task The_leftovers_check_finds_a_planted_namespace_and_the_cleanup_removes_it_with_its_process()
    {
        LabHost.Require();
        await ProcessRunner.RunCheckedAsync("ip", ["netns", "add", "rclab-planted"], CancellationToken.None);
        var sleeper = ProcessRunner.Start("ip", ["netns", "exec", "rclab-planted", "sleep", "600"]);
        try
        {
            await WaitUntil(async () => (await LabNetwork.PidsAsync("rclab-planted", CancellationToken.None)).Contains(sleeper.Id));

            var found = await LabCleanup.FindLeftoversAsync();

            Assert.Contains(new LabLeftover("namespace", "rclab-planted"), found);
            Assert.Contains(found, l => l.Kind == "process" && l.Name.StartsWith(sleeper.Id.ToString(CultureInfo.InvariantCulture) + " (sleep 600", StringComparison.Ordinal));

            var report = await LabCleanup.RemoveLeftoversAsync();

            Assert.True(report.IsClean, report.ToString());
            Assert.True(sleeper.WaitForExit(5000));
            Assert.Empty(await LabCleanup.FindLeftoversAsync());
        }
        finally
        {
            LabHost.Kill(sleeper);
            await ProcessRunner.RunAsync("ip", ["netns", "delete", "rclab-planted"], CancellationToken.None);
        }
    }

    [LabHostFact]
    public async Task The_cleanup_removes_a_crashed_runs_link_nftables_table_and_cgroup_with_its_process()
    {
        LabHost.Require();
        await ProcessRunner.RunCheckedAsync("ip", ["link", "add", "rclab-planted0", "type", "bridge"], CancellationToken.None);
        await ProcessRunner.RunCheckedAsync("nft", ["add", "table", "inet", "rclab_planted"], CancellationToken.None);
        var cgroup = LabCgroups.Discover();
        cgroup.CreateRoot();
        var member = cgroup.Member("planted");
        member.Create();
        var sleeper = MemberLauncher.Start(new MemberCommand("planted", "sleep", ["600"], null, member.ProcsFiles, "/dev/null"));
        try
        {
            await WaitUntil(() => Task.FromResult(member.ProcessIds().Contains(sleeper.Id)));
            var found = await LabCleanup.FindLeftoversAsync();
            Assert.Contains(new LabLeftover("link", "rclab-planted0"), found);
            Assert.Contains(new LabLeftover("nftables table", "inet rclab_planted"), found);
            Assert.Contains(found, l => l.Kind == "cgroup" && l.Name.EndsWith("/rclab/planted", StringComparison.Ordinal));
            Assert.Contains(found, l => l.Kind == "process" && l.Name.StartsWith(sleeper.Id.ToString(CultureInfo.InvariantCulture) + " ", StringComparison.Ordinal));

            var report = await LabCleanup.RemoveLeftoversAsync();

            Assert.True(report.IsClean, report.ToString());
            Assert.True(sleeper.WaitForExit(5000));
            Assert.False(member.Exists);
        }
        finally
        {
            LabHost.Kill(sleeper);
            await LabCleanup.RemoveLeftoversAsync();
        }
    }

    [LabHostFact]
    public async Task The_static_cleanup_stops_a_running_lab_of_this_process_as_a_sigint_handler_would_and_leaves_nothing()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        await lab.StartAsync(new LabOptions { StartServices = false, WorkDirectory = work }, null, CancellationToken.None);
        var postgres = lab.ProcessStatus().Single(s => s.Member == "catalog-db").Pid!.Value;

        var report = await LabCleanup.RemoveLeftoversAsync();

        Assert.True(report.IsClean, report.ToString());
        Assert.False(lab.IsStarted);
        Assert.All(lab.ProcessStatus(), s => Assert.Null(s.Pid));
        Assert.False(Directory.Exists($"/proc/{postgres}"));
        await Task.Delay(1500);
        Assert.Empty(await LabCleanup.FindLeftoversAsync());
        Assert.Empty(await lab.StopAsync());
        await lab.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100 && !await condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(await condition());
    }
}
