namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Contextual novelty, after the idea of the Contextual Anomaly Detector (CAD OSE): each value is quantised
/// into a few bins of the range seen so far, the contexts are the runs of the last 1..<c>orders</c> bins
/// ending at the newest value, and the score is the share of those contexts never seen before. A series
/// that repeats its shapes scores 0; a new level, a spike or a new rhythm makes its contexts new.
/// </summary>
internal sealed class ContextNovelty
{
    private const ulong HashOffset = 14695981039346656037UL;
    private const ulong HashPrime = 1099511628211UL;

    private readonly int _bins;
    private readonly int _support;
    private readonly int[] _recentBins;
    private readonly ContextStore _store;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private readonly NoveltyRate? _rate;
    private int _count;

    /// <param name="rate">When given, the score is the share of new contexts in excess of the series' recent rate.</param>
    public ContextNovelty(int bins, int orders, int capacity, int support, NoveltyRate? rate = null)
    {
        _rate = rate;
        _support = support;
        _bins = bins;
        _recentBins = new int[orders + 1];
        _store = new ContextStore(capacity);
    }

    /// <summary>Learns a finite value and returns the share of its contexts that are new, in [0,1].</summary>
    public double Update(double value)
    {
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        var range = _max - _min;
        // The running range rescales the bins as it grows: contexts learned on the narrower range turn new,
        // which is itself evidence that the series left what it had shown so far.
        var bin = range > 0 && double.IsFinite(range) ? (int)Math.Min(_bins - 1, Math.Floor((value - _min) / range * (_bins - 1))) : 0;
        Array.Copy(_recentBins, 0, _recentBins, 1, _recentBins.Length - 1);
        _recentBins[0] = bin;
        _count++;

        // Hashes are chained from the newest value back, so the context of the previous value of order k-1
        // is the left part of the newest context of order k: a context only counts as a failed expectation
        // when that left part has been seen often enough to expect something (noise expects nothing).
        var hash = HashOffset;
        var left = HashOffset;
        int contexts = 0, novel = 0;
        for (var order = 0; order < _recentBins.Length && order < _count; order++)
        {
            hash = (hash ^ (ulong)(_recentBins[order] + 1)) * HashPrime;
            var seen = _store.Add(hash ^ (ulong)order);
            if (order == 0)
            {
                continue; // a lone bin is no context: it says nothing about sequence
            }

            left = (left ^ (ulong)(_recentBins[order] + 1)) * HashPrime;
            if (_support <= 1 || _store.Seen(left ^ (ulong)(order - 1)) >= _support)
            {
                contexts++;
                novel += seen == 0 ? 1 : 0;
            }
        }

        if (_rate is not null)
        {
            return _rate.Excess(novel, contexts);
        }

        return contexts > 0 ? (double)novel / contexts : 0;
    }
}
