using RootCause.Contracts;

namespace RootCause.Simulation;

/// <summary>A resolved fault: its kind, the indices it hits, the intervals it spans and its strength.</summary>
internal sealed record FaultPlan(FaultKind Kind, EntityRef Target, int StartIndex, int EndIndex, double Intensity, double StepMinutes)
{
    /// <summary>Leak-to-limit time on first onset, and after each restart (a warmed-up leak refills faster).</summary>
    private const double FirstFillMinutes = 8;
    private const double RefillMinutes = 5;
    private const double RestartFraction = 0.3;

    public int Service { get; init; } = -1;

    public int Instance { get; init; } = -1;

    public int Node { get; init; } = -1;

    public int EdgeSource { get; init; } = -1;

    public int EdgeDestination { get; init; } = -1;

    public bool ActiveAt(int t) => t >= StartIndex && t < EndIndex;

    /// <summary>Packet loss probability on the link from instance <paramref name="i"/> to instance <paramref name="j"/>.</summary>
    public double LossBetween(World world, int i, int j)
    {
        if (Kind != FaultKind.NetworkLoss)
        {
            return 0;
        }

        var p = Math.Min(0.5, 0.12 * Intensity);
        if (Node >= 0)
        {
            // A node's uplink: only traffic that leaves or enters the node crosses it.
            var a = world.Instances[i].Node;
            var b = world.Instances[j].Node;
            return a != b && (a == Node || b == Node) ? p : 0;
        }

        return i == EdgeSource && j == EdgeDestination ? p : 0;
    }

    /// <summary>Memory of the leaking instance at the end of interval <paramref name="t"/>, and OOM kills within it.</summary>
    public (double Fraction, int OomKills) Memory(int t, double baseFraction)
    {
        var first = FirstFillMinutes / Intensity;
        var refill = Math.Max(1, RefillMinutes / Intensity);
        var from = (t - StartIndex) * StepMinutes;
        var to = from + StepMinutes;
        var kills = 0;
        for (var crossing = first; crossing <= to; crossing += refill)
        {
            if (crossing > from)
            {
                kills++;
            }
        }

        var fraction = to < first
            ? baseFraction + ((1 - baseFraction) * to / first)
            : RestartFraction + ((1 - RestartFraction) * ((to - first) % refill) / refill);
        return (Math.Min(fraction, 0.995), kills);
    }

    /// <summary>The interval where the fault shows most: the first OOM kill for a leak, the first interval otherwise.</summary>
    public int PeakIndex => Kind == FaultKind.MemoryPressure
        ? Math.Min(EndIndex - 1, StartIndex + (int)Math.Ceiling(FirstFillMinutes / Intensity / StepMinutes) - 1)
        : StartIndex;
}
