using System.Globalization;
using RootCause.Lab.Runs;

namespace RootCause.Lab;

/// <summary>
/// link_latency on one link: in the destination's namespace, tc htb on eth0 sends the traffic towards the caller's
/// address through a class with a low rate and a bounded pfifo queue, while everything else takes an unlimited
/// default class. Under the lab's load the responses queue up (latency rises), and past the queue they drop.
/// </summary>
internal sealed class LinkLatencyFault : LabFault
{
    /// <summary>Bucket size of the shaped class: about one MTU-sized packet, so larger responses wait for tokens.</summary>
    private const string Burst = "2k";

    private readonly LabLink link;
    private readonly int rateKbit;
    private readonly int queuePackets;
    private bool installed;

    public LinkLatencyFault(LabLink link, int rateKbit, int queuePackets, TimeProvider time)
        : base(LabFaultCatalog.LinkLatency, link.ToString(), ExpectedEntity.OfLink(link.Source.Name, link.Destination.Name), time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rateKbit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queuePackets);
        this.link = link;
        this.rateKbit = rateKbit;
        this.queuePackets = queuePackets;
    }

    public override string Description =>
        $"{link.Destination.Name}'s traffic to {link.Source.Name} ({link.Source.Address}) shaped to {rateKbit} kbit/s with a {queuePackets}-packet queue (tc htb on eth0 in {link.Destination.Namespace})";

    private protected override async Task ApplyCoreAsync(CancellationToken cancellationToken)
    {
        var ns = link.Destination.Namespace;
        var current = await LabNetwork.ExecAsync(ns, ["tc", "qdisc", "show", "dev", "eth0"], cancellationToken);
        if (current.Contains("htb", StringComparison.Ordinal))
        {
            throw new LabException($"eth0 in {ns} already has an htb qdisc: another network fault is on {link.Destination.Name}");
        }

        // From here on the root qdisc is ours to delete, also when a later tc step fails.
        installed = true;
        var rate = $"{rateKbit.ToString(CultureInfo.InvariantCulture)}kbit";
        await Tc(ns, cancellationToken, "qdisc", "add", "dev", "eth0", "root", "handle", "1:", "htb", "default", "20");
        await Tc(ns, cancellationToken, "class", "add", "dev", "eth0", "parent", "1:", "classid", "1:10", "htb", "rate", rate, "ceil", rate, "burst", Burst, "cburst", Burst, "quantum", "1514");
        await Tc(ns, cancellationToken, "qdisc", "add", "dev", "eth0", "parent", "1:10", "handle", "10:", "pfifo", "limit", queuePackets.ToString(CultureInfo.InvariantCulture));
        await Tc(ns, cancellationToken, "class", "add", "dev", "eth0", "parent", "1:", "classid", "1:20", "htb", "rate", "10gbit", "quantum", "200000");
        await Tc(ns, cancellationToken, "filter", "add", "dev", "eth0", "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip", "dst", $"{link.Source.Address}/32", "flowid", "1:10");
    }

    private protected override async Task RemoveCoreAsync(CancellationToken cancellationToken)
    {
        if (installed)
        {
            await NetworkFaults.DeleteRootQdiscAsync(link.Destination.Namespace, cancellationToken);
            installed = false;
        }
    }

    private static Task<string> Tc(string ns, CancellationToken cancellationToken, params string[] arguments) =>
        LabNetwork.ExecAsync(ns, ["tc", .. arguments], cancellationToken);
}
