using RootCause.Analysis.DrillDown;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>
/// A multi-dimensional root-cause localiser as the RS evaluation sees it: leaves in, root causes out (each
/// attribute → value), most likely first. Ours and the baselines in bench/ implement it, so that one run
/// scores them side by side.
/// </summary>
public interface IRootCauseLocaliser
{
    string Name { get; }

    IReadOnlyList<IReadOnlyDictionary<string, string>> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions);
}
