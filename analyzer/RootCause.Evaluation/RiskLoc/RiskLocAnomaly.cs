namespace RootCause.Evaluation.RiskLoc;

/// <summary>One entry of RS/anomaly.yaml: the case file, the anomalous minute and its labelled root causes.</summary>
/// <param name="Data">The case name; the leaves are in &lt;Data&gt;.csv.</param>
/// <param name="Timestamp">The anomalous minute, Unix seconds.</param>
/// <param name="Causes">Labelled root causes, deduplicated; each is attribute → value, values as strings.</param>
/// <param name="Line">Line of the entry in anomaly.yaml.</param>
public sealed record RiskLocAnomaly(string Data, long Timestamp, IReadOnlyList<IReadOnlyDictionary<string, string>> Causes, int Line);
