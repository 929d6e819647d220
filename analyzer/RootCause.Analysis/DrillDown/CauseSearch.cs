namespace RootCause.Analysis.DrillDown;

/// <summary>
/// Greedy search for the root causes of a cube. A candidate is any element of any cuboid up to the maximum
/// depth; its evidence is how much better "the element's numerators moved by one common factor" explains its
/// leaves than "nothing changed", each leaf's say capped both ways. The best candidate is taken, its leaves
/// leave the cube, and the search repeats until no candidate adds enough evidence. Cost: one pass over the
/// leaves per cuboid and round, the cuboids in parallel.
/// </summary>
internal sealed class CauseSearch(EncodedCube cube, DrillDownOptions options)
{
    private const int DenseKeyLimit = 1 << 22;

    /// <summary>Null misfit (z²) above which a leaf has clearly moved.</summary>
    private const double MovedMisfit = 4;

    public List<RootCauseCandidate> Run()
    {
        var alive = new bool[cube.LeafCount];
        Array.Fill(alive, true);
        var cuboids = Cuboid.UpTo(cube.Dimensions.Count, options.MaxDepth);
        var causes = new List<RootCauseCandidate>();
        var firstScore = 0.0;
        var threshold = options.CausePenalty;
        while (causes.Count < options.MaxCauses)
        {
            var best = new RootCauseCandidate?[cuboids.Count];
            var elements = new int[cuboids.Count];
            Parallel.For(0, cuboids.Count, c => (best[c], elements[c]) = BestIn(cuboids[c], alive));
            if (causes.Count == 0)
            {
                // The best of many candidates looks good by chance alone: the bar rises with the log of how
                // many elements were searched (a Bonferroni-like correction in nats).
                threshold = options.CausePenalty + Math.Log(Math.Max(1, elements.Sum(e => (long)e)));
            }

            RootCauseCandidate? chosen = null;
            var chosenScore = double.NegativeInfinity;
            foreach (var candidate in best)
            {
                if (candidate is null)
                {
                    continue;
                }

                var score = Score(candidate);
                if (score > chosenScore)
                {
                    chosen = candidate;
                    chosenScore = score;
                }
            }

            // A further cause must carry a good share of the first one's evidence, unless nearly every leaf of
            // it moved far: a small clean fault next to a big one is real, a small mixed one is usually noise.
            var clean = chosen is not null && chosen.Evidence >= options.CleanCauseShare * options.LeafEvidenceCap * chosen.Leaves;
            if (chosen is null || chosenScore <= threshold || (causes.Count > 0 && chosenScore < options.RelativeStop * firstScore && !clean))
            {
                break;
            }

            if (causes.Count == 0)
            {
                firstScore = chosenScore;
            }

            causes.Add(chosen);
            for (var i = 0; i < cube.LeafCount; i++)
            {
                if (alive[i] && chosen.Contains(cube, i))
                {
                    alive[i] = false;
                }
            }
        }

        return causes;
    }

    private double Score(RootCauseCandidate candidate) => candidate.Evidence - (options.DepthPenalty * candidate.Codes.Length);

    /// <summary>The element of one cuboid with the most evidence, among the leaves still unexplained.</summary>
    private (RootCauseCandidate? Best, int Elements) BestIn(Cuboid cuboid, bool[] alive)
    {
        var (groupOf, firstLeaf) = Group(cuboid, alive);
        var groups = firstLeaf.Count;
        if (groups == 0)
        {
            return (null, 0);
        }

        var real = cube.Real;
        var expected = cube.Expected;
        var variance = cube.Variance;
        var misfit = cube.NullMisfit;
        var direction = cube.Direction;
        var numerator = new double[groups];
        var denominator = new double[groups];
        var deviation = new double[groups];
        var count = new int[groups];
        for (var i = 0; i < groupOf.Length; i++)
        {
            var g = groupOf[i];
            if (g < 0)
            {
                continue;
            }

            var moved = real[i] - expected[i];
            deviation[g] += moved;
            count[g]++;

            // The element's effect is fitted (weighted least squares) on the leaves that clearly moved the
            // cube's way only: fitted on all its leaves, a broad element would get a timid effect that the
            // untouched leaves fit as well as "nothing changed", and it would beat the narrow true cause.
            if (misfit[i] > MovedMisfit && moved * direction > 0)
            {
                var weight = expected[i] / variance[i];
                numerator[g] += real[i] * weight;
                denominator[g] += expected[i] * weight;
            }
        }

        var effect = new double[groups];
        for (var g = 0; g < groups; g++)
        {
            effect[g] = denominator[g] > 0 ? numerator[g] / denominator[g] : 1;
        }

        var evidence = new double[groups];
        for (var i = 0; i < groupOf.Length; i++)
        {
            var g = groupOf[i];
            if (g >= 0)
            {
                evidence[g] += LeafEvidence(i, effect[g]);
            }
        }

        var best = -1;
        for (var g = 0; g < groups; g++)
        {
            // Only elements that moved the way the whole cube moved can explain it.
            if (deviation[g] * direction <= 0 || (effect[g] - 1) * direction <= 0)
            {
                continue;
            }

            if (best < 0 || evidence[g] > evidence[best])
            {
                best = g;
            }
        }

        if (best < 0)
        {
            return (null, groups);
        }

        var leaf = firstLeaf[best];
        var codes = new int[cuboid.Dimensions.Length];
        for (var j = 0; j < codes.Length; j++)
        {
            codes[j] = cube.Codes[cuboid.Dimensions[j]][leaf];
        }

        return (new RootCauseCandidate(cuboid, codes, evidence[best], effect[best], count[best]), groups);
    }

    /// <summary>
    /// A leaf's say for a cause: half the drop in its squared standardised misfit when its expectation is
    /// scaled by the cause's effect. Capped above, so that one huge leaf cannot outvote the rest, and capped
    /// lower below, because faults spare some leaves of their element (another client type, a cache that
    /// still answers) and a handful of spared leaves must not sink the right cause.
    /// </summary>
    private double LeafEvidence(int leaf, double effect)
    {
        var misfit = cube.Real[leaf] - (effect * cube.Expected[leaf]);
        var gain = (cube.NullMisfit[leaf] - (misfit * misfit / cube.Variance[leaf])) / 2;
        return Math.Clamp(gain, -options.UntouchedLeafCost, options.LeafEvidenceCap);
    }

    /// <summary>Group id of every live leaf in the cuboid (-1 for explained leaves) and the first leaf of each group.</summary>
    private (int[] GroupOf, List<int> FirstLeaf) Group(Cuboid cuboid, bool[] alive)
    {
        var n = cube.LeafCount;
        var groupOf = new int[n];
        var firstLeaf = new List<int>();
        var dims = cuboid.Dimensions;
        var radix = new long[dims.Length];
        double space = 1;
        for (var j = 0; j < dims.Length; j++)
        {
            radix[j] = cube.Values[dims[j]].Length;
            space *= radix[j];
        }

        if (space <= DenseKeyLimit)
        {
            var slot = new int[(int)space];
            Array.Fill(slot, -1);
            for (var i = 0; i < n; i++)
            {
                groupOf[i] = alive[i] ? Assign(slot, (int)Key(dims, radix, i), i, firstLeaf) : -1;
            }
        }
        else if (space < 9e18)
        {
            var slots = new Dictionary<long, int>();
            for (var i = 0; i < n; i++)
            {
                if (!alive[i])
                {
                    groupOf[i] = -1;
                    continue;
                }

                var key = Key(dims, radix, i);
                if (!slots.TryGetValue(key, out var g))
                {
                    g = firstLeaf.Count;
                    slots[key] = g;
                    firstLeaf.Add(i);
                }

                groupOf[i] = g;
            }
        }
        else
        {
            // Astronomically many value combinations: key on the codes themselves.
            var slots = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                if (!alive[i])
                {
                    groupOf[i] = -1;
                    continue;
                }

                var key = string.Join(',', dims.Select(d => cube.Codes[d][i]));
                if (!slots.TryGetValue(key, out var g))
                {
                    g = firstLeaf.Count;
                    slots[key] = g;
                    firstLeaf.Add(i);
                }

                groupOf[i] = g;
            }
        }

        return (groupOf, firstLeaf);
    }

    private long Key(int[] dims, long[] radix, int leaf)
    {
        long key = 0;
        for (var j = 0; j < dims.Length; j++)
        {
            key = (key * radix[j]) + cube.Codes[dims[j]][leaf];
        }

        return key;
    }

    private static int Assign(int[] slot, int key, int leaf, List<int> firstLeaf)
    {
        var g = slot[key];
        if (g < 0)
        {
            g = firstLeaf.Count;
            slot[key] = g;
            firstLeaf.Add(leaf);
        }

        return g;
    }
}
