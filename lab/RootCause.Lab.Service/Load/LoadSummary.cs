using System.Globalization;

namespace RootCause.Lab.Service.Load;

/// <summary>Counts of a load run or of one summary interval; latency is over answered requests only.</summary>
internal sealed record LoadSummary(long Sent, long Ok, long Errors, long Dropped, TimeSpan MeanLatency)
{
    public string ToLine(TimeSpan interval) => string.Create(
        CultureInfo.InvariantCulture,
        $"load: last {interval.TotalSeconds:0} s sent={Sent} ok={Ok} errors={Errors} dropped={Dropped} mean_latency_ms={MeanLatency.TotalMilliseconds:0.0}");
}
