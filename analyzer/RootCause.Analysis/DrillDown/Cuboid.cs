namespace RootCause.Analysis.DrillDown;

/// <summary>A set of dimensions (by index into the cube's dimensions), e.g. {node, operation}.</summary>
internal sealed record Cuboid(int[] Dimensions)
{
    /// <summary>Every cuboid of 1 to maxDepth dimensions, smallest first, each in dimension order.</summary>
    public static List<Cuboid> UpTo(int dimensionCount, int maxDepth)
    {
        var all = new List<Cuboid>();
        var depth = Math.Min(maxDepth, dimensionCount);
        for (var size = 1; size <= depth; size++)
        {
            Combine(new int[size], 0, 0, dimensionCount, all);
        }

        return all;
    }

    private static void Combine(int[] chosen, int position, int start, int dimensionCount, List<Cuboid> into)
    {
        if (position == chosen.Length)
        {
            into.Add(new Cuboid([.. chosen]));
            return;
        }

        for (var d = start; d < dimensionCount; d++)
        {
            chosen[position] = d;
            Combine(chosen, position + 1, d + 1, dimensionCount, into);
        }
    }
}
