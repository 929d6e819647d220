namespace RootCause.Contracts;

/// <summary>The fixed latency histogram layout shared by every producer and consumer of <see cref="RequestStats"/>.</summary>
public static class LatencyBuckets
{
    /// <summary>Upper bounds in seconds; the last bucket is unbounded.</summary>
    public static IReadOnlyList<double> UpperBounds { get; } =
    [
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, double.PositiveInfinity,
    ];

    public static int Count => UpperBounds.Count;

    /// <summary>Index of the bucket that holds a latency.</summary>
    public static int IndexOf(double seconds)
    {
        for (var i = 0; i < UpperBounds.Count; i++)
        {
            if (seconds <= UpperBounds[i])
            {
                return i;
            }
        }

        return UpperBounds.Count - 1;
    }
}
