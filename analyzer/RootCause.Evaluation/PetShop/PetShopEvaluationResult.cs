using RootCause.Analysis;
using RootCause.Evaluation.PetShop.Scoring;

namespace RootCause.Evaluation.PetShop;

/// <summary>Everything one evaluation run produced: per-issue outcomes, specificity checks and the summary rows.</summary>
public sealed record PetShopEvaluationResult(
    string Dataset,
    AnalyzerOptions Options,
    PetShopEvaluationSettings Settings,
    IReadOnlyList<IssueOutcome> Issues,
    IReadOnlyList<SpecificityCheck> Specificity)
{
    public IReadOnlyList<ScoreRow> Rows => ScoreTable.Build(Issues, Specificity);
}
