using RootCause.Analysis.DrillDown;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>Our engine, <see cref="DrillDownEngine"/>, with its default options.</summary>
public sealed class DrillDownLocaliser : IRootCauseLocaliser
{
    public string Name => "RootCause";

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions) =>
        DrillDownEngine.Localise(leaves, dimensions).Select(f => f.Dimensions).ToList();
}
