namespace RootCause.Server.Telemetry;

/// <summary>What GET /metrics shows: every golden series in ordinal label order, and how much the limits refused.</summary>
/// <param name="Server">Server-side series (peer = caller).</param>
/// <param name="Client">Client-side series (peer = callee).</param>
/// <param name="RefusedSamples">Samples of new series refused because a limit was reached, since start.</param>
internal sealed record GoldenMetricsSnapshot(IReadOnlyList<GoldenSeriesValues> Server, IReadOnlyList<GoldenSeriesValues> Client, long RefusedSamples)
{
    public static GoldenMetricsSnapshot Empty { get; } = new([], [], 0);

    public int Series => Server.Count + Client.Count;
}
