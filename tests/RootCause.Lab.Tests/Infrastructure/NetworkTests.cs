namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class NetworkTests
{
    [LabHostFact]
    public async Task Two_namespaces_reach_each_other_over_tcp_and_teardown_leaves_nothing()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        try
        {
            var server = await LabHost.StartHttpServerAsync(lab, LabLayout.Payment, work);

            // The server runs in payment's namespace and cgroup from its first instruction.
            Assert.Contains(server.Id, lab.Cgroups.Member("payment").ProcessIds());
            var identified = await ProcessRunner.RunCheckedAsync("ip", ["netns", "identify", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], CancellationToken.None);
            Assert.Equal("rclab-payment", identified.Trim());

            var probe = await LabHost.ProbeAsync(LabLayout.Checkout, $"{LabLayout.Payment.BaseUrl}/", 5, 2);
            Assert.Equal(new ProbeResult(5, 0, 0, probe.MeanSeconds, probe.MaxSeconds), probe);
        }
        finally
        {
            var problems = await lab.StopAsync();
            Assert.Empty(problems);
            Directory.Delete(work, recursive: true);
        }

        Assert.Empty(await LabCleanup.FindLeftoversAsync());
    }

    [LabHostFact]
    public async Task Stopping_twice_returns_the_first_result_and_leaves_nothing()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = await LabHost.StartNetworkAsync(work);
        Assert.True(lab.IsStarted);
        Assert.True(File.Exists(lab.MappingFilePath));

        var first = lab.StopAsync();
        var second = lab.StopAsync();
        Assert.Same(first, second);
        Assert.Empty(await first);
        await lab.DisposeAsync();
        Assert.False(lab.IsStarted);
        Assert.Empty(await LabCleanup.FindLeftoversAsync());
        Directory.Delete(work, recursive: true);
    }

    [LabHostFact]
    public async Task A_start_cancelled_half_way_tears_down_what_it_built()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        var lines = new List<string>();
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(line =>
        {
            lines.Add(line);
            if (line.StartsWith("network:", StringComparison.Ordinal))
            {
                // Like Ctrl-C after the namespaces exist and before the cgroups do.
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => lab.StartAsync(new LabOptions { StartDataStores = false, StartServices = false, WorkDirectory = work }, progress, cancel.Token));

        Assert.Empty(lab.TeardownProblems);
        Assert.Empty(await LabCleanup.FindLeftoversAsync());
        Assert.Contains(lines, l => l.StartsWith("teardown: delete namespace rclab-load", StringComparison.Ordinal));
        Directory.Delete(work, recursive: true);
    }
}
