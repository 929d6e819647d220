namespace RootCause.Analysis.DrillDown;

/// <summary>
/// Greedy search for the root causes of a cube. A candidate is any element of any cuboid up to the maximum
/// depth; its evidence is how much better "the element's numerators moved by one common factor" explains its
/// leaves than "nothing changed", each leaf's say capped both ways. The best candidate is taken, its leaves
/// leave the cube, and the search repeats until no candidate adds enough evidence.
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
        while (causes.Count < options.MaxCauses)
        {
            var best = new RootCauseCandidate?[cuboids.Count];
            Parallel.For(0, cuboids.Count, c => best[c] = BestIn(cuboids[c], alive));

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
            if (chosen is null || chosenScore <= options.CausePenalty || (causes.Count > 0 && chosenScore < options.RelativeStop * firstScore && !clean))
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
    private RootCauseCandidate? BestIn(Cuboid cuboid, bool[] alive)
    {
        var (groupOf, firstLeaf) = Group(cuboid, alive);
        var groups = firstLeaf.Count;
        if (groups == 0)
        {
            return null;
        }

        var real = cube.Real;
        var expected = cube.Expected;
        var variance = cube.Variance;
        var numerator = new double[groups];
        var denominator = new double[groups];
        var deviation = new double[groups];
        var count = new int[groups];
        var effect = new double[groups];
        for (var i = 0; i < groupOf.Length; i++)
        {
            var g = groupOf[i];
            if (g < 0)
            {
                continue;
            }

            numerator[g] += real[i] * expected[i] / variance[i];
            denominator[g] += expected[i] * expected[i] / variance[i];
            deviation[g] += real[i] - expected[i];
            count[g]++;
        }

        for (var g = 0; g < groups; g++)
        {
            effect[g] = denominator[g] > 0 ? numerator[g] / denominator[g] : 1;
        }

        // Refit each effect on the leaves whose evidence is not capped: a fault rarely hits every leaf of its
        // element, and the spared ones must not drag the effect towards 1; nor may one huge leaf set it alone.
        var cap = options.LeafEvidenceCap;
        var fallbackNumerator = new double[groups];
        var fallbackDenominator = new double[groups];
        for (var round = 0; round < options.RefitIterations; round++)
        {
            Array.Clear(numerator);
            Array.Clear(denominator);
            Array.Clear(fallbackNumerator);
            Array.Clear(fallbackDenominator);
            for (var i = 0; i < groupOf.Length; i++)
            {
                var g = groupOf[i];
                if (g < 0)
                {
                    continue;
                }

                var say = LeafEvidence(i, effect[g], cap);
                if (say <= -cap)
                {
                    continue;
                }

                var weight = expected[i] / variance[i];
                fallbackNumerator[g] += real[i] * weight;
                fallbackDenominator[g] += expected[i] * weight;
                if (say < cap)
                {
                    numerator[g] += real[i] * weight;
                    denominator[g] += expected[i] * weight;
                }
            }

            for (var g = 0; g < groups; g++)
            {
                if (denominator[g] > 0)
                {
                    effect[g] = numerator[g] / denominator[g];
                }
                else if (fallbackDenominator[g] > 0)
                {
                    effect[g] = fallbackNumerator[g] / fallbackDenominator[g];
                }
            }
        }

        // A second, decisive effect from the leaves that moved clearly (|z| > 2) the cube's way. The refit above
        // may settle near 1 on a broad element, where leaves that moved a lot still count fully and the
        // untouched ones cost nothing; judged at the decisive effect each untouched leaf costs up to
        // UntouchedLeafCost, so the element must earn its evidence under both.
        var decisiveNumerator = new double[groups];
        var decisiveDenominator = new double[groups];
        for (var i = 0; i < groupOf.Length; i++)
        {
            var g = groupOf[i];
            if (g < 0 || cube.NullMisfit[i] <= MovedMisfit || (real[i] - expected[i]) * cube.Direction <= 0)
            {
                continue;
            }

            var weight = expected[i] / variance[i];
            decisiveNumerator[g] += real[i] * weight;
            decisiveDenominator[g] += expected[i] * weight;
        }

        var decisive = new double[groups];
        for (var g = 0; g < groups; g++)
        {
            decisive[g] = decisiveDenominator[g] > 0 ? decisiveNumerator[g] / decisiveDenominator[g] : effect[g];
        }

        var evidence = new double[groups];
        var decisiveEvidence = new double[groups];
        for (var i = 0; i < groupOf.Length; i++)
        {
            var g = groupOf[i];
            if (g >= 0)
            {
                evidence[g] += LeafEvidence(i, effect[g], cap);
                decisiveEvidence[g] += Math.Max(LeafEvidence(i, decisive[g], cap), -options.UntouchedLeafCost);
            }
        }

        for (var g = 0; g < groups; g++)
        {
            evidence[g] = Math.Min(evidence[g], decisiveEvidence[g]);
        }

        var direction = cube.Direction;
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
            return null;
        }

        var leaf = firstLeaf[best];
        var codes = new int[cuboid.Dimensions.Length];
        for (var j = 0; j < codes.Length; j++)
        {
            codes[j] = cube.Codes[cuboid.Dimensions[j]][leaf];
        }

        return new RootCauseCandidate(cuboid, codes, evidence[best], decisive[best], count[best]);
    }

    /// <summary>
    /// A leaf's say for a cause: when the effect fits it better than "nothing changed", the share of its null
    /// misfit the effect removes, times that misfit (half of it, in nats) capped; otherwise the misfit the
    /// effect adds, capped. The share matters: a leaf far off its forecast would otherwise reward any effect
    /// that nudges it, and a broad element with a timid effect would beat the right narrow one.
    /// </summary>
    private double LeafEvidence(int leaf, double effect, double cap)
    {
        var misfit = cube.Real[leaf] - (effect * cube.Expected[leaf]);
        var before = cube.NullMisfit[leaf] / 2;
        var gain = before - (misfit * misfit / cube.Variance[leaf] / 2);
        return Math.Clamp(gain, -cap, cap);
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
