namespace RootCause.Evaluation.PetShop;

/// <summary>One traffic scenario: its call graph, its normal-operation data (when the dataset has it) and its issues.</summary>
public sealed record PetShopScenario(string Name, PetShopGraph Graph, MetricTable? Normal, IReadOnlyList<PetShopIssue> Issues);
