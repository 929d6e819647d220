namespace RootCause.Lab;

/// <summary>
/// Keeps the host's firewall from dropping the lab's traffic. With br_netfilter loaded and
/// net.bridge.bridge-nf-call-iptables = 1, frames bridged between two namespaces pass the host's iptables FORWARD
/// chain, which is DROP on hosts that run Docker. When an iptables binary exists, the lab inserts ACCEPT rules for
/// its bridge at the top of FORWARD and INPUT, tagged with the comment "rclab", and deletes them at teardown.
/// (Another nftables table's drop policy cannot be overridden from a table of ours: an accept ends only one chain.)
/// </summary>
internal static class HostFirewall
{
    public const string Comment = LabLayout.Prefix;

    private const string BridgeCallIptables = "/proc/sys/net/bridge/bridge-nf-call-iptables";

    private static readonly string[] IptablesPaths = ["/usr/sbin/iptables", "/sbin/iptables", "/usr/bin/iptables"];

    private static readonly string[] Chains = ["FORWARD", "INPUT"];

    private static readonly string[][] Rules =
    [
        ["FORWARD", "-i", LabLayout.BridgeName, "-o", LabLayout.BridgeName, "-m", "comment", "--comment", Comment, "-j", "ACCEPT"],
        ["INPUT", "-i", LabLayout.BridgeName, "-m", "comment", "--comment", Comment, "-j", "ACCEPT"],
    ];

    /// <summary>Whether bridged frames pass the host's iptables chains (br_netfilter loaded and switched on).</summary>
    public static bool BridgedTrafficIsFiltered() =>
        File.Exists(BridgeCallIptables) && File.ReadAllText(BridgeCallIptables).Trim() == "1";

    /// <summary>The iptables binary, or null when the host has none (then nothing in iptables can drop the lab's traffic).</summary>
    public static string? Iptables() => IptablesPaths.FirstOrDefault(File.Exists);

    /// <summary>Inserts the ACCEPT rules; returns whether it did (false without iptables).</summary>
    public static async Task<bool> OpenAsync(CancellationToken cancellationToken)
    {
        if (Iptables() is not { } iptables)
        {
            return false;
        }

        foreach (var rule in Rules)
        {
            await ProcessRunner.RunCheckedAsync(iptables, ["-w", "5", "-I", rule[0], "1", .. rule[1..]], cancellationToken);
        }

        return true;
    }

    /// <summary>Deletes every rule tagged "rclab" from FORWARD and INPUT (also those of a crashed run).</summary>
    public static async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (Iptables() is not { } iptables)
        {
            return;
        }

        foreach (var rule in await TaggedRulesAsync(cancellationToken))
        {
            // "-A FORWARD -i rclab-br0 ..." becomes "-D FORWARD -i rclab-br0 ...".
            var words = SplitRule(rule);
            await ProcessRunner.RunCheckedAsync(iptables, ["-w", "5", "-D", .. words[1..]], cancellationToken);
        }
    }

    /// <summary>The rules tagged "rclab" as `iptables -S` prints them.</summary>
    public static async Task<IReadOnlyList<string>> TaggedRulesAsync(CancellationToken cancellationToken)
    {
        if (Iptables() is not { } iptables)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var chain in Chains)
        {
            var result = await ProcessRunner.RunAsync(iptables, ["-w", "5", "-S", chain], cancellationToken);
            found.AddRange(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.StartsWith("-A ", StringComparison.Ordinal) && line.Contains($"--comment {Comment} ", StringComparison.Ordinal)));
        }

        return found;
    }

    private static string[] SplitRule(string rule) =>
        rule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('"')).ToArray();
}
