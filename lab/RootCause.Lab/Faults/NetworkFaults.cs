namespace RootCause.Lab;

/// <summary>Removal shared by the network faults: each tolerates the object being gone already (a half-applied fault).</summary>
internal static class NetworkFaults
{
    public static async Task DeleteTableAsync(string ns, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("ip", ["netns", "exec", ns, "nft", "delete", "table", "inet", LabLayout.FaultTable], cancellationToken);
        if (!result.Succeeded && !result.StandardError.Contains("No such file or directory", StringComparison.Ordinal))
        {
            throw new LabCommandException(result.CommandLine, result.ExitCode, result.StandardError.Trim(), $"failed with exit code {result.ExitCode}");
        }
    }

    public static async Task DeleteRootQdiscAsync(string ns, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("ip", ["netns", "exec", ns, "tc", "qdisc", "del", "dev", "eth0", "root"], cancellationToken);
        if (result.Succeeded)
        {
            return;
        }

        // Deleting the default qdisc fails ("Cannot delete qdisc with handle of zero"): then nothing of ours is there.
        var left = await LabNetwork.ExecAsync(ns, ["tc", "qdisc", "show", "dev", "eth0"], cancellationToken);
        if (left.Contains("htb", StringComparison.Ordinal))
        {
            throw new LabCommandException(result.CommandLine, result.ExitCode, result.StandardError.Trim(), $"failed with exit code {result.ExitCode}");
        }
    }
}
