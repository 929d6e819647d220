namespace RootCause.Analysis.Detection.Streaming;

/// <summary>
/// The detector's parameters. They are fixed here and identical for every series: nothing is fitted per
/// series or per data set (the NAB evaluation tunes only its one corpus-wide threshold per profile).
/// </summary>
public sealed record StreamingDetectorOptions
{
    /// <summary>
    /// The detection threshold of <see cref="Default"/>: its NAB standard-profile optimum (docs/accuracy.md), used
    /// by `rootcause detect` and by the analyzer.
    /// </summary>
    public const double DefaultThreshold = 0.700629;

    /// <summary>The detection threshold of <see cref="SurpriseOnly"/>: its NAB standard-profile optimum.</summary>
    public const double SurpriseOnlyThreshold = 0.077377;

    /// <summary>The detection threshold of <see cref="ContextualEnsemble"/>: its NAB standard-profile optimum.</summary>
    public const double ContextualThreshold = 0.733956;

    /// <summary>The surprise view alone: quiet on stationary noise, but blind to changes of shape (50.21 on NAB).</summary>
    public static StreamingDetectorOptions SurpriseOnly { get; } = new();

    /// <summary>The surprise combined with contextual novelty and a rest after alarms, without the k-NN view (59.23 on NAB).</summary>
    public static StreamingDetectorOptions ContextualEnsemble { get; } = new() { Contextual = true, ContextSupport = 2 };

    /// <summary>
    /// The detector: the contextual ensemble joined by a k-nearest-neighbour conformal detector over lagged
    /// windows (<see cref="KnnConformal"/>, calibrated on the maxima of blocks of 10 points over the last 5,000),
    /// with a surprise record that halves every 8,000 points and the second strongest view added at a tenth of
    /// its weight. Its novelty counts only new contexts beyond twice the series' recent rate of them
    /// (<see cref="NoveltyRate"/>, half-life 2,000 points), so noise, where new contexts are routine, does not
    /// alarm; it is silent for its first 150 points (less than any NAB probation) and a surprise breaks its rest.
    /// A seasonal view (<see cref="SeasonalConformal"/>) compares, in a clearly periodic series, the newest
    /// values with the same phase of the previous two cycles of the period estimated online.
    /// It is the one scored on NAB, run by `rootcause detect` and by the analyzer (docs/accuracy.md).
    /// </summary>
    public static StreamingDetectorOptions Default { get; } =
        ContextualEnsemble with
        {
            NoveltyWeight = 0.9,
            NoveltyRateHalfLife = 2000,
            NoveltyRateWeight = 2,
            SurpriseScale = 5,
            RecordHalfLife = 8000,
            KnnWeight = 1,
            KnnCalibration = 5000,
            KnnCalibrationBlock = 10,
            KnnDecades = 2.5,
            SecondViewWeight = 0.1,
            OutputWarmup = 150,
            SurpriseBreaksRest = true,
            SeasonalWeight = 1,
        };

    /// <summary>Rate of the fast level that predicts the next value.</summary>
    public double FastRate { get; init; } = 0.1;

    /// <summary>Rate of the fast level's spread.</summary>
    public double FastSpreadRate { get; init; } = 0.01;

    /// <summary>Rate of the slow baseline the CUSUM compares against.</summary>
    public double SlowRate { get; init; } = 0.005;

    /// <summary>Residuals beyond this many spreads are clipped when learning.</summary>
    public double Clip { get; init; } = 4;

    public double CusumDrift { get; init; } = 1.0;

    public double CusumAlarm { get; init; } = 12;

    /// <summary>Tolerance, as a share of the range seen so far, before a new minimum or maximum counts.</summary>
    public double RangeTolerance { get; init; } = 0.05;

    /// <summary>Standardised deviation that saturates the level component.</summary>
    public double LevelSaturation { get; init; } = 1;

    public double LevelWeight { get; init; } = 1;

    public double CusumWeight { get; init; } = 1;

    public double RangeWeight { get; init; } = 1;

    /// <summary>Compare log(1 + surprise): a tenfold surprise should not dwarf every later event.</summary>
    public bool LogSurprise { get; init; } = true;

    /// <summary>Half-life, in points, of the surprise record a new surprise must beat.</summary>
    public double RecordHalfLife { get; init; } = 2000;

    /// <summary>The record is at least this multiple of the long-run average surprise.</summary>
    public double RecordAverageMultiple { get; init; } = 1;

    /// <summary>Learning rate of that long-run average surprise.</summary>
    public double RecordAverageRate { get; init; } = 1.0 / 2000;

    /// <summary>Points whose surprise is not even learned (the spreads are still forming).</summary>
    public int Settle { get; init; } = 50;

    /// <summary>Points during which the detector only learns.</summary>
    public int Warmup { get; init; } = 200;

    /// <summary>
    /// Half-life, in points, of the recent maximum score: a score below it is a continuation of an event
    /// already reported and is damped by <see cref="SuppressionFactor"/>. 0 turns this off.
    /// </summary>
    public double EdgeHalfLife { get; init; } = 50;

    /// <summary>Factor applied to scores that do not beat the recent maximum.</summary>
    public double SuppressionFactor { get; init; }

    /// <summary>Combine the surprise with contextual novelty and rest after alarms (false: the surprise alone).</summary>
    public bool Contextual { get; init; }

    /// <summary>Bins the running range is cut into for contexts: coarse, so that noise repeats its contexts.</summary>
    public int ContextBins { get; init; } = 6;

    /// <summary>Longest context, in values before the newest one.</summary>
    public int ContextOrders { get; init; } = 6;

    /// <summary>Contexts remembered per series (the least recently seen are forgotten): the memory bound.</summary>
    public int ContextCapacity { get; init; } = 16384;

    /// <summary>A context counts only once its first part was seen this often.</summary>
    public int ContextSupport { get; init; } = 1;

    /// <summary>
    /// Half-life, in points, of the recent rate of new contexts (<see cref="NoveltyRate"/>) the novelty must
    /// exceed; 0 (default): the plain share of new contexts.
    /// </summary>
    public double NoveltyRateHalfLife { get; init; }

    /// <summary>Multiple of the recent rate of new contexts subtracted from the novelty.</summary>
    public double NoveltyRateWeight { get; init; } = 1;

    /// <summary>The surprise score is multiplied by this to speak the novelty's scale before the maximum.</summary>
    public double SurpriseScale { get; init; } = 6;

    /// <summary>A combined score at least this high starts a rest period.</summary>
    public double RestLevel { get; init; } = 0.7;

    /// <summary>The rest period as a share of the points seen so far ...</summary>
    public double RestShare { get; init; } = 0.05;

    /// <summary>... up to this many points.</summary>
    public int RestMax { get; init; } = 150;

    /// <summary>
    /// The whole ensemble outputs 0 for this many first points while it learns as usual (its rest included):
    /// the novelty and k-NN views know no patterns yet. Contextual ensembles only; 0 (default): no silence.
    /// </summary>
    public int OutputWarmup { get; init; }

    /// <summary>
    /// A surprise reaching the rest level is reported even during a rest: the surprise view already reports
    /// only the rising edge of an event, so the rest need not silence it. False (default): the rest silences all.
    /// </summary>
    public bool SurpriseBreaksRest { get; init; }

    /// <summary>The contextual novelty is multiplied by this before the maximum (contextual ensembles only).</summary>
    public double NoveltyWeight { get; init; } = 1;

    /// <summary>
    /// The second largest of the weighted views, times this, is added to the largest (capped at 1): of two
    /// points whose strongest view is equally sure, the one a second view backs scores higher. 0 (default): the
    /// plain maximum. Contextual ensembles only.
    /// </summary>
    public double SecondViewWeight { get; init; }

    /// <summary>Weight of the k-NN conformal score in the maximum; 0 (default) does not compute it. Contextual ensembles only.</summary>
    public double KnnWeight { get; init; }

    /// <summary>Values per lagged window of the k-NN conformal detector.</summary>
    public int KnnDimension { get; init; } = 20;

    /// <summary>Past windows the newest window is compared with (the bounded reference set).</summary>
    public int KnnReferences { get; init; } = 400;

    /// <summary>Nearest windows whose distances make the strangeness.</summary>
    public int KnnNeighbours { get; init; } = 1;

    /// <summary>Recent points whose strangeness the conformal p-value ranks against.</summary>
    public int KnnCalibration { get; init; } = 3000;

    /// <summary>
    /// Points per calibration block: the p-value ranks against each block's strangest window, so a past event
    /// (a run of strange windows) counts once per block, not once per window. 1 (default): every value.
    /// </summary>
    public int KnnCalibrationBlock { get; init; } = 1;

    /// <summary>A p-value of 10^-this (or smaller) scores 1; the score is linear in -log10(p) below.</summary>
    public double KnnDecades { get; init; } = 3;

    /// <summary>
    /// Weight of the seasonal view (<see cref="SeasonalConformal"/>) in the maximum; 0 (default) does not compute
    /// it. Contextual ensembles only.
    /// </summary>
    public double SeasonalWeight { get; init; }

    /// <summary>Recent values the period is estimated from (at least twice <see cref="SeasonMaximumPeriod"/>).</summary>
    public int SeasonBuffer { get; init; } = 4096;

    /// <summary>Points between two estimates of the period.</summary>
    public int SeasonInterval { get; init; } = 256;

    /// <summary>Shortest period looked for.</summary>
    public int SeasonMinimumPeriod { get; init; } = 24;

    /// <summary>Longest period looked for: a day of 1-minute rows.</summary>
    public int SeasonMaximumPeriod { get; init; } = 1440;

    /// <summary>
    /// Autocorrelation a period's peak must reach: high, so that only a strongly seasonal series (where the same
    /// hour of the previous days is a good forecast) is compared with its previous cycles.
    /// </summary>
    public double SeasonMinimumCorrelation { get; init; } = 0.7;

    /// <summary>Rise of a period's peak above the lowest autocorrelation at a shorter lag.</summary>
    public double SeasonMinimumProminence { get; init; } = 0.5;

    /// <summary>Values per window compared with the same phase of previous cycles.</summary>
    public int SeasonalWindow { get; init; } = 8;

    /// <summary>Previous cycles compared with.</summary>
    public int SeasonalCycles { get; init; } = 2;

    /// <summary>Points a previous cycle's window may be moved to match the phase.</summary>
    public int SeasonalShift { get; init; } = 2;

    /// <summary>Recent points whose seasonal strangeness the conformal p-value ranks against.</summary>
    public int SeasonalCalibration { get; init; } = 5000;

    /// <summary>Points per calibration block of the seasonal view.</summary>
    public int SeasonalCalibrationBlock { get; init; } = 10;

    /// <summary>
    /// A seasonal p-value of 10^-this (or smaller) scores 1. Over 500 calibration blocks the smallest p-value is
    /// 1/501, so at 3 the seasonal view alone reaches at most 0.9.
    /// </summary>
    public double SeasonalDecades { get; init; } = 3;
}
