namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// Streaming anomaly detector for one series: each <see cref="Update"/> takes the next value and returns a
/// score in [0,1] using only the past (no look-ahead), in constant memory. Up to four views are combined:
/// <list type="bullet">
/// <item>the surprise of a point: the largest of its residual from a robust fast level, a two-sided CUSUM
/// on the slow baseline and a jump beyond the range seen so
/// far; its log is scored against the series' own recent record surprise, and only the rising edge of an
/// event is reported;</item>
/// <item>contextual novelty (<see cref="ContextNovelty"/>): the share of the newest short patterns of
/// quantised values never seen before, optionally beyond the series' recent rate of new ones
/// (<see cref="NoveltyRate"/>);</item>
/// <item>optionally, the conformal strangeness of the newest lagged window among past windows
/// (<see cref="KnnConformal"/>);</item>
/// <item>optionally, the seasonal strangeness of the newest values against the same phase of the previous cycles
/// of the series' online period estimate (<see cref="SeasonalConformal"/>).</item>
/// </list>
/// The score is the largest of the weighted novelty, the scaled surprise and the weighted k-NN and seasonal
/// scores (optionally plus a share of the second largest, <see cref="StreamingDetectorOptions.SecondViewWeight"/>). After a score
/// reaches the rest level the detector stays silent for a rest period: one event, one alarm (optionally a new
/// surprise breaks the rest, <see cref="StreamingDetectorOptions.SurpriseBreaksRest"/>). The ensemble may also
/// stay silent for its first points while it learns (<see cref="StreamingDetectorOptions.OutputWarmup"/>).
/// </summary>
public sealed class StreamingDetector
{
    private readonly StreamingDetectorOptions _options;
    private readonly RobustLevel _fast;
    private readonly RobustLevel _slow;
    private readonly PageCusum _cusum;
    private readonly SurpriseRecord _record;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private readonly double _edgeDecay;
    private double _recentScore;
    private readonly ContextNovelty? _context; // only the contextual ensemble pays for its store
    private readonly KnnConformal? _knn;
    private readonly SeasonalConformal? _seasonal;
    private long _lastAlarm = long.MinValue / 2;

    public StreamingDetector(StreamingDetectorOptions? options = null)
    {
        _options = options ?? StreamingDetectorOptions.Default;
        _fast = new RobustLevel(_options.FastRate, _options.FastSpreadRate, _options.Clip);
        _slow = new RobustLevel(_options.SlowRate, _options.SlowRate, _options.Clip);
        _cusum = new PageCusum(_options.CusumDrift, _options.CusumAlarm);
        _edgeDecay = _options.EdgeHalfLife > 0 ? Math.Pow(0.5, 1.0 / _options.EdgeHalfLife) : 0;
        _record = new SurpriseRecord(_options.RecordHalfLife, _options.RecordAverageRate, _options.RecordAverageMultiple);
        _context = _options.Contextual ? new ContextNovelty(_options.ContextBins, _options.ContextOrders, _options.ContextCapacity, _options.ContextSupport, _options.NoveltyRateHalfLife > 0 ? new NoveltyRate(_options.NoveltyRateHalfLife, _options.NoveltyRateWeight) : null) : null;
        _knn = _options.Contextual && _options.KnnWeight > 0
            ? new KnnConformal(_options.KnnDimension, _options.KnnReferences, _options.KnnNeighbours, _options.KnnCalibration, _options.KnnDecades, _options.KnnCalibrationBlock)
            : null;
        _seasonal = _options.Contextual && _options.SeasonalWeight > 0
            ? new SeasonalConformal(
                new SeasonalPeriod(_options.SeasonBuffer, _options.SeasonInterval, _options.SeasonMinimumPeriod, _options.SeasonMaximumPeriod, _options.SeasonMinimumCorrelation, _options.SeasonMinimumProminence),
                _options.SeasonMaximumPeriod,
                _options.SeasonalWindow,
                _options.SeasonalCycles,
                _options.SeasonalShift,
                _options.SeasonalCalibration,
                _options.SeasonalCalibrationBlock,
                _options.SeasonalDecades)
            : null;
    }

    /// <summary>Values seen so far (non-finite values are skipped and not counted).</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Whether the newest value fell in the rest after an alarm: an event already reported is still going on
    /// (its raw scores keep extending the rest), so the value scored 0 without being ordinary.
    /// </summary>
    public bool Resting { get; private set; }

    /// <summary>Scores every value of <paramref name="values"/> as streaming would: the batch form of <see cref="Update"/>.</summary>
    public static double[] ScoreAll(ReadOnlySpan<double> values, StreamingDetectorOptions? options = null)
    {
        var detector = new StreamingDetector(options);
        var scores = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            scores[i] = detector.Update(values[i]);
        }

        return scores;
    }

    /// <summary>Learns the next value and returns its anomaly score in [0,1]; a non-finite value scores 0 and is not learned.</summary>
    public double Update(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        Count++;
        var surprise = Surprise(value);
        var o = _options;
        if (_context is null)
        {
            return surprise;
        }

        var novelty = o.NoveltyWeight * _context.Update(value);
        var scaled = Math.Min(1, o.SurpriseScale * surprise);
        var knn = _knn is not null ? o.KnnWeight * _knn.Update(value) : 0;
        var seasonal = _seasonal is not null ? o.SeasonalWeight * _seasonal.Update(value) : 0;
        var score = Fuse(novelty, scaled, knn, seasonal, o.SecondViewWeight);

        // A high score silences the detector for a rest period that grows with the history (to RestMax):
        // the raw score keeps extending the rest, so a series that is new all the time stays quiet.
        var rest = Math.Min(o.RestMax, (long)(o.RestShare * Count));
        Resting = Count - _lastAlarm <= rest;
        if (score >= o.RestLevel)
        {
            _lastAlarm = Count;
        }

        // The surprise view reports each event once by itself (its rising edge): a new surprise may break the rest.
        Resting = Resting && !(o.SurpriseBreaksRest && scaled >= o.RestLevel);

        // While the novelty and k-NN views know no patterns yet, everything is new to them: learn, but stay silent.
        return Resting || Count <= o.OutputWarmup ? 0 : score;
    }

    /// <summary>
    /// The largest view plus <paramref name="secondWeight"/> times the second largest, capped at 1 (the views
    /// not computed are 0).
    /// </summary>
    private static double Fuse(double novelty, double surprise, double knn, double seasonal, double secondWeight)
    {
        double largest = 0, second = 0;
        foreach (var view in (ReadOnlySpan<double>)[novelty, surprise, knn, seasonal])
        {
            if (view > largest)
            {
                second = largest;
                largest = view;
            }
            else if (view > second)
            {
                second = view;
            }
        }

        return Math.Min(1, largest + (secondWeight * second));
    }

    /// <summary>The surprise view: the calibrated, edge-reported score of the robust level, CUSUM and range tests.</summary>
    private double Surprise(double value)
    {
        var o = _options;
        var floor = 1e-9 + (1e-6 * Math.Abs(_slow.Level));

        var levelZ = Math.Abs(_fast.Residual(value)) / Math.Max(1.2533 * _fast.Spread, floor);
        _fast.Learn(value);

        var deviation = _slow.Residual(value) / Math.Max(1.2533 * _slow.Spread, floor);
        var cusum = _cusum.Update(Math.Clamp(deviation, -o.Clip * 2, o.Clip * 2));
        _slow.Learn(value);

        var range = _max - _min;
        var outside = Count > 1 && (value > _max + (o.RangeTolerance * range) || value < _min - (o.RangeTolerance * range));
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);

        var level = levelZ / o.LevelSaturation;
        var surprise = Math.Max(
            o.LevelWeight * level,
            Math.Max(o.CusumWeight * cusum, outside ? o.RangeWeight * (1 + level) : 0));

        // The first points have no spread yet: their surprises are meaningless and would poison the record.
        if (Count <= o.Settle)
        {
            return 0;
        }

        if (o.LogSurprise)
        {
            surprise = Math.Log(1 + surprise);
        }

        var score = _record.Update(surprise);
        if (Count <= o.Warmup)
        {
            return 0;
        }

        if (o.EdgeHalfLife > 0)
        {
            // Report the rising edge of an event: a score counts only while it beats the recent scores.
            var previous = _recentScore;
            _recentScore = Math.Max(_recentScore * _edgeDecay, score);
            return score > previous ? score : score * o.SuppressionFactor;
        }

        return score;
    }
}
