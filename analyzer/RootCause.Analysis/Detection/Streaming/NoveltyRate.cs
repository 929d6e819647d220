namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// The rate at which a series has recently produced new contexts: the share of its qualifying contexts that
/// were new, over exponentially decaying sums (half-life <c>halfLife</c> points). A new context is news only
/// in excess of that rate: on noise, or while a series is still being learned, new contexts are routine and
/// one more says little; on a series that repeats its shapes the rate is near 0 and every new context counts.
/// </summary>
internal sealed class NoveltyRate(double halfLife, double weight)
{
    private readonly double _decay = Math.Pow(0.5, 1.0 / halfLife);
    private double _novel;
    private double _contexts;

    /// <summary>The recent share of new contexts before this point (1 before any context: nothing is learned yet).</summary>
    public double Rate => _contexts > 0 ? _novel / _contexts : 1;

    /// <summary>
    /// The newest point's share of new contexts less <c>weight</c> times the recent rate (at least 0), then
    /// learns the point's <paramref name="novel"/> of <paramref name="contexts"/> qualifying contexts.
    /// </summary>
    public double Excess(int novel, int contexts)
    {
        var share = contexts > 0 ? (double)novel / contexts : 0;
        var excess = Math.Max(0, share - (weight * Rate));
        _novel = (_novel * _decay) + novel;
        _contexts = (_contexts * _decay) + contexts;
        return excess;
    }
}
