namespace RootCause.Evaluation.Nab;

/// <summary>
/// NAB's protocol over a whole corpus: score at a given threshold, or search the one threshold per profile
/// that maximises the corpus score as NAB's optimiser does (every distinct score is a candidate; ties go to
/// the higher threshold), then normalise against the null and perfect detectors.
/// </summary>
public static class NabScorer
{
    /// <summary>The threshold NAB starts its sweep from: above any score, so nothing is detected.</summary>
    public const double NoDetectionThreshold = 1.1;

    public static NabProfileResult ScoreAt(NabCorpus corpus, IReadOnlyList<double[]> scores, NabProfile profile, double threshold)
    {
        CheckShape(corpus, scores);
        double raw = 0;
        int detected = 0, missed = 0, falsePositives = 0;
        for (var f = 0; f < corpus.Files.Count; f++)
        {
            var score = corpus.Files[f].Layout.Score(scores[f], profile, threshold);
            raw += score.Raw;
            detected += score.WindowsDetected;
            missed += score.WindowsMissed;
            falsePositives += score.FalsePositiveRows;
        }

        var (nullRaw, perfect) = Bounds(corpus, profile);
        return new NabProfileResult(profile, threshold, raw, nullRaw, perfect, detected, missed, falsePositives);
    }

    /// <summary>The corpus-wide threshold that maximises the raw score under <paramref name="profile"/>.</summary>
    public static double OptimiseThreshold(NabCorpus corpus, IReadOnlyList<double[]> scores, NabProfile profile)
    {
        CheckShape(corpus, scores);
        var count = 0;
        var windowCount = 0;
        foreach (var file in corpus.Files)
        {
            count += file.Layout.WindowOf.Count(w => w != NabFileLayout.Probation);
            windowCount += file.Layout.WindowScorable.Count;
        }

        var keys = new double[count];
        var reward = new double[count];
        var window = new int[count];
        var n = 0;
        var windowBase = 0;
        for (var f = 0; f < corpus.Files.Count; f++)
        {
            var layout = corpus.Files[f].Layout;
            for (var i = 0; i < layout.RowCount; i++)
            {
                var w = layout.WindowOf[i];
                if (w == NabFileLayout.Probation)
                {
                    continue;
                }

                keys[n] = -scores[f][i]; // ascending sort of the negation = descending scores
                reward[n] = w == NabFileLayout.Outside ? layout.Reward[i] * profile.FpWeight : layout.Reward[i] * profile.TpWeight;
                window[n] = w == NabFileLayout.Outside ? -1 : windowBase + w;
                n++;
            }

            windowBase += layout.WindowScorable.Count;
        }

        var order = Enumerable.Range(0, count).ToArray();
        Array.Sort(keys, order);

        var best = new double[windowCount];
        var total = 0.0;
        var scorableWindows = 0;
        foreach (var file in corpus.Files)
        {
            scorableWindows += file.Layout.WindowScorable.Count(s => s);
        }

        Array.Fill(best, -profile.FnWeight);
        total = -profile.FnWeight * scorableWindows;
        var bestThreshold = NoDetectionThreshold;
        var bestTotal = total;
        for (var k = 0; k < count; k++)
        {
            var row = order[k];
            if (window[row] < 0)
            {
                total += reward[row];
            }
            else if (reward[row] > best[window[row]])
            {
                total += reward[row] - best[window[row]];
                best[window[row]] = reward[row];
            }

            // A threshold's score is known once every row at that score is in.
            var last = k + 1 == count || keys[k + 1] != keys[k];
            if (last && total > bestTotal)
            {
                bestTotal = total;
                bestThreshold = -keys[k];
            }
        }

        return bestThreshold;
    }

    /// <summary>Optimises the threshold for <paramref name="profile"/> and scores the corpus with it.</summary>
    public static NabProfileResult ScoreOptimised(NabCorpus corpus, IReadOnlyList<double[]> scores, NabProfile profile) =>
        ScoreAt(corpus, scores, profile, OptimiseThreshold(corpus, scores, profile));

    /// <summary>Raw scores of the null detector (every window missed) and the perfect one (every window at its first scorable row).</summary>
    public static (double Null, double Perfect) Bounds(NabCorpus corpus, NabProfile profile)
    {
        double nullRaw = 0, perfect = 0;
        foreach (var layout in corpus.Files.Select(f => f.Layout))
        {
            var best = new double[layout.WindowScorable.Count];
            Array.Fill(best, double.NegativeInfinity);
            for (var i = 0; i < layout.RowCount; i++)
            {
                if (layout.WindowOf[i] >= 0)
                {
                    best[layout.WindowOf[i]] = Math.Max(best[layout.WindowOf[i]], layout.Reward[i] * profile.TpWeight);
                }
            }

            for (var w = 0; w < best.Length; w++)
            {
                if (layout.WindowScorable[w])
                {
                    nullRaw -= profile.FnWeight;
                    perfect += best[w];
                }
            }
        }

        return (nullRaw, perfect);
    }

    private static void CheckShape(NabCorpus corpus, IReadOnlyList<double[]> scores)
    {
        if (scores.Count != corpus.Files.Count)
        {
            throw new ArgumentException($"{scores.Count} score arrays for {corpus.Files.Count} files", nameof(scores));
        }
    }
}
