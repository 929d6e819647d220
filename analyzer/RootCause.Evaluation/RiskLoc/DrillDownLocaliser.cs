using RootCause.Analysis.DrillDown;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>Our engine, <see cref="DrillDownEngine"/>, with its default options unless told otherwise.</summary>
public sealed class DrillDownLocaliser(DrillDownOptions? options = null, string name = "RootCause") : IRootCauseLocaliser
{
    private readonly DrillDownOptions _options = options ?? DrillDownOptions.Default;

    public string Name => name;

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Localise(IReadOnlyList<CubeLeaf> leaves, IReadOnlyList<string> dimensions) =>
        DrillDownEngine.Localise(leaves, dimensions, _options).Select(f => f.Dimensions).ToList();
}
