using RootCause.Evaluation.Scoring;

namespace RootCause.Evaluation.PetShop.Scoring;

/// <summary>One line of the results table: our recall and specificity beside the published baseline.</summary>
/// <param name="Group">low_traffic, high_traffic, temporal (1 and 2 pooled) or overall.</param>
/// <param name="Metric">latency, availability or all.</param>
/// <param name="Specificity">Correct analyses over normal data; null where the dataset has no normal data.</param>
/// <param name="PublishedTop1">The baseline's figure; null where none is published.</param>
public sealed record ScoreRow(string Group, string Metric, Ratio Top1, Ratio Top3, Ratio? Specificity, double? PublishedTop1, double? PublishedTop3);
