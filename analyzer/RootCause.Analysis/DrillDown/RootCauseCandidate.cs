namespace RootCause.Analysis.DrillDown;

/// <summary>One element of a cuboid (e.g. node=n3 &amp; operation=GET /cart) with the evidence that it is a root cause.</summary>
/// <param name="Cuboid">Its dimensions.</param>
/// <param name="Codes">Its value codes, one per dimension of the cuboid.</param>
/// <param name="Evidence">Capped log-likelihood gain, in nats, of "this element changed by Effect" over "nothing changed".</param>
/// <param name="Effect">Fitted factor between real and expected numerators inside the element.</param>
/// <param name="Leaves">Its leaves not yet explained by an earlier cause.</param>
internal sealed record RootCauseCandidate(Cuboid Cuboid, int[] Codes, double Evidence, double Effect, int Leaves)
{
    public bool Contains(EncodedCube cube, int leaf)
    {
        for (var j = 0; j < Codes.Length; j++)
        {
            if (cube.Codes[Cuboid.Dimensions[j]][leaf] != Codes[j])
            {
                return false;
            }
        }

        return true;
    }
}
