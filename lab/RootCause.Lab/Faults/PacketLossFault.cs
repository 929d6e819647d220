using System.Globalization;
using System.Text.RegularExpressions;
using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// packet_loss on one link: in the destination's namespace, an nftables input rule drops a random share of the
/// packets that come from the caller's address (numgen random), so the caller's connects and requests retransmit,
/// time out or fail. Other callers of the destination are untouched.
/// </summary>
internal sealed partial class PacketLossFault : LabFault
{
    private readonly LabLink link;
    private readonly int percent;
    private bool installed;

    public PacketLossFault(LabLink link, int percent, TimeProvider time)
        : base(LabFaultCatalog.PacketLoss, link.ToString(), ExpectedEntity.OfLink(link.Source.Name, link.Destination.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        this.link = link;
        this.percent = percent;
    }

    public override string Description =>
        $"{percent} % of the packets from {link.Source.Name} ({link.Source.Address}) dropped on arrival at {link.Destination.Name} (nft table inet {LabLayout.FaultTable} in {link.Destination.Namespace})";

    /// <summary>Packets the rule has dropped so far (its counter); 0 when it is not there.</summary>
    public async Task<long> DroppedPacketsAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("ip", ["netns", "exec", link.Destination.Namespace, "nft", "list", "table", "inet", LabLayout.FaultTable], cancellationToken);
        var match = CounterPattern().Match(result.StandardOutput);
        return match.Success ? long.Parse(match.Groups["packets"].Value, CultureInfo.InvariantCulture) : 0;
    }

    private protected override async Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        var ns = link.Destination.Namespace;
        var existing = await ProcessRunner.RunAsync("ip", ["netns", "exec", ns, "nft", "list", "table", "inet", LabLayout.FaultTable], cancellationToken);
        if (existing.Succeeded)
        {
            throw new LabException($"{ns} already has nft table inet {LabLayout.FaultTable}: another network fault is on {link.Destination.Name}");
        }

        // From here on the table is ours to delete (nft -f is one transaction: all of it or nothing).
        installed = true;
        var ruleset =
            $"table inet {LabLayout.FaultTable} {{\n" +
            "  chain input {\n" +
            "    type filter hook input priority filter; policy accept;\n" +
            $"    ip saddr {link.Source.Address} numgen random mod 100 < {percent.ToString(CultureInfo.InvariantCulture)} counter drop\n" +
            "  }\n" +
            "}\n";
        await LabNetwork.ExecAsync(ns, ["nft", "-f", "-"], cancellationToken, ruleset);
    }

    private protected override async Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        if (installed)
        {
            await NetworkFaults.DeleteTableAsync(link.Destination.Namespace, cancellationToken);
            installed = false;
        }
    }

    [GeneratedRegex(@"counter packets (?<packets>\d+)")]
    private static partial Regex CounterPattern();
}
