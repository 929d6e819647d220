using RootCause.Analysis;

namespace RootCause.Evaluation.Nezha;

/// <summary>Everything one evaluation run produced: per-fault outcomes and the summary rows.</summary>
public sealed record NezhaEvaluationResult(string Dataset, AnalyzerOptions Options, NezhaEvaluationSettings Settings, IReadOnlyList<NezhaFaultOutcome> Faults)
{
    public IReadOnlyList<NezhaScoreRow> Rows => NezhaScoreTable.Build(Faults);
}
