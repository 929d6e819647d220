namespace RootCause.Evaluation.Nezha;

/// <summary>One line of the results table: ours beside the trivial rule for a system and a fault type (or all of its faults).</summary>
/// <param name="System">OB or TT.</param>
/// <param name="FaultType">An inject_type, or <see cref="NezhaScoreTable.AllTypes"/>.</param>
public sealed record NezhaScoreRow(string System, string FaultType, AccuracyAtK Ours, AccuracyAtK Trivial)
{
    public int Faults => Ours.Faults;
}
