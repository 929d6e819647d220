using System.Globalization;

namespace RootCause.Lab;

/// <summary>
/// The lab's L2 network: the bridge on the host with the host's address, and per member a network namespace whose
/// eth0 (one end of a veth pair, the other enslaved to the bridge) has the member's address and lo is up. The
/// subnet's route (from the address) reaches every member and the host; there is deliberately no default route,
/// so a lookup of anything outside (a reverse DNS query by a server at start) fails at once instead of timing out.
/// One bridge, so no IP forwarding is needed.
/// </summary>
internal static class LabNetwork
{
    public static async Task CreateBridgeAsync(CancellationToken cancellationToken)
    {
        await Ip(cancellationToken, "link", "add", LabLayout.BridgeName, "type", "bridge");
        await Ip(cancellationToken, "addr", "add", $"{LabLayout.BridgeAddress}/{LabLayout.SubnetPrefixLength}", "dev", LabLayout.BridgeName);
        await Ip(cancellationToken, "link", "set", LabLayout.BridgeName, "up");
    }

    public static async Task AddMemberAsync(LabMember member, CancellationToken cancellationToken)
    {
        var ns = member.Namespace;
        await Ip(cancellationToken, "netns", "add", ns);
        await Ip(cancellationToken, "link", "add", member.HostLink, "type", "veth", "peer", "name", "eth0", "netns", ns);
        await Ip(cancellationToken, "link", "set", member.HostLink, "master", LabLayout.BridgeName, "up");
        await Ip(cancellationToken, "-n", ns, "addr", "add", $"{member.Address}/{LabLayout.SubnetPrefixLength}", "dev", "eth0");
        await Ip(cancellationToken, "-n", ns, "link", "set", "lo", "up");
        await Ip(cancellationToken, "-n", ns, "link", "set", "eth0", "up");
    }

    /// <summary>Deletes the member's namespace and its veth; tolerates either being gone already.</summary>
    public static async Task RemoveMemberAsync(LabMember member, CancellationToken cancellationToken)
    {
        await DeleteNamespaceAsync(member.Namespace, cancellationToken);
        await DeleteLinkAsync(member.HostLink, cancellationToken);
    }

    public static Task RemoveBridgeAsync(CancellationToken cancellationToken) => DeleteLinkAsync(LabLayout.BridgeName, cancellationToken);

    public static async Task DeleteNamespaceAsync(string name, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("ip", ["netns", "delete", name], cancellationToken);
        if (!result.Succeeded && !(await NamespacesAsync(cancellationToken)).Contains(name, StringComparer.Ordinal))
        {
            return;
        }

        if (!result.Succeeded)
        {
            throw new LabCommandException(result.CommandLine, result.ExitCode, result.StandardError.Trim(), $"failed with exit code {result.ExitCode}");
        }
    }

    public static async Task DeleteLinkAsync(string name, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("ip", ["link", "delete", name], cancellationToken);
        if (!result.Succeeded && (await LinksAsync(cancellationToken)).Contains(name, StringComparer.Ordinal))
        {
            throw new LabCommandException(result.CommandLine, result.ExitCode, result.StandardError.Trim(), $"failed with exit code {result.ExitCode}");
        }
    }

    /// <summary>Names of the host's network namespaces (`ip netns list`).</summary>
    public static async Task<IReadOnlyList<string>> NamespacesAsync(CancellationToken cancellationToken)
    {
        var output = await ProcessRunner.RunCheckedAsync("ip", ["netns", "list"], cancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(' ', 2)[0])
            .ToArray();
    }

    /// <summary>Names of the host's links (`ip -o link show`), without the "@peer" suffix.</summary>
    public static async Task<IReadOnlyList<string>> LinksAsync(CancellationToken cancellationToken)
    {
        var output = await ProcessRunner.RunCheckedAsync("ip", ["-o", "link", "show"], cancellationToken);
        var names = new List<string>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // "7: rclab-tb@if2: <BROADCAST,...> ..."
            var fields = line.Split(':', 3);
            if (fields.Length >= 2 && int.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                names.Add(fields[1].Trim().Split('@')[0]);
            }
        }

        return names;
    }

    /// <summary>Pids of the processes in a named network namespace (`ip netns pids`); empty when it is gone.</summary>
    public static async Task<IReadOnlyList<int>> PidsAsync(string name, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("ip", ["netns", "pids", name], cancellationToken);
        return result.Succeeded
            ? result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : -1)
                .Where(p => p > 0)
                .ToArray()
            : [];
    }

    /// <summary>Runs a command inside a member's namespace and returns its stdout (checked, bounded).</summary>
    public static Task<string> ExecAsync(string ns, IReadOnlyList<string> command, CancellationToken cancellationToken, string? standardInput = null, TimeSpan? timeout = null) =>
        ProcessRunner.RunCheckedAsync("ip", ["netns", "exec", ns, .. command], cancellationToken, timeout, standardInput);

    private static Task<string> Ip(CancellationToken cancellationToken, params string[] arguments) =>
        ProcessRunner.RunCheckedAsync("ip", arguments, cancellationToken);
}
