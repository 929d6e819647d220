using System.Globalization;

namespace RootCause.Lab.Tests.Infrastructure;

[Collection(OneLabAtATime.Name)]
public sealed class DataStoreTests
{
    [LabHostFact]
    public async Task PostgreSQL_and_Redis_start_in_their_namespaces_and_cgroups_and_answer_over_the_bridge()
    {
        LabHost.Require();
        var work = LabHost.NewWorkDirectory();
        var lab = new LabEnvironment();
        try
        {
            await lab.StartAsync(new LabOptions { StartServices = false, WorkDirectory = work }, null, CancellationToken.None);

            // The catalog's credentials work over TCP from catalog's namespace, as Npgsql will use them.
            var user = await LabNetwork.ExecAsync(
                LabLayout.Catalog.Namespace,
                [Path.Combine(PostgresServer.FindBinaries(), "psql"), "-X", "-A", "-t", "-c", "SELECT current_user || ' ' || current_database()",
                 $"host={LabLayout.CatalogDb.Address} port=5432 user=catalog password=catalog dbname=shop"],
                CancellationToken.None);
            Assert.Equal("catalog shop", user.Trim());

            var pong = await LabNetwork.ExecAsync(LabLayout.Cart.Namespace, ["redis-cli", "-h", LabLayout.CartCache.Address.ToString(), "-p", "6379", "PING"], CancellationToken.None);
            Assert.Equal("PONG", pong.Trim());

            var status = lab.ProcessStatus().ToDictionary(s => s.Member);
            Assert.Equal(0, status["catalog-db"].Restarts);
            Assert.Equal(0, status["cart-cache"].Restarts);
            foreach (var (member, ns) in new[] { ("catalog-db", "rclab-catalog-db"), ("cart-cache", "rclab-cart-cache") })
            {
                var pid = status[member].Pid!.Value;
                var identified = await ProcessRunner.RunCheckedAsync("ip", ["netns", "identify", pid.ToString(CultureInfo.InvariantCulture)], CancellationToken.None);
                Assert.Equal(ns, identified.Trim());
                Assert.Contains(pid, lab.Cgroups.Member(member).ProcessIds());
            }

            // PostgreSQL's forked processes (checkpointer, writer, the session's backend) inherited its cgroup.
            Assert.True(lab.Cgroups.Member("catalog-db").ProcessIds().Count >= 4, string.Join(", ", lab.Cgroups.Member("catalog-db").ProcessIds()));
        }
        finally
        {
            Assert.Empty(await lab.StopAsync());
            Directory.Delete(work, recursive: true);
        }

        Assert.Empty(await LabCleanup.FindLeftoversAsync());
    }
}
