namespace RootCause.Lab.AlertChain;

/// <summary>
/// The thresholds of the lab's alerting rules on one service, each named once with its unit. The defaults fit
/// what the lab's faults do to the gateway: tens of milliseconds healthy; a few hundred milliseconds added by a
/// slow service or database lock waits; 200 ms to 1 s retransmission timeouts on a share of requests under packet
/// loss; 5xx answers under an error burst, a service down or an OOM kill.
/// </summary>
public sealed record AlertRuleSettings
{
    /// <summary>The alerted service (the <c>service</c> label of the server-side golden metrics).</summary>
    public string Service { get; init; } = "gateway";

    /// <summary>
    /// The recent window the mean latency and the error ratio are measured over. Two agent intervals of 15 s: long
    /// enough to always hold a batch, short enough that a fault shows within one window.
    /// </summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The service's own recent level: the mean latency over this window, ending where <see cref="Window"/> begins
    /// (so the fault does not raise its own baseline). Until it holds data (a fresh start) the latency rule stays quiet.
    /// </summary>
    public TimeSpan BaselineWindow { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The recent mean latency must exceed the baseline mean by this factor ("well above its own level").</summary>
    public double LatencyRatio { get; init; } = 2.0;

    /// <summary>
    /// And exceed this many seconds: a service that is fast anyway (2 ms → 5 ms) does not page. 50 ms lets the
    /// retransmission timeouts of packet loss on a share of requests through, and is above the lab's healthy gateway.
    /// </summary>
    public double LatencyFloorSeconds { get; init; } = 0.05;

    /// <summary>
    /// The tail the latency rule also watches: a fault on a path a tenth of the requests take (checkout → payment)
    /// doubles the gateway's mean only from about 6 ms to 12 ms, but lifts its 99th percentile from about 70 ms to
    /// over 200 ms (measured in the lab with 30 % packet loss on that link).
    /// </summary>
    public double TailQuantile { get; init; } = 0.99;

    /// <summary>And the tail must exceed this many seconds: above the lab's healthy 99th percentile (about 70 ms).</summary>
    public double TailFloorSeconds { get; init; } = 0.15;

    /// <summary>Share of requests failing (5xx, resets) above which the error alert fires: 5 %.</summary>
    public double ErrorRatio { get; init; } = 0.05;

    /// <summary>Below this many requests per second an error ratio means little (1 error in 3 requests is 33 %).</summary>
    public double MinRequestsPerSecond { get; init; } = 1.0;

    /// <summary>
    /// How long a rule's condition must hold before it fires (its <c>for:</c>): one more evaluation, so a single
    /// odd scrape does not page, at the price of one evaluation interval of delay.
    /// </summary>
    public TimeSpan HoldFor { get; init; } = TimeSpan.FromSeconds(5);
}
