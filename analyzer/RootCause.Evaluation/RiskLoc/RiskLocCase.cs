using RootCause.Analysis.DrillDown;

namespace RootCause.Evaluation.RiskLoc;

/// <summary>One RS case ready for a localiser: the leaves at the anomalous minute with their forecasts, and the labels.</summary>
/// <param name="Name">The case name (anomaly.yaml's data field).</param>
/// <param name="Attributes">The attribute columns, in file order.</param>
/// <param name="Leaves">One leaf per attribute combination present at the anomalous minute.</param>
/// <param name="Labels">Labelled root causes, deduplicated.</param>
public sealed record RiskLocCase(string Name, IReadOnlyList<string> Attributes, IReadOnlyList<CubeLeaf> Leaves, IReadOnlyList<IReadOnlyDictionary<string, string>> Labels);
