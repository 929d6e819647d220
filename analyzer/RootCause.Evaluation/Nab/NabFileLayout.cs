namespace RootCause.Evaluation.Nab;

/// <summary>
/// What NAB's sweep assigns to each row of one file, independent of the detector: the probation period, the
/// window a row belongs to, and the row's unweighted reward (true-positive reward already divided by the
/// maximum, false-positive reward by distance after the previous window). Profiles only scale these.
/// </summary>
public sealed class NabFileLayout
{
    /// <summary>Marks a row inside the probation period: never scored.</summary>
    public const int Probation = -2;

    /// <summary>Marks a scorable row outside every window.</summary>
    public const int Outside = -1;

    private NabFileLayout(string name, int probationLength, int[] windowOf, double[] reward, bool[] windowScorable)
    {
        Name = name;
        ProbationLength = probationLength;
        WindowOf = windowOf;
        Reward = reward;
        WindowScorable = windowScorable;
    }

    public string Name { get; }

    public int ProbationLength { get; }

    /// <summary>Per row: the index of its window in the file, <see cref="Outside"/> or <see cref="Probation"/>.</summary>
    public IReadOnlyList<int> WindowOf { get; }

    /// <summary>Per row: the unweighted sweep reward.</summary>
    public IReadOnlyList<double> Reward { get; }

    /// <summary>Per window: whether any of its rows lies after the probation period (NAB ignores the others).</summary>
    public IReadOnlyList<bool> WindowScorable { get; }

    public int RowCount => WindowOf.Count;

    /// <summary>NAB's probation period: the first min(floor(0.15 * rows), 750) rows.</summary>
    public static int ProbationFor(int rows) => (int)Math.Min(Math.Floor(0.15 * rows), 0.15 * 5000);

    /// <summary>
    /// Lays out a file as NAB's sweeper does: a window opens on the row whose timestamp equals its start,
    /// its width runs to the first row carrying its end timestamp, and it closes on the row carrying its end.
    /// </summary>
    public static NabFileLayout Build(string name, IReadOnlyList<DateTime> timestamps, IReadOnlyList<NabWindow> windows, string labelFile)
    {
        var firstIndex = new Dictionary<DateTime, int>();
        for (var i = 0; i < timestamps.Count; i++)
        {
            firstIndex.TryAdd(timestamps[i], i);
        }

        foreach (var window in windows)
        {
            if (!firstIndex.ContainsKey(window.Start) || !firstIndex.ContainsKey(window.End))
            {
                throw new DatasetFormatException(labelFile, 0, $"{name}: window {window.Start:yyyy-MM-dd HH:mm:ss} .. {window.End:yyyy-MM-dd HH:mm:ss} does not start and end on rows of the file");
            }
        }

        var rows = timestamps.Count;
        var probation = ProbationFor(rows);
        var windowOf = new int[rows];
        var reward = new double[rows];
        var scorable = new bool[windows.Count];
        var next = 0;
        var current = -1;
        var currentRight = 0;
        var currentWidth = 0.0;
        int? previousRight = null;
        var previousWidth = 0.0;
        for (var i = 0; i < rows; i++)
        {
            if (next < windows.Count && timestamps[i] == windows[next].Start)
            {
                current = next++;
                currentRight = firstIndex[windows[current].End];
                currentWidth = currentRight - firstIndex[windows[current].Start] + 1;
            }

            if (current >= 0)
            {
                reward[i] = NabSigmoid.Scaled(-(currentRight - i + 1) / currentWidth) / NabSigmoid.MaxTruePositive;
                windowOf[i] = current;
            }
            else
            {
                var position = previousRight is { } right ? Math.Abs(right - i) / (previousWidth - 1) : 3.0;
                reward[i] = NabSigmoid.Scaled(position);
                windowOf[i] = Outside;
            }

            if (i < probation)
            {
                windowOf[i] = Probation;
            }
            else if (current >= 0)
            {
                scorable[current] = true;
            }

            if (current >= 0 && timestamps[i] == windows[current].End)
            {
                previousRight = i;
                previousWidth = currentWidth;
                current = -1;
            }
        }

        if (next < windows.Count)
        {
            throw new DatasetFormatException(labelFile, 0, $"{name}: window starting {windows[next].Start:yyyy-MM-dd HH:mm:ss} is never entered (windows out of row order)");
        }

        return new NabFileLayout(name, probation, windowOf, reward, scorable);
    }

    /// <summary>The file's raw score under a profile when rows with score &gt;= threshold are detections.</summary>
    public NabFileScore Score(IReadOnlyList<double> scores, NabProfile profile, double threshold)
    {
        if (scores.Count != RowCount)
        {
            throw new ArgumentException($"{Name}: {scores.Count} scores for {RowCount} rows", nameof(scores));
        }

        var best = new double[WindowScorable.Count];
        var detected = new bool[WindowScorable.Count];
        for (var w = 0; w < best.Length; w++)
        {
            best[w] = -profile.FnWeight;
        }

        var falsePositiveCost = 0.0;
        var falsePositives = 0;
        for (var i = 0; i < RowCount; i++)
        {
            var window = WindowOf[i];
            if (window == Probation || !(scores[i] >= threshold))
            {
                continue;
            }

            if (window == Outside)
            {
                falsePositiveCost += Reward[i] * profile.FpWeight;
                falsePositives++;
            }
            else
            {
                best[window] = Math.Max(best[window], Reward[i] * profile.TpWeight);
                detected[window] = true;
            }
        }

        var raw = falsePositiveCost;
        var found = 0;
        var missed = 0;
        for (var w = 0; w < best.Length; w++)
        {
            if (WindowScorable[w])
            {
                raw += best[w];
                found += detected[w] ? 1 : 0;
                missed += detected[w] ? 0 : 1;
            }
        }

        return new NabFileScore(Name, raw, found, missed, falsePositives);
    }
}
