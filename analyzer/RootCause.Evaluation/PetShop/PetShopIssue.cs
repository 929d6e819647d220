namespace RootCause.Evaluation.PetShop;

/// <summary>One injected issue: where it lives, its metrics and its target.</summary>
/// <param name="Scenario">low_traffic, high_traffic, temporal_traffic1 or temporal_traffic2.</param>
/// <param name="Split">train or test (the protocol scores both).</param>
/// <param name="Name">issue_N.</param>
public sealed record PetShopIssue(string Scenario, string Split, string Name, MetricTable Metrics, IssueTarget Target)
{
    public string Id => $"{Scenario}/{Split}/{Name}";
}
